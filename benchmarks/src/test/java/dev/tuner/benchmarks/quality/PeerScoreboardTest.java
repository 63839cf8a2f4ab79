package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The best-peer score reproduces the figures of the bench README §1b, and its rules hold on tiny inputs. */
class PeerScoreboardTest {

    private static final List<String> FUNCTIONS = Functions.all().stream().map(BenchmarkFunction::name).toList();
    private final ObjectMapper json = new ObjectMapper();

    private PeerScoreboard shipped() throws IOException {
        return new PeerScoreboard(List.of(
                json.readTree(Path.of("reference/quality.json").toFile()).path("results"),
                json.readTree(Path.of("reference/quality_2026.json").toFile()).path("results")));
    }

    @Test
    void reproducesTheReadmeFiguresOfOptuna5() throws IOException {
        PeerScoreboard peers = shipped();

        // README §1b: GPSampler 1.38 / 1.38 / 1.14, Optuna 5 TPE 10.8 / 11.1 / 4.1, CMA-ES 9.6 / 30 / 9.1
        assertThat(peers.referenceScore(FUNCTIONS, "optuna5_gp", "25")).isCloseTo(1.38, within(0.005));
        assertThat(peers.referenceScore(FUNCTIONS, "optuna5_gp", "50")).isCloseTo(1.38, within(0.005));
        assertThat(peers.referenceScore(FUNCTIONS, "optuna5_gp", "100")).isCloseTo(1.14, within(0.005));
        assertThat(peers.referenceScore(FUNCTIONS, "optuna5_tpe", "25")).isCloseTo(10.8, within(0.05));
        assertThat(peers.referenceScore(FUNCTIONS, "optuna5_tpe", "100")).isCloseTo(4.1, within(0.05));
        assertThat(peers.referenceScore(FUNCTIONS, "optuna5_cmaes", "50")).isCloseTo(30, within(0.5));
    }

    @Test
    void theBestPeerIsTheSmallestGapOfANonRandomOptimizerWithEightSeeds() {
        JsonNode first = json.valueToTree(Map.of("f", Map.of("optimizers", Map.of(
                "optuna_random", stats(0.001, 20),
                "optuna_tpe", stats(0.5, 20)))));
        JsonNode second = json.valueToTree(Map.of("f", Map.of("optimizers", Map.of(
                "optuna5_gp", stats(0.1, 7),
                "optuna5_cmaes", stats(0.2, 8)))));
        PeerScoreboard peers = new PeerScoreboard(List.of(first, second));

        assertThat(peers.best("f", "100")).hasValue(new PeerScoreboard.Peer("optuna5_cmaes", 0.2));
        assertThat(peers.ratio("f", "100", 0.4)).isCloseTo(2.0, within(1e-12));
        // both gaps floored at 1e-3
        assertThat(peers.ratio("f", "100", 0.0)).isCloseTo(1e-3 / 0.2, within(1e-15));
        assertThat(PeerScoreboard.isRandom("hyperopt_rand")).isTrue();
        assertThat(PeerScoreboard.isRandom("hyperopt_tpe")).isFalse();
    }

    @Test
    void gapsBelowTheFloorAreEqual() {
        JsonNode reference = json.valueToTree(Map.of("f", Map.of("optimizers", Map.of("gp", stats(1e-7, 10)))));

        assertThat(new PeerScoreboard(List.of(reference)).ratio("f", "100", 5e-4)).isEqualTo(1.0);
    }

    private Map<String, Object> stats(double gap, int seeds) {
        return Map.of("checkpoints", Map.of("100", Map.of("median_gap_to_optimum", gap, "per_seed", new double[seeds])));
    }
}
