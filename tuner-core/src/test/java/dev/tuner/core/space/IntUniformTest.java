package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
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
}
