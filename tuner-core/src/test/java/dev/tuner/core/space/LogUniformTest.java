package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
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
}
