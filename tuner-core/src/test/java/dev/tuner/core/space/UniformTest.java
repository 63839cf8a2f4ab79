package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
}
