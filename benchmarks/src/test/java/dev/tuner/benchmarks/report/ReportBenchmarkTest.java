package dev.tuner.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.report.HtmlReport;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchmarks/run report}'s options; nothing is timed. */
class ReportBenchmarkTest {

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        CommandLine.Values defaults = ReportBenchmark.COMMAND.parse();
        assertThat(defaults.get(ReportBenchmark.SIZES)).containsExactly(1000, 20_000, 100_000);
        assertThat(defaults.get(ReportBenchmark.COLD)).isEqualTo(3);
        assertThat(defaults.get(ReportBenchmark.WARMUP)).isEqualTo(5);
        assertThat(defaults.get(ReportBenchmark.REPEATS)).isEqualTo(5);
        assertThat(defaults.get(ReportBenchmark.OUT)).isEqualTo(Path.of("benchmarks/target/results/report.json"));
        assertThat(defaults.has(ReportBenchmark.CHILD)).isFalse();
        assertThat(defaults.get(ReportBenchmark.OBJECTIVES)).isEqualTo(1);

        CommandLine.Values given = ReportBenchmark.COMMAND.parse("--sizes", "10,20", "--cold", "1", "--warmup", "0",
                "--repeats", "2", "--out", "r.json", "--child", "10", "--objectives", "2");
        assertThat(given.get(ReportBenchmark.SIZES)).containsExactly(10, 20);
        assertThat(given.get(ReportBenchmark.COLD)).isEqualTo(1);
        assertThat(given.get(ReportBenchmark.WARMUP)).isZero();
        assertThat(given.get(ReportBenchmark.REPEATS)).isEqualTo(2);
        assertThat(given.get(ReportBenchmark.OUT)).isEqualTo(Path.of("r.json"));
        assertThat(given.get(ReportBenchmark.CHILD)).isEqualTo(10);
        assertThat(given.get(ReportBenchmark.OBJECTIVES)).isEqualTo(2);

        assertThatIllegalArgumentException().isThrownBy(() -> ReportBenchmark.COMMAND.parse("--size", "10"))
                .withMessage("unknown option --size; use --sizes, --cold, --warmup, --repeats, --objectives, --out or --child"
                        + " (--help describes them)");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportBenchmark.COMMAND.parse("--sizes", "1000,20k"))
                .withMessageStartingWith("--sizes 1000,20k must be whole numbers of at least 1");
    }

    @Test
    void theStudyOfTwoObjectivesHasAFrontAndTrialsThatBreakItsConstraint(@TempDir Path directory) throws Exception {
        Study study = ReportBenchmark.twoObjectives(200);

        assertThat(study.objectiveNames()).containsExactly("loss", "latencyMs");
        List<FrozenTrial> complete = study.trials().stream().filter(trial -> trial.state() == TrialState.COMPLETE).toList();
        assertThat(complete).anyMatch(trial -> !trial.isFeasible()).anyMatch(FrozenTrial::isFeasible);
        assertThat(study.bestTrials()).hasSizeGreaterThan(2);
        Path page = new HtmlReport(Clock.systemUTC()).write(directory, StudySnapshot.of(study));
        assertThat(Files.readString(page)).contains("id=\"pareto\"", "id=\"hypervolume\"", "loss (min)");
    }
}
