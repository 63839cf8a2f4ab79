package dev.tuner.benchmarks.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoScoresTest {

    private static final JsonNode REFERENCE = reference();

    @Test
    void eachProblemIsScoredAgainstTheBetterOfTpeAndNsga2() throws Exception {
        Map<String, Map<Integer, Double>> ours = new LinkedHashMap<>();
        ours.put("zdt1", Map.of(50, 0.9, 100, 0.8, 200, 0.9));
        ours.put("bnh", Map.of(50, 0.9, 100, 0.9, 200, 0.9));
        MoScores scores = MoScores.of(ours, REFERENCE);
        // zdt1: TPE 0.8 / 0.8 / 0.9 beats NSGA-II 0.5 / 0.9 / 0.3 but at 100; bnh: only NSGA-II recorded
        assertThat(scores.ratios().get("zdt1")).containsEntry(50, 0.9 / 0.8).containsEntry(100, 0.8 / 0.9)
                .containsEntry(200, 1.0);
        assertThat(scores.ratios().get("bnh")).containsEntry(50, 1.0);
        assertThat(scores.geometricMean(50).getAsDouble()).isCloseTo(Math.sqrt(0.9 / 0.8), within(1e-12));
        assertThat(scores.min(100).getAsDouble()).isCloseTo(0.8 / 0.9, within(1e-12));
        assertThat(scores.resultLine("random")).isEqualTo("RESULT mo ratio50=1.061 min100=0.889 min200=1.000 optimizer=random");
    }

    @Test
    void aCheckpointNotReachedReadsNotAvailable() {
        MoScores scores = MoScores.of(Map.of("zdt1", Map.of(50, 0.8)), REFERENCE);
        assertThat(scores.resultLine("random")).isEqualTo("RESULT mo ratio50=1.000 min100=n/a min200=n/a optimizer=random");
    }

    @Test
    void theShippedReferenceHasOptunasFiguresForEveryProblem() throws Exception {
        JsonNode shipped = new ObjectMapper().readTree(new java.io.File("reference/mo_quality.json")).path("results");
        for (String problem : MoProblems.names()) {
            for (int checkpoint : MoBenchmark.CHECKPOINTS) {
                assertThat(MoScores.best(shipped, problem, checkpoint)).as("%s at %d", problem, checkpoint).isPresent();
            }
        }
        // mo.md's table: zdt1 TPE 0.809 at 50 trials
        assertThat(MoScores.best(shipped, "zdt1", 50).getAsDouble()).isCloseTo(0.809, within(5e-4));
    }

    private static JsonNode reference() {
        try {
            return new ObjectMapper().readTree("""
                    {"zdt1": {"tpe": {"checkpoints": {"50": {"hv_ratio_wide": {"median": 0.8}},
                                                      "100": {"hv_ratio_wide": {"median": 0.8}},
                                                      "200": {"hv_ratio_wide": {"median": 0.9}}}},
                              "nsga2": {"checkpoints": {"50": {"hv_ratio_wide": {"median": 0.5}},
                                                        "100": {"hv_ratio_wide": {"median": 0.9}},
                                                        "200": {"hv_ratio_wide": {"median": 0.3}}}},
                              "random": {"checkpoints": {"50": {"hv_ratio_wide": {"median": 0.99}}}}},
                     "bnh": {"nsga2": {"checkpoints": {"50": {"hv_ratio_wide": {"median": 0.9}},
                                                       "100": {"hv_ratio_wide": {"median": 0.9}},
                                                       "200": {"hv_ratio_wide": {"median": 0.9}}}}}}
                    """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
