package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntUniformTest extends DistributionContractTest {

    private static final long TWO_TO_THE_53 = 1L << 53;

    @Override
    Distribution distribution() {
        return IntUniform.of(-3, 7);
    }

    @Override
    Object foreignValue() {
        return 2.0;
    }

    @Override
    List<Distribution> variants() {
        return List.of(IntUniform.of(-3, 7), IntUniform.of(0, 10).withStep(2), IntUniform.of(-7, 8).withStep(5),
                IntUniform.of(1, 1024).onLogScale(), IntUniform.of(3, 4).onLogScale());
    }

    @ParameterizedTest
    @CsvSource({"5, 5", "5, 4", "0, -9223372036854775808"})
    void rejectsMinNotBelowMax(long min, long max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntUniform.of(min, max))
                .withMessageContaining("min (" + min + ") must be less than max (" + max + ")");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 9007199254740993",                       // 2^53 + 1
        "-9007199254740993, 0",                      // -(2^53 + 1)
        "0, 9223372036854775807",                    // Long.MAX_VALUE
        "-9223372036854775808, 0",                   // Long.MIN_VALUE, whose absolute value overflows
        "-9223372036854775808, 9223372036854775807"
    })
    void rejectsBoundsBeyondTwoToThe53(long min, long max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntUniform.of(min, max))
                .withMessageContaining("within ±2^53");
    }

    @Test
    void acceptsTheWidestExactRange() {
        IntUniform widest = IntUniform.of(-TWO_TO_THE_53, TWO_TO_THE_53);

        for (double draw : draws(widest)) {
            assertThat(widest.contains(draw)).isTrue();
            assertThat(widest.toInternal(widest.toExternal(draw))).isEqualTo(draw);
        }
    }

    @Test
    void drawsEveryIntegerEquallyOften() {
        IntUniform die = IntUniform.of(1, 6);
        long[] counts = new long[6];
        for (double draw : draws(die)) {
            counts[(int) draw - 1]++;
        }
        double[] expected = new double[6];
        Arrays.fill(expected, DRAWS / 6.0);

        assertThat(new ChiSquareTest().chiSquareTest(expected, counts)).isGreaterThan(0.001);
    }

    @Test
    void drawsBothBounds() {
        double[] draws = draws(IntUniform.of(0, 1));

        assertThat(draws).contains(0.0, 1.0).containsOnly(0.0, 1.0);
    }

    @Test
    void externalValueIsALong() {
        assertThat(IntUniform.of(0, 10).toExternal(3.0)).isEqualTo(3L);
    }

    @Test
    void acceptsEveryIntegerType() {
        IntUniform distribution = IntUniform.of(-5, 5);

        assertThat(distribution.toInternal(3)).isEqualTo(3.0);
        assertThat(distribution.toInternal(-4L)).isEqualTo(-4.0);
        assertThat(distribution.toInternal((short) 2)).isEqualTo(2.0);
        assertThat(distribution.toInternal((byte) 5)).isEqualTo(5.0);
    }

    @Test
    void rejectsRealValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> IntUniform.of(0, 10).toInternal(2.0))
                .withMessageContaining("is not an integer value");
    }

    @Test
    void rejectsValuesOutsideTheRange() {
        IntUniform distribution = IntUniform.of(0, 10);

        assertThatIllegalArgumentException().isThrownBy(() -> distribution.toInternal(11)).withMessageContaining("outside");
        assertThatIllegalArgumentException().isThrownBy(() -> distribution.toInternal(-1L));
    }

    @Test
    void rejectsALongJustBeyondTheRangeThatADoubleWouldRoundIntoIt() {
        IntUniform distribution = IntUniform.of(0, TWO_TO_THE_53);

        assertThatIllegalArgumentException().isThrownBy(() -> distribution.toInternal(TWO_TO_THE_53 + 1));
    }

    @Test
    void containsOnlyWholeNumbers() {
        IntUniform distribution = IntUniform.of(0, 10);

        assertThat(distribution.contains(4)).isTrue();
        assertThat(distribution.contains(4.5)).isFalse();
        assertThat(distribution.contains(11)).isFalse();
        assertThat(distribution.contains(Double.NaN)).isFalse();
    }

    @Test
    void steppedDrawsHitEveryStepEquallyOften() {
        double[] draws = draws(IntUniform.of(-7, 8).withStep(5));

        Map<Double, Double> expected = Map.of(-7.0, 0.25, -2.0, 0.25, 3.0, 0.25, 8.0, 0.25);

        assertThat(GoodnessOfFit.chiSquare(draws, expected)).isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void logScaledDrawsFitTheRoundedLogUniform() {
        IntUniform units = IntUniform.of(1, 1024).onLogScale();
        // P(k) = the log-uniform mass on [log(k − ½), log(k + ½)] within [log ½, log 1024.5]
        UniformRealDistribution logs = new UniformRealDistribution(Math.log(0.5), Math.log(1024.5));
        Map<Double, Double> expected = new TreeMap<>();
        for (int k = 1; k <= 1024; k++) {
            expected.put((double) k, logs.cumulativeProbability(Math.log(k + 0.5)) - logs.cumulativeProbability(Math.log(k - 0.5)));
        }

        assertThat(GoodnessOfFit.chiSquare(draws(units), expected)).isGreaterThan(GoodnessOfFit.ALPHA);
        assertThat(Math.exp(units.logDensity(1))).isCloseTo(expected.get(1.0), within(1e-12));
        assertThat(Math.exp(units.logDensity(700))).isCloseTo(expected.get(700.0), within(1e-12));
    }

    @Test
    void theChiSquareCheckWouldNoticeALinearScale() {
        Map<Double, Double> linear = new TreeMap<>();
        for (int k = 1; k <= 1024; k++) {
            linear.put((double) k, 1 / 1024.0);
        }

        assertThat(GoodnessOfFit.chiSquare(draws(IntUniform.of(1, 1024).onLogScale()), linear)).isLessThan(1e-6);
    }

    @Test
    void logDensityIsOneOverTheCount() {
        assertThat(IntUniform.of(0, 10).withStep(2).logDensity(4)).isEqualTo(-Math.log(6));
        assertThat(IntUniform.of(0, 10).withStep(2).logDensity(5)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void rejectsAStepThatDoesNotReachMaxNamingTheLargestValidMax() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntUniform.of(0, 10).withStep(3))
                .withMessageContaining("max - min (10) must be a multiple of step (3)")
                .withMessageContaining("use max = 9");
    }

    @Test
    void rejectsAStepBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> IntUniform.of(0, 10).withStep(0))
                .withMessageContaining("step must be at least 1");
    }

    @Test
    void rejectsALogScaleFromBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntUniform.of(0, 10).onLogScale())
                .withMessageContaining("must start at 1 or above, but min is 0");
    }

    @Test
    void rejectsALogScaleWithAStep() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntUniform.of(1, 9).withStep(2).onLogScale())
                .withMessageContaining("cannot have a step (2), as in Optuna");
    }

    @Test
    void rejectsValuesOffTheStepGrid() {
        assertThatIllegalArgumentException().isThrownBy(() -> IntUniform.of(0, 10).withStep(2).toInternal(3))
                .withMessageContaining("outside");
        assertThat(IntUniform.of(0, 10).withStep(2).contains(3)).isFalse();
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(IntUniform.of(1, 8)).hasToString("intuniform(1, 8)");
        assertThat(IntUniform.of(0, 10).withStep(2)).hasToString("intuniform(0, 10, step=2)");
        assertThat(IntUniform.of(1, 1024).onLogScale()).hasToString("intuniform(1, 1024, log)");
    }

    @Test
    void narrowingShrinksTheRangeOntoTheGrid() {
        assertThat(IntUniform.of(1, 8).narrow(4, 0.5)).isEqualTo(IntUniform.of(3, 6));
        assertThat(IntUniform.of(0, 20).withStep(2).narrow(10, 0.5)).isEqualTo(IntUniform.of(6, 14).withStep(2));
        assertThat(IntUniform.of(1, 1024).onLogScale().narrow(32, 0.5)).isEqualTo(IntUniform.of(6, 181).onLogScale());
    }

    @Test
    void narrowingCollapsesToFixedWhenOneIntegerIsLeft() {
        assertThat(IntUniform.of(1, 8).narrow(4, 0.1)).isEqualTo(Fixed.of(4L));
        assertThat(IntUniform.of(0, 1).narrow(1, 0.9)).isEqualTo(Fixed.of(1L));
    }
}
