package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogUniformTest extends DistributionContractTest {

    private static final double MIN = 1e-5;
    private static final double MAX = 1e2;

    @Override
    Distribution distribution() {
        return LogUniform.of(MIN, MAX);
    }

    @Override
    Object foreignValue() {
        return "0.1";
    }

    @Override
    List<Distribution> variants() {
        return List.of(LogUniform.of(MIN, MAX), LogUniform.of(16, 4096).quantized(16), LogUniform.of(0.5, 20).quantized(0.25));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "-1, 1", "-2, -1"})
    void rejectsBoundsThatAreNotPositive(double min, double max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogUniform.of(min, max))
                .withMessageContaining("must be positive, but min is " + min);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "10, 1"})
    void rejectsMinNotBelowMax(double min, double max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogUniform.of(min, max))
                .withMessageContaining("min (" + min + ") must be less than max (" + max + ")");
    }

    @ParameterizedTest
    @CsvSource({"NaN, 1", "1e-3, NaN", "1e-3, Infinity"})
    void rejectsNonFiniteBounds(double min, double max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogUniform.of(min, max))
                .withMessageContaining("bounds must be finite");
    }

    @Test
    void logarithmsOfDrawsFitTheUniformDistributionOnTheLogRange() {
        double[] logs = Arrays.stream(draws(LogUniform.of(MIN, MAX))).map(Math::log).toArray();

        double pValue = new KolmogorovSmirnovTest()
                .kolmogorovSmirnovTest(new UniformRealDistribution(Math.log(MIN), Math.log(MAX)), logs);

        assertThat(pValue).isGreaterThan(0.001);
    }

    @Test
    void drawsAreNotUniformOnTheLinearRange() {
        double[] draws = draws(LogUniform.of(MIN, MAX));

        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(MIN, MAX), draws);

        assertThat(pValue).isLessThan(1e-6);
    }

    @Test
    void everyDecadeIsAboutEquallyLikely() {
        long belowOneThousandth = Arrays.stream(draws(LogUniform.of(MIN, MAX))).filter(x -> x < 1e-3).count();

        // 2 of the 7 decades
        assertThat(belowOneThousandth).isBetween(2700L, 3000L);
    }

    @Test
    void rejectsValuesOutsideTheRange() {
        LogUniform logUniform = LogUniform.of(1e-3, 1);

        assertThatIllegalArgumentException().isThrownBy(() -> logUniform.toInternal(0.0)).withMessageContaining("outside");
        assertThatIllegalArgumentException().isThrownBy(() -> logUniform.toInternal(2.0));
    }

    @Test
    void rejectsIntegers() {
        assertThatIllegalArgumentException().isThrownBy(() -> LogUniform.of(1, 10).toInternal(5))
                .withMessageContaining("is not a real value");
    }

    @Test
    void logDensityIsThatOfTheLogUniform() {
        LogUniform logUniform = LogUniform.of(1, Math.E * Math.E);

        // density 1 / (x · (log max − log min)) = 1 / (2x)
        assertThat(logUniform.logDensity(2)).isCloseTo(-Math.log(4), within(1e-12));
    }

    @Test
    void quantizedDrawsFitTheRoundedLogUniform() {
        LogUniform batch = LogUniform.of(16, 4096).quantized(16);
        UniformRealDistribution logs = new UniformRealDistribution(Math.log(16), Math.log(4096));

        Map<Double, Double> expected = GoodnessOfFit.quantizedProbabilities(16, 16, 4096,
                x -> logs.cumulativeProbability(Math.log(x)));

        assertThat(expected).hasSize(256);
        assertThat(GoodnessOfFit.chiSquare(draws(batch), expected)).isGreaterThan(GoodnessOfFit.ALPHA);
        // and the log-density of each value is the log of that mass
        expected.forEach((value, probability) ->
                assertThat(Math.exp(batch.logDensity(value))).as("P(%s)", value).isCloseTo(probability, within(1e-12)));
    }

    @Test
    void quantizedValuesAreMultiplesOfQInsideTheRange() {
        for (double draw : draws(LogUniform.of(16, 4096).quantized(16))) {
            if (draw % 16 != 0 || draw < 16 || draw > 4096) {
                throw new AssertionError(draw);
            }
        }
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(LogUniform.of(1e-5, 0.1)).hasToString("loguniform(1.0E-5, 0.1)");
        assertThat(LogUniform.of(16, 4096).quantized(16)).hasToString("loguniform(16, 4096, q=16)");
    }

    @Test
    void narrowingShrinksTheRangeInLogSpace() {
        LogUniform narrowed = (LogUniform) LogUniform.of(1e-4, 1).narrow(1e-2, 0.5);

        assertThat(narrowed.min()).isCloseTo(1e-3, within(1e-15));
        assertThat(narrowed.max()).isCloseTo(1e-1, within(1e-14));
    }

    @Test
    void aNarrowedQuantizedRangeCollapsesWhenOneMultipleIsLeft() {
        assertThat(LogUniform.of(16, 4096).quantized(16).narrow(128, 0.01)).isEqualTo(Fixed.of(128.0));
    }
}
