package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void erfcMatchesTheReferenceToSevenDigitsEverywhere() {
        for (double x = -6; x <= 26; x += 0.01) {
            double reference = Erf.erfc(x);
            assertThat(Gaussian.erfc(x)).as("erfc(%s)", x).isCloseTo(reference, within(reference * 2e-7));
        }
    }

    @Test
    void theQuantileInvertsTheDistributionFunction() {
        for (double x = -8; x <= 5; x += 0.05) {
            assertThat(Gaussian.quantile(Gaussian.cdf(x))).as("x = %s", x).isCloseTo(x, within(1e-6));
        }
    }

    @Test
    void theTailTableAgreesWithTheDistributionFunction() {
        for (double x = 0; x <= 10; x += 0.001) {
            assertThat(Gaussian.upperTail(x)).isCloseTo(Gaussian.cdf(-x), within(5e-7));
        }
    }

    @Test
    void theFastExponentialAgreesWithMathExp() {
        for (double x = -745; x <= 0; x += 0.013) {
            double reference = Math.exp(x);
            assertThat(Gaussian.expNonPositive(x)).as("exp(%s)", x).isCloseTo(reference, within(reference * 1e-8 + 1e-300));
        }
    }

    @Test
    void truncatedDrawsStayInTheirIntervalEvenFarInATail() {
        for (double u = 0; u < 1; u += 0.01) {
            assertThat(Gaussian.truncated(-1, 2, u)).isBetween(-1.0, 2.0);
            assertThat(Gaussian.truncated(9, 12, u)).isBetween(9.0, 12.0);
            assertThat(Gaussian.truncated(-40, -39, u)).isBetween(-40.0, -39.0);
        }
        assertThat(Gaussian.mass(9, 12)).isCloseTo(Gaussian.cdf(-9), within(1e-25));
    }
}
