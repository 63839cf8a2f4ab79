package dev.tuner.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny run: what it reports and how, not how fast anything is. */
class OverheadBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void aTinyConsoleLauncherRunTimesBothEnginesContainers() throws Exception {
        Path out = folder.resolve("overhead.json");
        Path journal = folder.resolve("journal.jsonl");

        JsonNode results = OverheadBenchmark.run(OverheadBenchmark.Options.parse("--trials", "10",
                "--jupiter", TinyRepeated.class.getName(), "--heap", "128m",
                "--storage", "journal:" + journal, "--out", out.toString()));

        JsonNode written = new ObjectMapper().readTree(out.toFile());
        assertThat(written.get("tuner_us").asDouble()).isEqualTo(results.get("tuner_us").asDouble());
        assertThat(written.at("/tuner/engine").asText()).isEqualTo("tuner");
        assertThat(written.at("/tuner/tests").asInt()).isEqualTo(10);
        assertThat(written.at("/tuner/heap_middle_tests").asInt()).isEqualTo(5);
        assertThat(written.at("/jupiter/engine").asText()).isEqualTo("junit-jupiter");
        assertThat(written.at("/jupiter/tests").asInt()).isEqualTo(TinyRepeated.REPETITIONS);
        assertThat(written.get("tuner_us").asDouble()).isEqualTo(OverheadBenchmark.microsPerTest(written.get("tuner")));
        assertThat(written.at("/tuner/java_threads_cpu_nanos").asLong()).isPositive();
        assertThat(written.at("/tuner/instances_middle").has("dev.tuner.engine.TrialDescriptor")).isTrue();
        assertThat(written.at("/tuner/instances_middle/dev.tuner.engine.TrialDescriptor").asLong())
                .as("finished trials' descriptors are dropped; at most the one being reported is alive").isLessThanOrEqualTo(1);
        assertThat(written.get("tuner_us_second_half").asDouble()).isPositive();
        assertThat(written.at("/tuner/end_nanos").asLong()).as("the study's end: best trial, properties file, report")
                .isPositive().isLessThan(written.at("/tuner/nanos").asLong());
        assertThat(written.get("tuner_end_ms").asDouble()).isEqualTo(written.at("/tuner/end_nanos").asLong() / 1e6);
        assertThat(written.get("tuner_start_ms").asDouble()).isPositive()
                .isEqualTo(written.at("/tuner/start_nanos").asLong() / 1e6)
                .isLessThan(written.at("/tuner/nanos").asLong() / 1e6);
        assertThat(written.get("tuner_to_jupiter").asDouble())
                .isEqualTo(written.get("tuner_us").asDouble() / written.get("jupiter_us").asDouble());
        assertThat(written.get("heap_peak_bytes").asLong()).isPositive()
                .isLessThanOrEqualTo(written.get("heap_max_bytes").asLong());
        assertThat(written.at("/floor/engine").asText()).isEqualTo(PlatformFloorEngine.ID);
        assertThat(written.at("/floor/tests").asInt()).as("the floor shows as many tests as Tuner runs trials").isEqualTo(10);
        assertThat(written.get("floor_us").asDouble()).isPositive();
        // the study's 10 trials and the test of its best (not counted as a trial above), the repetitions, the floor's
        assertThat(written.get("console_summary").toString())
                .contains((10 + 1 + TinyRepeated.REPETITIONS + 10) + " tests successful");
        assertThat(written.at("/tuner/growth_after").isArray()).isTrue();
        assertThat(OverheadBenchmark.resultLine(written.get("tuner_us").asDouble(), written.get("jupiter_us").asDouble()))
                .matches("RESULT overhead tuner_us=\\d+\\.\\d jupiter_us=\\d+\\.\\d");
    }

    @Test
    void theResultLineRoundsToATenthOfAMicrosecond() {
        assertThat(OverheadBenchmark.resultLine(41.26, 312.04)).isEqualTo("RESULT overhead tuner_us=41.3 jupiter_us=312.0");
    }

    @Test
    void aContainersTimePerTestIsItsNanosecondsOverItsTests() throws Exception {
        JsonNode container = new ObjectMapper().readTree("{\"nanos\": 50000000, \"tests\": 1000}");

        assertThat(OverheadBenchmark.microsPerTest(container)).isEqualTo(50.0);
    }

    @Test
    void classHistogramGrowthIsSortedByBytesAndLeavesOutWhatShrank() {
        ClassHistogram before = ClassHistogram.parse("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:           100           4000  [B (java.base@17.0.15)
                   2:            10            240  java.lang.String (java.base@17.0.15)
                   3:             5            200  dev.tuner.Gone
                Total           115           4440
                """);
        ClassHistogram after = ClassHistogram.parse("""
                   1:           150           9000  [B (java.base@17.0.15)
                   2:           110           2640  java.lang.String (java.base@17.0.15)
                   3:            20            640  org.junit.platform.launcher.TestIdentifier
                """);

        assertThat(after.totalBytes()).isEqualTo(12280);
        assertThat(after.growthSince(before, 10)).extracting(growth -> growth.get("class") + " " + growth.get("instances")
                + " " + growth.get("bytes")).containsExactly("[B 50 5000", "java.lang.String 100 2400",
                "org.junit.platform.launcher.TestIdentifier 20 640");
    }

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        OverheadBenchmark.Options defaults = OverheadBenchmark.Options.parse();
        assertThat(defaults.trials()).as("the case's own 20,000").isEmpty();
        assertThat(defaults.jupiterClass()).isEqualTo(TrivialRepeated.class.getName());
        assertThat(defaults.heap()).isEqualTo("256m");
        assertThat(defaults.details()).isEqualTo("tree");
        assertThat(defaults.storage()).isEmpty();
        assertThat(defaults.jvmArgs()).isEmpty();
        assertThat(defaults.first()).isEqualTo("tuner");
        assertThat(defaults.runs()).isEqualTo(1);
        assertThat(defaults.live()).as("the engine's default, tuner.report.live=true").isTrue();
        assertThat(defaults.out()).isEqualTo(Path.of("benchmarks/target/results/overhead.json"));

        OverheadBenchmark.Options given = OverheadBenchmark.Options.parse("--trials", "100", "--heap", "1g",
                "--details", "none", "--storage", "memory:", "--jvm-args", " -XX:+UseSerialGC  -Xss2m ",
                "--first", "jupiter", "--runs", "3", "--live", "false", "--out", "o.json");
        assertThat(given.trials()).hasValue(100);
        assertThat(given.heap()).isEqualTo("1g");
        assertThat(given.details()).isEqualTo("none");
        assertThat(given.storage()).contains("memory:");
        assertThat(given.jvmArgs()).containsExactly("-XX:+UseSerialGC", "-Xss2m");
        assertThat(given.first()).isEqualTo("jupiter");
        assertThat(given.runs()).isEqualTo(3);
        assertThat(given.live()).isFalse();
        assertThat(given.out()).isEqualTo(Path.of("o.json"));

        assertThatIllegalArgumentException().isThrownBy(() -> OverheadBenchmark.Options.parse("--repeats", "3"))
                .withMessage("unknown option --repeats; use --trials, --jupiter, --heap, --details, --storage,"
                        + " --jvm-args, --first, --runs, --live or --out (--help describes them)");
        assertThatIllegalArgumentException().isThrownBy(() -> OverheadBenchmark.Options.parse("--first", "floor"))
                .withMessageContaining("give tuner or jupiter");
        assertThatIllegalArgumentException().isThrownBy(() -> OverheadBenchmark.Options.parse("--live", "yes"))
                .withMessageContaining("give true or false");
    }
}
