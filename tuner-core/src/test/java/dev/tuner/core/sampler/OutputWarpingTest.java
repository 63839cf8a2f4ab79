package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutputWarpingTest {

    @Test
    void keepsTheOrderAndStandardizes() {
        double[] losses = {3, 1, 1000, 2, 50, 4, 7};
        double[] warped = OutputWarping.warp(losses);

        for (int i = 0; i < losses.length; i++) {
            for (int j = 0; j < losses.length; j++) {
                assertThat(Double.compare(warped[i], warped[j])).isEqualTo(Double.compare(losses[i], losses[j]));
            }
        }
        assertThat(Arrays.stream(warped).average().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(Math.sqrt(Arrays.stream(warped).map(v -> v * v).average().orElseThrow())).isCloseTo(1, within(1e-12));
    }

    @Test
    void makesASkewedSampleSymmetric() {
        // log-normal-like losses: a long upper tail
        double[] losses = new double[17];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = Math.exp(0.25 * i);
        }

        assertThat(skewness(OutputWarping.standardize(losses))).isGreaterThan(1.2);
        assertThat(Math.abs(skewness(OutputWarping.warp(losses)))).isLessThan(0.4);
    }

    private static double skewness(double[] standardized) {
        return Arrays.stream(standardized).map(v -> v * v * v).average().orElseThrow();
    }

    @Test
    void valuesWhoseSpreadOverflowsGetTheirRanksNormalScores() {
        double[] warped = OutputWarping.warp(new double[] {1e308, -1e308, 0, 5, 5});

        assertThat(Arrays.stream(warped).allMatch(Double::isFinite)).as("all finite: %s", Arrays.toString(warped)).isTrue();
        assertThat(warped[1]).isLessThan(warped[2]);
        assertThat(warped[2]).isLessThan(warped[3]);
        assertThat(warped[3]).isEqualTo(warped[4]).isLessThan(warped[0]);
    }

    @Test
    void equalValuesStayEqual() {
        assertThat(OutputWarping.warp(new double[] {5, 5, 5, 5})).containsOnly(0.0);
    }

    @Test
    void yeoJohnsonIsTheIdentityAtOneAndTheLogAtZero() {
        for (double x : new double[] {-3, -0.5, 0, 0.7, 12}) {
            assertThat(OutputWarping.yeoJohnson(x, 1)).isCloseTo(x, within(1e-12));
        }
        assertThat(OutputWarping.yeoJohnson(4, 0)).isCloseTo(Math.log(5), within(1e-12));
        assertThat(OutputWarping.yeoJohnson(-4, 2)).isCloseTo(-Math.log(5), within(1e-12));
    }
}
