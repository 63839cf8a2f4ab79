package dev.tuner.benchmarks.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoBenchmarkTest {

    @Test
    void writesResultsInTheShapeOfMoQualityAndEndsWithTheResultLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mo.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        MoBenchmark.run(MoBenchmark.COMMAND.parse("--problems", "zdt1,constr", "--optimizers", "random", "--seeds", "3", "--trials", "100",
                "--reference", "reference/mo_quality.json", "--out", out.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8), "test");

        String console = printed.toString(StandardCharsets.UTF_8);
        String[] lines = console.strip().split("\n");
        assertThat(lines[lines.length - 2]).matches("RESULT mo ratio50=\\d\\.\\d{3} min100=\\d\\.\\d{3} min200=n/a optimizer=random");
        assertThat(lines[lines.length - 1]).isEqualTo("RESULT mo-unscored gmean50=n/a gmean100=n/a gmean200=n/a problems=0"
                + " optimizer=random");
        assertThat(console).contains("feasible by trial 50 in every seed (random): {constr=3/3}");
        assertThat(console).containsPattern("proposal ms at \\[50, 100\\] trials \\(median of seeds; mean of the 10"
                + " proposals up to each\\): zdt1 random: \\d+\\.\\d / \\d+\\.\\d");

        JsonNode document = new ObjectMapper().readTree(out.toFile());
        JsonNode ours = document.path("results").path("constr").path("tuner_random");
        assertThat(ours.path("seeds")).hasSize(3);
        assertThat(ours.path("n_trials").intValue()).isEqualTo(100);
        assertThat(ours.path("checkpoints").fieldNames()).toIterable().containsExactly("50", "100");
        JsonNode at50 = ours.path("checkpoints").path("50");
        assertThat(at50.fieldNames()).toIterable()
                .containsExactly("hv_ratio", "hv_ratio_wide", "igd", "n_feasible", "proposal_ms");
        assertThat(at50.path("proposal_ms").path("per_seed")).hasSize(3);
        assertThat(at50.path("hv_ratio_wide").fieldNames()).toIterable().containsExactly("median", "q25", "q75", "per_seed");
        assertThat(at50.path("hv_ratio_wide").path("median").doubleValue()).isBetween(0.5, 1.0);
        assertThat(at50.path("n_feasible").path("per_seed")).hasSize(3);
        JsonNode constr = document.path("problems").path("constr");
        assertThat(constr.path("hv_true").doubleValue()).isEqualTo(5.332670497874138);
        assertThat(constr.path("front_sample_points").intValue()).isEqualTo(1000);
        assertThat(document.path("scores").path("tuner_random").path("per_problem").path("zdt1").has("50")).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        MoProblem mixed = MoProblems.named("mixed");
        MoRun first = MoRun.of(mixed, MoOptimizers.create("random", 4), 60, MoBenchmark.CHECKPOINTS);
        MoRun again = MoRun.of(mixed, MoOptimizers.create("random", 4), 60, MoBenchmark.CHECKPOINTS);
        assertThat(first.metrics()).isEqualTo(again.metrics()).containsOnlyKeys(50);
        assertThat(first.firstFeasible()).isEqualTo(1);
    }

    @Test
    void randomProposalsStayInTheSpace() {
        MoProblem mixed = MoProblems.named("mixed");
        MoOptimizer random = MoOptimizers.create("random", 1);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> params = random.propose(mixed, List.of());
            assertThat((Double) params.get("lr")).isBetween(1e-5, 1e-1);
            assertThat((Integer) params.get("layers")).isBetween(1, 8);
            assertThat((String) params.get("arch")).isIn("mlp", "cnn", "transformer");
        }
    }

    @Test
    void optionsKeepTheirNamesAndDefaultsAndMistakesAreNamed() {
        var given = MoBenchmark.COMMAND.parse();
        assertThat(given.get(MoBenchmark.SUITE)).isEqualTo("public");
        assertThat(MoBenchmark.problems(given.get(MoBenchmark.SUITE), List.of())).isEqualTo(MoProblems.all());
        assertThat(given.get(MoBenchmark.OPTIMIZERS)).containsExactly("study:auto", "random");
        assertThat(given.get(MoBenchmark.SEEDS)).isEqualTo(10);
        assertThat(given.get(MoBenchmark.TRIALS)).isEqualTo(200);
        assertThat(given.get(MoBenchmark.REFERENCE)).isEqualTo(Path.of("benchmarks/reference/mo_quality.json"));
        assertThatIllegalArgumentException().isThrownBy(() -> MoBenchmark.run(
                MoBenchmark.COMMAND.parse("--optimizers", "motpe"), System.out, ""))
                .withMessageContaining("no multi-objective optimizer motpe; use 'random' or study:<sampler spec>");
        assertThatIllegalArgumentException().isThrownBy(() -> MoOptimizers.create("study:nosuch", 0))
                .withMessageContaining("nosuch");
        assertThatIllegalArgumentException().isThrownBy(() -> MoBenchmark.problems("training", List.of("zdt1")))
                .withMessageContaining("--problems zdt1 is not in --suite training; its problems are [zdt4,");
        assertThatIllegalArgumentException().isThrownBy(() -> MoBenchmark.problems("private", List.of()))
                .withMessageContaining("--suite private is not a suite; use public, training or all");
    }

    @Test
    void aCoreSamplerRunsThroughAStudyTellingItObjectivesAndConstraints() {
        MoProblem constr = MoProblems.named("constr");
        MoRun first = MoRun.of(constr, MoOptimizers.create("study:random", 3), 60, MoBenchmark.CHECKPOINTS);
        MoRun again = MoRun.of(constr, MoOptimizers.create("study:random", 3), 60, MoBenchmark.CHECKPOINTS);
        assertThat(first.metrics()).isEqualTo(again.metrics()).containsOnlyKeys(50);
        assertThat(first.metrics().get(50).hvRatioWide()).isBetween(0.3, 1.0);

        MoProblem mixed = MoProblems.named("mixed");
        MoOptimizer study = MoOptimizers.create("study:random", 1);
        List<MoTrial> history = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> params = study.propose(mixed, List.copyOf(history));
            assertThat((Double) params.get("lr")).isBetween(1e-5, 1e-1);
            assertThat((Integer) params.get("layers")).isBetween(1, 8);
            assertThat((String) params.get("arch")).isIn("mlp", "cnn", "transformer");
            history.add(new MoTrial(params, mixed.evaluate(params)));
        }
        assertThat(history.stream().map(trial -> trial.params().get("arch")).distinct()).hasSize(3);
    }

}
