package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.Direction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An objective class given by name runs through the quality harness: {@code --objective}. */
class ObjectiveClassesTest {

    private static final String TINY = "dev.tuner.benchmarks.quality.TinyProblems";

    @TempDir
    Path dir;

    @Test
    void everyTuneMethodIsAProblemWithItsDirectionAndDeclaredOptimum() {
        List<Problem> problems = ObjectiveClasses.problems(List.of(TINY), "");

        assertThat(problems).extracting(Problem::name).containsExactly("TinyProblems.bowl", "TinyProblems.peak");
        assertThat(problems.get(0).direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(problems.get(0).optimum()).isEmpty();
        assertThat(problems.get(1).direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(problems.get(1).optimum()).hasValue(1.0);
    }

    @Test
    void aMaximizedProblemsBestSoFarIncreases() {
        Problem peak = ObjectiveClasses.problems(List.of(TINY), "").get(1);
        double[] trace = new QualityRun(30, 2, List.of(10, 25, 30)).bestSoFar(peak, "tpe", 0);

        assertThat(trace).hasSize(30);
        for (int i = 1; i < trace.length; i++) {
            assertThat(trace[i]).isGreaterThanOrEqualTo(trace[i - 1]);
        }
        assertThat(trace[29]).isGreaterThan(trace[0]).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theHarnessRunsAClassByNameAndWritesItsEntries() throws Exception {
        Path reference = dir.resolve("reference.json");
        Files.writeString(reference, "{\"results\": {}}");
        Path out = dir.resolve("quality.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        QualityBenchmark.run(new String[] {"--objective", TINY, "--samplers", "tpe", "--seeds", "2", "--trials", "30",
            "--reference", reference.toString(), "--out", out.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        JsonNode document = new ObjectMapper().readTree(out.toFile());
        assertThat(document.path("checkpoints")).extracting(JsonNode::asInt).containsExactly(10, 25, 30);
        assertThat(document.path("results").fieldNames()).toIterable()
                .containsExactly("TinyProblems.bowl", "TinyProblems.peak");

        JsonNode peak = document.path("results").path("TinyProblems.peak");
        assertThat(peak.path("optimum").asDouble()).isEqualTo(1.0);
        assertThat(peak.path("direction").asText()).isEqualTo("maximize");
        JsonNode tpe = peak.path("optimizers").path("tuner_tpe");
        assertThat(tpe.path("n_seeds").asInt()).isEqualTo(2);
        assertThat(tpe.path("checkpoints").fieldNames()).toIterable().containsExactly("10", "25", "30");
        double previous = Double.NEGATIVE_INFINITY;
        for (String checkpoint : List.of("10", "25", "30")) {
            JsonNode stats = tpe.path("checkpoints").path(checkpoint);
            assertThat(stats.path("per_seed")).hasSize(2);
            for (int seed = 0; seed < 2; seed++) {
                assertThat(stats.path("per_seed").get(seed).asDouble()).isLessThanOrEqualTo(1.0);
            }
            // maximized: the best so far grows, and the gap is optimum - median, never negative
            assertThat(stats.path("median").asDouble()).isGreaterThanOrEqualTo(previous);
            assertThat(stats.path("median_gap_to_optimum").asDouble())
                    .isCloseTo(1.0 - stats.path("median").asDouble(), org.assertj.core.data.Offset.offset(1e-12))
                    .isGreaterThanOrEqualTo(0);
            previous = stats.path("median").asDouble();
        }

        JsonNode bowl = document.path("results").path("TinyProblems.bowl");
        assertThat(bowl.path("optimum").isNull()).isTrue();
        assertThat(bowl.path("direction").asText()).isEqualTo("minimize");
        JsonNode bowlAt30 = bowl.path("optimizers").path("tuner_tpe").path("checkpoints").path("30");
        assertThat(bowlAt30.path("median_gap_to_optimum").isNull()).isTrue();
        assertThat(bowlAt30.path("median").asDouble()).isGreaterThanOrEqualTo(2.0);

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("TinyProblems.peak", "TinyProblems.bowl", "RESULT quality sampler=tpe scored=0");
    }

    @Test
    void aMethodNamedLikeAReferenceFunctionIsScoredAgainstIt() throws Exception {
        Path out = dir.resolve("quality.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        QualityBenchmark.run(new String[] {"--objective", "dev.tuner.benchmarks.quality.PublicNamedProblems",
            "--samplers", "random", "--seeds", "2", "--trials", "100",
            "--reference", "reference/quality.json,reference/quality_2026.json", "--out", out.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(out.toFile()).path("results").has("PublicNamedProblems.quad1")).isTrue();
        assertThat(table).doesNotContain("scored=0").contains("RESULT quality sampler=random score25=")
                .contains("peer25=").contains("optuna_tpe_mv");
        // its row has r and rp beside the reference optimizers' values, not the "-" of an unscored problem
        assertThat(table.lines().filter(line -> line.startsWith("PublicNamedProblems.quad1")).findFirst())
                .hasValueSatisfying(row -> assertThat(row.split("\\s+")).hasSize(10).doesNotContain("-"));
    }

    @Test
    void anUnknownClassIsNamedWithTheFix() {
        assertThatThrownBy(() -> ObjectiveClasses.problems(List.of("com.acme.Missing"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.acme.Missing").hasMessageContaining("--classpath");
    }
}
