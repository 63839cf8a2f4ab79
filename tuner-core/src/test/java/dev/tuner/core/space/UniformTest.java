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

class UniformTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return Uniform.of(-10, 10);
    }

    @Override
    Object foreignValue() {
        return 1;
    }

    @Override
    List<Distribution> variants() {
        return List.of(Uniform.of(-10, 10), Uniform.of(-10, 10).quantized(0.5), Uniform.of(0.05, 0.95).quantized(0.1),
                Uniform.of(-3.3, 7.1).quantized(2), Uniform.of(0, 1).quantized(0.3));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "0, -0.5"})
    void rejectsMinNotBelowMax(double min, double max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Uniform.of(min, max))
                .withMessageContaining("min (" + min + ") must be less than max (" + max + ")");
    }

    @ParameterizedTest
    @CsvSource({"NaN, 1", "0, NaN", "-Infinity, 0", "0, Infinity"})
    void rejectsNonFiniteBounds(double min, double max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Uniform.of(min, max))
                .withMessageContaining("bounds must be finite");
    }

    @Test
    void rejectsARangeWhoseWidthOverflows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Uniform.of(-Double.MAX_VALUE, Double.MAX_VALUE))
                .withMessageContaining("overflows a double");
    }

    @Test
    void drawsFitTheUniformDistribution() {
        double[] draws = draws(Uniform.of(-10, 10));

        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(-10, 10), draws);

        assertThat(pValue).isGreaterThan(0.001);
    }

    @Test
    void theGoodnessOfFitCheckWouldNoticeAShiftedRange() {
        // the same draws against a range a tenth narrower: the check has the power to fail
        double[] draws = draws(Uniform.of(-10, 10));

        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(-9, 11), draws);

        assertThat(pValue).isLessThan(1e-6);
    }

    @Test
    void externalValueIsTheInternalDouble() {
        assertThat(Uniform.of(0, 1).toExternal(0.25)).isEqualTo(0.25);
    }

    @Test
    void acceptsFloatsAsExternalValues() {
        assertThat(Uniform.of(0, 1).toInternal(0.5f)).isEqualTo(0.5);
    }

    @Test
    void rejectsValuesOutsideTheRange() {
        Uniform uniform = Uniform.of(0, 1);

        assertThatIllegalArgumentException().isThrownBy(() -> uniform.toInternal(1.5)).withMessageContaining("outside");
        assertThatIllegalArgumentException().isThrownBy(() -> uniform.toInternal(-0.001));
        assertThatIllegalArgumentException().isThrownBy(() -> uniform.toInternal(Double.NaN));
    }

    @Test
    void rejectsTextAndIntegers() {
        Uniform uniform = Uniform.of(0, 1);

        assertThatIllegalArgumentException().isThrownBy(() -> uniform.toInternal("0.5"))
                .withMessageContaining("is not a real value");
        assertThatIllegalArgumentException().isThrownBy(() -> uniform.toInternal(1L));
    }

    @Test
    void containsItsBoundsAndNothingBeyond() {
        Uniform uniform = Uniform.of(-1, 1);

        assertThat(uniform.contains(-1)).isTrue();
        assertThat(uniform.contains(1)).isTrue();
        assertThat(uniform.contains(Math.nextUp(1.0))).isFalse();
        assertThat(uniform.contains(Math.nextDown(-1.0))).isFalse();
        assertThat(uniform.contains(Double.NaN)).isFalse();
    }

    @Test
    void logDensityIsOneOverTheWidth() {
        assertThat(Uniform.of(-10, 10).logDensity(3)).isEqualTo(-Math.log(20));
        assertThat(Uniform.of(-10, 10).logDensity(10.5)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void quantizedDrawsFitTheRoundedUniform() {
        Uniform quantized = Uniform.of(-3.3, 7.1).quantized(2);
        UniformRealDistribution reference = new UniformRealDistribution(-3.3, 7.1);

        Map<Double, Double> expected = GoodnessOfFit.quantizedProbabilities(2, -2, 6, reference::cumulativeProbability);

        assertThat(expected.keySet()).containsExactly(-2.0, 0.0, 2.0, 4.0, 6.0);
        assertThat(GoodnessOfFit.chiSquare(draws(quantized), expected)).isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void theChiSquareCheckWouldNoticeUnroundedEnds() {
        // if the draws beyond the last multiples were dropped instead of moved onto them, the ends would be rarer
        Map<Double, Double> even = Map.of(-2.0, 0.2, 0.0, 0.2, 2.0, 0.2, 4.0, 0.2, 6.0, 0.2);

        assertThat(GoodnessOfFit.chiSquare(draws(Uniform.of(-3.3, 7.1).quantized(2)), even)).isLessThan(1e-6);
    }

    @Test
    void quantizedValuesAreMultiplesOfQInsideTheRange() {
        Uniform quantized = Uniform.of(0.05, 0.95).quantized(0.1);

        double[] values = Arrays.stream(draws(quantized)).distinct().sorted().toArray();

        assertThat(values).hasSize(9);
        assertThat(values[0]).isCloseTo(0.1, within(1e-12));
        assertThat(values[8]).isCloseTo(0.9, within(1e-12));
        for (double value : values) {
            assertThat(value / 0.1).isCloseTo(Math.rint(value / 0.1), within(1e-9));
            assertThat(value).isBetween(0.05, 0.95);
        }
        assertThat(quantized.low()).isEqualTo(values[0]);
        assertThat(quantized.high()).isEqualTo(values[8]);
    }

    @Test
    void theEndsOfAQuantizedRangeTakeTheMassBeyondThem() {
        Uniform quantized = Uniform.of(0, 10).quantized(5);

        // 0 takes [0, 2.5), 5 takes [2.5, 7.5), 10 takes [7.5, 10]
        assertThat(Math.exp(quantized.logDensity(0))).isCloseTo(0.25, within(1e-12));
        assertThat(Math.exp(quantized.logDensity(5))).isCloseTo(0.5, within(1e-12));
        assertThat(Math.exp(quantized.logDensity(10))).isCloseTo(0.25, within(1e-12));
        assertThat(quantized.logDensity(2.5)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aValueWithinRoundingOfAMultipleIsTakenAsIt() {
        Uniform quantized = Uniform.of(0, 1).quantized(0.1);

        assertThat(quantized.toInternal(0.3)).isEqualTo(3 * 0.1);
        assertThatIllegalArgumentException().isThrownBy(() -> quantized.toInternal(0.35)).withMessageContaining("outside");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-Infinity", "Infinity"})
    void rejectsAQuantizationStepThatIsNotPositive(double q) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Uniform.of(0, 1).quantized(q))
                .withMessageContaining("q must be positive and finite, but it is " + q);
    }

    @Test
    void rejectsAQuantizationStepWithNoMultipleInTheRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Uniform.of(0.1, 0.4).quantized(0.5))
                .withMessageContaining("no multiple of q = 0.5 lies in [0.1, 0.4]; choose a smaller q or widen the range");
    }

    @Test
    void rejectsAQuantizationStepTooSmallForTheRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Uniform.of(0, 1e10).quantized(1e-10))
                .withMessageContaining("is too small for");
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(Uniform.of(-10, 10)).hasToString("uniform(-10, 10)");
        assertThat(Uniform.of(-10, 10).quantized(0.5)).hasToString("uniform(-10, 10, q=0.5)");
        assertThat(Uniform.of(1e-3, 0.25)).hasToString("uniform(0.001, 0.25)");
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(Uniform.of(-0.0, 1)).isEqualTo(Uniform.of(0, 1));
    }

    @Test
    void narrowingShrinksTheRangeAroundTheGuessKeepingItsRelativePlace() {
        // the guess 5 sits at 3/4 of [-10, 10]; so it does of [0, 10]
        assertThat(Uniform.of(-10, 10).narrow(5, 0.5)).isEqualTo(Uniform.of(-2.5, 7.5));
        assertThat(Uniform.of(-10, 10).narrow(10, 0.1)).isEqualTo(Uniform.of(8, 10));
        assertThat(Uniform.of(-10, 10).narrow(5, 1)).isEqualTo(Uniform.of(-10, 10));
    }

    @Test
    void aNarrowedQuantizedRangeKeepsQAndCollapsesWhenOneMultipleIsLeft() {
        Uniform quantized = Uniform.of(0, 10).quantized(1);

        assertThat(quantized.narrow(4, 0.5)).isEqualTo(Uniform.of(2, 7).quantized(1));
        assertThat(quantized.narrow(4, 0.05)).isEqualTo(Fixed.of(4.0));
    }
}
