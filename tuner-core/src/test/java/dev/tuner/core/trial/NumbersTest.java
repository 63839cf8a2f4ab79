package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // plain inside [1e-3, 1e6), four significant digits, no trailing zeros
        "0.75,                 0.75",
        "0.7501,               0.7501",
        "0.75012345,           0.7501",
        "0.1,                  0.1",
        "0.3333333333333333,   0.3333",
        "0.6666666666666666,   0.6667",
        "12.5,                 12.5",
        "100,                  100",
        "1,                    1",
        "999.95,               1000",
        "123456.7,             123500",
        "0.001,                0.001",
        "0.0012345,            0.001234",
        "-0.75,                -0.75",
        "-12.345678,           -12.35",
        // scientific outside it
        "3.2e-5,               3.2e-05",
        "0.00099,              9.9e-04",
        "1e6,                  1e+06",
        "12345678,             1.235e+07",
        "-12345678,            -1.235e+07",
        "1.05e-10,             1.05e-10",
        "1.005e-10,            1.005e-10",
        "6.02214076e23,        6.022e+23",
        // the form is chosen after rounding
        "999999.95,            1e+06",
        "0.00099996,           0.001",
        // special values
        "0,                    0",
        "-0.0,                 0",
        "NaN,                  NaN",
        "Infinity,             Infinity",
        "-Infinity,            -Infinity"
    })
    void compactsDoublesToFourSignificantDigits(double value, String expected) {
        assertThat(Numbers.compact(value)).isEqualTo(expected);
        assertThat(Numbers.compact((Object) value)).isEqualTo(expected);
    }

    @Test
    void theFastRoundingAgreesWithTheExactDecimalOnEveryScaleAndNextToTies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            double value = switch (i % 4) {
                // any scale, any digits
                case 0 -> random.nextDouble(1, 10) * Math.pow(10, random.nextInt(-40, 40));
                // four digits and a half: ties in decimal, which doubles hold a hair above or below
                case 1 -> (random.nextInt(1000, 10_000) + 0.5) * Math.pow(10, random.nextInt(-12, 12));
                // a few ulps from such a tie
                case 2 -> Math.nextAfter((random.nextInt(1000, 10_000) + 0.5) / 1e4, random.nextBoolean() ? 0 : 1)
                        * Math.pow(10, random.nextInt(-8, 8));
                // next to powers of ten, where log10 rounds
                default -> Math.nextAfter(Math.pow(10, random.nextInt(-20, 20)), random.nextBoolean() ? 0 : 1e300);
            };
            double signed = random.nextBoolean() ? value : -value;
            assertThat(Numbers.compact(signed)).as("%s", signed).isEqualTo(Numbers.exact(signed));
        }
    }

    @Test
    void compactsFloatsByTheirDecimalValue() {
        assertThat(Numbers.compact((Object) 0.1f)).isEqualTo("0.1");
        assertThat(Numbers.compact((Object) 3.2e-5f)).isEqualTo("3.2e-05");
    }

    @Test
    void showsIntegersWhole() {
        assertThat(Numbers.compact((Object) 123456789L)).isEqualTo("123456789");
        assertThat(Numbers.compact((Object) 42)).isEqualTo("42");
        assertThat(Numbers.compact((Object) (-7))).isEqualTo("-7");
    }

    @Test
    void showsOtherValuesAsTheirText() {
        assertThat(Numbers.compact((Object) "relu")).isEqualTo("relu");
        assertThat(Numbers.compact((Object) true)).isEqualTo("true");
        assertThat(Numbers.compact((Object) null)).isEqualTo("null");
    }

    @Test
    void showsTheBranchOfASealedChoiceByItsSimpleName() {
        assertThat(Numbers.compact((Object) java.util.ArrayList.class)).isEqualTo("ArrayList");
    }
}
