package dev.tuner.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.benchmarks.parallel.BenchmarkDatabase;
import dev.tuner.testing.postgres.TestPostgres;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny study; what it measures is not checked here, only what it reports. */
class ScaleBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void aTinyRunOnPostgresqlReportsEveryWindow() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (BenchmarkDatabase database = BenchmarkDatabase.create(TestPostgres.database())) {
            Map<Integer, Map<String, Object>> figures = new ScaleRun(classPath, folder).run(database, "random", 2, 60,
                    List.of(30, 60));

            assertThat(figures).containsOnlyKeys(30, 60);
            assertThat(figures.get(60)).containsKeys("from_trial", "to_trial", "starts_per_s", "xact_per_trial",
                    "tuples_per_trial", "heap_mb");
            assertThat((int) figures.get(60).get("to_trial")).isGreaterThanOrEqualTo(60);
            assertThat((double) figures.get(60).get("heap_mb")).isPositive();
        }
    }

    @Test
    void lateKnobsAreDrawnAsTheObjectiveEvaluatesNotUpFront() {
        dev.tuner.core.study.Study study = dev.tuner.core.study.Study.builder("late")
                .sampler(new dev.tuner.core.sampler.RandomSampler(1))
                .storage(new dev.tuner.core.storage.InMemoryStorage()).build();
        InstantObjective objective = new InstantObjective(3);

        study.optimize(objective, 2);

        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.params())
                .containsOnlyKeys("x", "y", "n", "rate", "late0", "late1", "late2"));
        dev.tuner.core.trial.Trial prepared = study.ask();
        objective.prepare(prepared);
        assertThat(study.trials().get(2).params()).containsOnlyKeys("x", "y", "n", "rate");
        assertThatIllegalArgumentException().isThrownBy(() -> new InstantObjective(-1)).withMessageContaining("--late-knobs");
    }

    @Test
    void windowsStartAFifthOfTheWayInAndSpanTenThousandTrialsAtMost() {
        assertThat(ScaleRun.windowStart(1_000)).isEqualTo(200);
        assertThat(ScaleRun.windowStart(10_000)).isEqualTo(2_000);
        assertThat(ScaleRun.windowStart(100_000)).isEqualTo(90_000);
    }

    @Test
    void theResultLineNamesTheFirstAndLastWindows() {
        Map<Integer, Map<String, Object>> figures = new LinkedHashMap<>();
        figures.put(1_000, Map.of("tuples_per_trial", 81.04, "xact_per_trial", 3.1, "starts_per_s", 400.0, "heap_mb", 12.0));
        figures.put(100_000, Map.of("tuples_per_trial", 79.96, "xact_per_trial", 3.004, "starts_per_s", 390.25,
                "heap_mb", 30.5));

        assertThat(ScaleBenchmark.resultLine(Map.of("auto/this", figures), "auto/this", List.of(1_000, 100_000)))
                .isEqualTo("RESULT scale tuples_per_trial_1k=81.0 tuples_per_trial_100k=80.0 xact_per_trial=3.00"
                        + " starts_per_s_100k=390.3 heap_mb_100k=30.5");
    }

    @Test
    void aBaselineJarTakesThePlaceOfTunerCore() {
        String classPath = String.join(File.pathSeparator, "/repo/benchmarks/target/classes",
                "/m2/dev/tuner/tuner-core/0.1.0-SNAPSHOT/tuner-core-0.1.0-SNAPSHOT.jar", "/m2/org/postgresql/postgresql.jar");

        assertThat(ScaleBenchmark.withCore(classPath, Path.of("/tmp/base/tuner-core-0.1.0-SNAPSHOT.jar")).split(File.pathSeparator))
                .containsExactly("/repo/benchmarks/target/classes", "/tmp/base/tuner-core-0.1.0-SNAPSHOT.jar",
                        "/m2/org/postgresql/postgresql.jar");
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleBenchmark.withCore("/a.jar", Path.of("/b.jar")))
                .withMessageContaining("no tuner-core on the benchmark's class path");
    }
}
