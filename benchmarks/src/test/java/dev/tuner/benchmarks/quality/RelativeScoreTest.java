package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The score of samplers against each other on problems with no peer. */
class RelativeScoreTest {

    @Test
    void eachProblemDividesByTheBestSamplerAndTheScoreIsTheGeometricMean() {
        Map<String, double[]> gaps = new LinkedHashMap<>();
        gaps.put("tpe", new double[] {1.0, 0.5});
        gaps.put("random", new double[] {4.0, 0.125});

        Map<String, Double> scores = RelativeScore.scores(gaps);

        // tpe: r = 1, 4 -> 2; random: r = 4, 1 -> 2
        assertThat(scores.get("tpe")).isCloseTo(2.0, within(1e-12));
        assertThat(scores.get("random")).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void gapsAreFlooredAndUnknownGapsLeaveTheProblemOut() {
        Map<String, double[]> gaps = new LinkedHashMap<>();
        gaps.put("a", new double[] {1e-9, 2e-3, Double.NaN});
        gaps.put("b", new double[] {1e-6, 1e-3, 5.0});

        Map<String, Double> scores = RelativeScore.scores(gaps);

        // problem 1: both floored to 1e-3, r = 1 each; problem 2: a 2, b 1; problem 3 left out
        assertThat(scores.get("a")).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(scores.get("b")).isCloseTo(1.0, within(1e-12));
        assertThat(RelativeScore.geometricMeanGap(new double[] {1e-5, 10, Double.NaN})).isCloseTo(0.1, within(1e-12));
    }
}
