package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score computed here reproduces the figures the bench README gives for the reference optimizers. */
class ScoreboardTest {

    private static final Path REFERENCE = Path.of("reference/quality.json");
    private static final List<String> FUNCTIONS = Functions.all().stream().map(BenchmarkFunction::name).toList();

    @Test
    void reproducesTheReadmeScoresOfTheReferenceOptimizers() throws IOException {
        Scoreboard scoreboard = new Scoreboard(new ObjectMapper().readTree(REFERENCE.toFile()).path("results"));

        // shared/bench/README.md §1 (rounded there; 1.985 is printed as 1.99): Optuna TPE 1.99 / 1.80 / 1.34, Hyperopt TPE 2.28 / 3.33 / 3.52,
        // Optuna random 3.5 / 11 / 22 at 25 / 50 / 100 trials
        assertThat(scoreboard.referenceScore(FUNCTIONS, "optuna_tpe", "25")).isCloseTo(1.99, within(0.01));
        assertThat(scoreboard.referenceScore(FUNCTIONS, "optuna_tpe", "50")).isCloseTo(1.80, within(0.005));
        assertThat(scoreboard.referenceScore(FUNCTIONS, "optuna_tpe", "100")).isCloseTo(1.34, within(0.005));
        assertThat(scoreboard.referenceScore(FUNCTIONS, "hyperopt_tpe", "100")).isCloseTo(3.52, within(0.005));
        assertThat(scoreboard.referenceScore(FUNCTIONS, "optuna_random", "25")).isCloseTo(3.5, within(0.05));
    }

    @Test
    void ratioFloorsGapsAndDividesByTheBetterOptunaVariant() {
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.valueToTree(java.util.Map.of("f", java.util.Map.of("optimizers", java.util.Map.of(
                "optuna_tpe", gap(json, 0.4), "optuna_tpe_mv", gap(json, 0.2)))));
        Scoreboard scoreboard = new Scoreboard(results);

        assertThat(scoreboard.ratio("f", "100", 0.1)).isCloseTo(0.5, within(1e-12));
        assertThat(scoreboard.ratio("f", "100", 0.0)).isCloseTo(1e-12 / 0.2, within(1e-20));
        assertThat(Scoreboard.geometricMean(List.of(2.0, 8.0))).isCloseTo(4.0, within(1e-12));
    }

    private static JsonNode gap(ObjectMapper json, double gap) {
        return json.valueToTree(java.util.Map.of("checkpoints",
                java.util.Map.of("100", java.util.Map.of("median_gap_to_optimum", gap))));
    }
}
