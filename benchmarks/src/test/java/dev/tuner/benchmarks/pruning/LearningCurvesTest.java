package dev.tuner.benchmarks.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningCurvesTest {

    /** The curve without its noise, as the class comment writes it. */
    private static double smooth(double lr, double reg, double warmup, int t) {
        double u = Math.log10(lr);
        double asymptote = 0.05 + 0.08 * (u + 2) * (u + 2) + 0.3 * (reg - 0.3) * (reg - 0.3) - 0.02 * warmup;
        return asymptote + (1 - asymptote) * Math.exp(-Math.max(0, t - 20 * warmup) / (3 / Math.sqrt(lr)));
    }

    @Test
    void theNoiseIsAtMostTwoPercentAndTheSameForTheSameKnobs() {
        for (int t = 1; t <= 100; t++) {
            double value = LearningCurves.value(0.01, 0.5, 0.25, t);
            assertThat(value / smooth(0.01, 0.5, 0.25, t)).isBetween(0.98, 1.02);
            assertThat(LearningCurves.value(0.01, 0.5, 0.25, t)).isEqualTo(value);
            assertThat(LearningCurves.noise(0.01, 0.5, 0.25, t)).isBetween(-1.0, 1.0);
        }
        assertThat(LearningCurves.noise(0.01, 0.5, 0.25, 7)).isNotEqualTo(LearningCurves.noise(0.01, 0.5, 0.25, 8));
    }

    @Test
    void curvesCrossSoThatJudgingEarlyMisleads() {
        // a large learning rate leads at step 10, a smaller one ends lower
        assertThat(LearningCurves.value(0.1, 0.3, 0, 10)).isLessThan(LearningCurves.value(0.02, 0.3, 0, 10));
        assertThat(LearningCurves.value(0.1, 0.3, 0, 100)).isGreaterThan(LearningCurves.value(0.02, 0.3, 0, 100));
        // a warm-up starts late and ends lower
        assertThat(LearningCurves.value(0.02, 0.3, 0.5, 10)).isGreaterThan(LearningCurves.value(0.02, 0.3, 0, 10));
        assertThat(smooth(0.02, 0.3, 0.5, 100)).isLessThan(smooth(0.02, 0.3, 0, 100));
        assertThat(LearningCurves.value(0.02, 0.3, 1, 20)).isCloseTo(1, within(0.03));
    }

    @Test
    void theBestFinalValueIsAboutFiveAndAHalfPercent() {
        double best = Double.POSITIVE_INFINITY;
        for (double u = -4; u <= 0; u += 0.02) {
            for (double reg = 0; reg <= 1; reg += 0.05) {
                for (double warmup = 0; warmup <= 1; warmup += 0.05) {
                    best = Math.min(best, LearningCurves.value(Math.pow(10, u), reg, warmup, 100));
                }
            }
        }
        assertThat(best).isBetween(0.05, 0.06);
    }
}
