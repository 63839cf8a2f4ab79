package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogEiTest {

    @Test
    void matchesTheDirectFormulaWhereThatIsAccurate() {
        for (double z = -20; z <= 5; z += 0.25) {
            double direct = Math.log(LogEi.pdf(z) + z * LogEi.cdf(z));
            assertThat(LogEi.logH(z)).as("log h(%s)", z).isCloseTo(direct, within(1e-9 * Math.max(1, Math.abs(direct))));
        }
    }

    @Test
    void staysFiniteAndDecreasingFarBelowTheIncumbent() {
        double previous = LogEi.logH(-30);
        for (double z : new double[] {-100, -1e3, -1e5, -1e7, -1e8, -1e10}) {
            double value = LogEi.logH(z);
            assertThat(value).as("log h(%s)", z).isFinite().isLessThan(previous);
            previous = value;
        }
        // the direct formula has long underflowed: h(-100) is e^-5010
        assertThat(LogEi.pdf(-100) + -100 * LogEi.cdf(-100)).isZero();
        // asymptote: log h(z) ≈ -z²/2 - log(2π)/2 - 2 log|z|
        assertThat(LogEi.logH(-1e3)).isCloseTo(-5e5 - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(1e3), within(1e-4));
    }

    @Test
    void itsDerivativeMatchesFiniteDifferences() {
        for (double z : new double[] {3, 0.5, -0.9, -1.1, -4, -30, -1e3, -1e9}) {
            double h = 1e-6 * Math.max(1, Math.abs(z));
            double numeric = (LogEi.logH(z + h) - LogEi.logH(z - h)) / (2 * h);
            assertThat(LogEi.dLogH(z)).as("d log h(%s)", z).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void erfcxMatchesItsDefinitionAndItsAsymptote() {
        for (double x = 0; x < 5; x += 0.5) {
            assertThat(LogEi.erfcx(x)).isCloseTo(Math.exp(x * x) * org.apache.commons.math3.special.Erf.erfc(x),
                    within(1e-12));
        }
        // continued fraction against the asymptotic series 1/(x√π) (1 - 1/(2x²) + 3/(4x⁴) - 15/(8x⁶)),
        // whose next term is 2e-13 of the value at x = 50
        double x = 50;
        double series = 1 / (x * Math.sqrt(Math.PI))
                * (1 - 1 / (2 * x * x) + 3 / (4 * Math.pow(x, 4)) - 15 / (8 * Math.pow(x, 6)));
        assertThat(LogEi.erfcx(x)).isCloseTo(series, within(1e-14));
    }

    @Test
    void moreUncertaintyOrALowerMeanMeansMoreExpectedImprovement() {
        assertThat(LogEi.of(0, 2, -1)).isGreaterThan(LogEi.of(0, 1, -1));
        assertThat(LogEi.of(-0.5, 1, -1)).isGreaterThan(LogEi.of(0, 1, -1));
    }
}
