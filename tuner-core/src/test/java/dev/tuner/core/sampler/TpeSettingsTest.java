package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TpeSettingsTest {

    static TpeSettings withWindow(int window) {
        TpeSettings d = TpeSampler.builder().seed(1).build().settings();
        return new TpeSettings(d.multivariate(), d.startupTrials(), d.candidates(), d.gamma(), d.maxBelow(),
                d.priorWeight(), d.bandwidthScale(), d.priorSpread(), d.minBandwidth(), d.magicClip(),
                d.continuousClip(), d.categoricalClip(), window, d.constantLiar());
    }

    @Test
    void theWeightsOfAllBadTrialsAreEachOnesWeight() {
        for (int window : new int[] {0, 1, 25}) {
            TpeSettings settings = withWindow(window);
            for (int n : new int[] {0, 1, 2, 10, 25, 26, 27, 100, 10_000}) {
                double[] weights = new double[n + 3];
                settings.badWeights(weights, n);
                for (int i = 0; i < n; i++) {
                    assertThat(weights[i]).as("window %d, trial %d of %d", window, i, n)
                            .isCloseTo(settings.badWeight(i, n), within(1e-15));
                }
                assertThat(weights[n + 2]).isZero();
            }
        }
        // the oldest of many weighs 1/n, the recent ones 1
        assertThat(withWindow(25).badWeight(0, 100)).isEqualTo(0.01);
        assertThat(withWindow(25).badWeight(80, 100)).isEqualTo(1);
    }
}
