package dev.tuner.benchmarks.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.benchmarks.CommandLine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny configuration; what it measures is not checked here, only what it reports. */
class ParallelBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void aTinyRunReportsEveryPartAndSkipsPostgresqlWithoutAServer() throws Exception {
        Path out = folder.resolve("parallel.json");

        Map<String, Object> results = ParallelBenchmark.run(2, 2, 3, 1, Optional.empty(), out);

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        for (String part : new String[] {"threads", "threads_journal", "journal_workers"}) {
            assertThat(json.at("/" + part + "/one/runners").asInt()).as(part).isEqualTo(1);
            assertThat(json.at("/" + part + "/one/trials").asInt()).as(part).isEqualTo(3);
            assertThat(json.at("/" + part + "/many/runners").asInt()).as(part).isEqualTo(2);
            assertThat(json.at("/" + part + "/many/trials").asInt()).as("each runner's share of the budget, " + part).isEqualTo(6);
            assertThat(json.at("/" + part + "/speedup").asDouble()).as(part).isEqualTo(
                    json.at("/" + part + "/many/trials_per_s").asDouble() / json.at("/" + part + "/one/trials_per_s").asDouble());
        }
        assertThat(json.at("/pg_workers/skipped").asText()).contains("TUNER_TEST_JDBC_URL");
        assertThat(ParallelBenchmark.resultLine(results))
                .matches("RESULT parallel threads2_speedup=\\d+\\.\\d\\d pg2_speedup=skipped journal2_speedup=\\d+\\.\\d\\d");
    }

    @Test
    void theResultLineNamesTheRunnersAndRoundsEachSpeedup() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("threads_many", 8);
        results.put("workers_many", 4);
        results.put("threads", Map.of("speedup", 7.914));
        results.put("threads_journal", Map.of("speedup", 7.5));
        results.put("journal_workers", Map.of("speedup", 3.456));
        results.put("pg_workers", Map.of("speedup", 3.995));

        assertThat(ParallelBenchmark.resultLine(results))
                .isEqualTo("RESULT parallel threads8_speedup=7.91 pg4_speedup=4.00 journal4_speedup=3.46");
    }

    @Test
    void speedupIsTheRatioOfTrialsPerSecond() {
        Throughput one = new Throughput(1, 20, 1.0);
        Throughput four = new Throughput(4, 80, 1.25);

        assertThat(four.trialsPerSecond()).isEqualTo(64.0);
        assertThat(four.speedupOver(one)).isEqualTo(3.2);
    }

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        CommandLine.Values defaults = ParallelBenchmark.COMMAND.parse();
        assertThat(defaults.get(ParallelBenchmark.THREADS)).isEqualTo(8);
        assertThat(defaults.get(ParallelBenchmark.WORKERS)).isEqualTo(4);
        assertThat(defaults.get(ParallelBenchmark.TRIALS)).isEqualTo(100);
        assertThat(defaults.get(ParallelBenchmark.SLEEP_MS)).isEqualTo(50);
        assertThat(defaults.get(ParallelBenchmark.OUT)).isEqualTo(Path.of("benchmarks/target/results/parallel.json"));
        assertThat(ParallelBenchmark.jdbc(defaults)).isEqualTo(Optional.ofNullable(System.getenv("TUNER_TEST_JDBC_URL")));

        CommandLine.Values given = ParallelBenchmark.COMMAND.parse("--threads", "2", "--workers", "3", "--trials", "5",
                "--sleep-ms", "1", "--jdbc", "jdbc:postgresql://db:5432/tuner", "--out", "p.json");
        assertThat(given.get(ParallelBenchmark.THREADS)).isEqualTo(2);
        assertThat(given.get(ParallelBenchmark.WORKERS)).isEqualTo(3);
        assertThat(given.get(ParallelBenchmark.TRIALS)).isEqualTo(5);
        assertThat(given.get(ParallelBenchmark.SLEEP_MS)).isEqualTo(1);
        assertThat(ParallelBenchmark.jdbc(given)).contains("jdbc:postgresql://db:5432/tuner");
        assertThat(ParallelBenchmark.jdbc(ParallelBenchmark.COMMAND.parse("--jdbc", "off"))).isEmpty();

        assertThatIllegalArgumentException().isThrownBy(() -> ParallelBenchmark.COMMAND.parse("--sleep", "5"))
                .withMessage("unknown option --sleep; use --threads, --workers, --trials, --sleep-ms, --jdbc or --out"
                        + " (--help describes them)");
    }
}
