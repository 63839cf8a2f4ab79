package dev.tuner.core.trial;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Compact, readable forms of knob and objective values for people. */
public final class Numbers {

    private static final int SIGNIFICANT_DIGITS = 4;
    /** 10^0 to 10^22, each exactly a double. */
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Numbers() {}

    /**
     * A value shortened to four significant digits: {@code 0.7501}, {@code 12.5}, {@code 3.2e-05},
     * {@code 1.235e+07}; scientific below 0.001 and from a million up, judged after rounding.
     * Integers (int, long) and non-numbers are shown whole; a class (the branch of a choice over a
     * sealed type) by its simple name.
     */
    public static String compact(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return compact(((Number) value).doubleValue());
        }
        if (value instanceof Class<?> branch) {
            // the chosen branch of a @Choice over a sealed type
            return branch.getSimpleName();
        }
        return String.valueOf(value);
    }

    /** {@link #compact(Object)} for a double. */
    public static String compact(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        // Each trial's test name shows its values, so this runs twice a trial: a double's arithmetic
        // rounds it, and only a value next to a tie (or far out) goes through the exact decimal.
        long digits = fourDigits(Math.abs(value));
        int exponent = (int) (digits >> 32);
        long significand = digits & 0xFFFF_FFFFL;
        return significand == 0 ? exact(value) : format(value < 0, significand, exponent);
    }

    /**
     * The magnitude rounded (half up) to four significant digits, {@code significand × 10^(exponent − 3)}
     * with {@code 1000 ≤ significand ≤ 9999}, packed as {@code exponent << 32 | significand}; a
     * significand of 0 when the double's arithmetic cannot be sure of the rounding.
     */
    private static long fourDigits(double magnitude) {
        if (magnitude < 1e-290 || magnitude > 1e290) {
            return 0;
        }
        int exponent = (int) Math.floor(Math.log10(magnitude));
        int shift = SIGNIFICANT_DIGITS - 1 - exponent;
        if (Math.abs(shift) >= POWERS.length) {
            return 0; // beyond the powers of ten that are exact doubles
        }
        // one multiplication or division by an exact power of ten: correctly rounded, off by half an ulp at most
        double scaled = shift >= 0 ? magnitude * POWERS[shift] : magnitude / POWERS[-shift];
        if (scaled < 1000 || scaled >= 10_000) {
            return 0; // log10 was off by one next to a power of ten
        }
        double floor = Math.floor(scaled);
        if (Math.abs(scaled - floor - 0.5) < 1e-6) {
            return 0; // too near a tie to trust the rounding of a rounded product
        }
        long significand = (long) floor + (scaled - floor > 0.5 ? 1 : 0);
        if (significand == 10_000) {
            significand = 1000;
            exponent++;
        }
        return (long) exponent << 32 | significand;
    }

    /** Plain inside [1e-3, 1e6), else scientific with at least two exponent digits: {@code 3.2e-05}. */
    private static String format(boolean negative, long significand, int exponent) {
        // into a char array, not a StringBuilder: this runs for every trial's name, and the
        // builder's appends made it one of the JIT compiler's largest jobs of a short study
        char[] digits = Long.toString(significand).toCharArray(); // four of them
        int kept = SIGNIFICANT_DIGITS;
        while (kept > 1 && digits[kept - 1] == '0') {
            kept--;
        }
        char[] text = new char[24];
        int length = 0;
        if (negative) {
            text[length++] = '-';
        }
        if (exponent >= 6 || exponent < -3) {
            text[length++] = digits[0];
            if (kept > 1) {
                text[length++] = '.';
                length = copy(digits, 1, kept, text, length);
            }
            int magnitude = Math.abs(exponent);
            text[length++] = 'e';
            text[length++] = exponent < 0 ? '-' : '+';
            if (magnitude < 10) {
                text[length++] = '0';
            }
            char[] power = Integer.toString(magnitude).toCharArray();
            length = copy(power, 0, power.length, text, length);
        } else if (exponent < 0) {
            text[length++] = '0';
            text[length++] = '.';
            for (int zero = -1; zero > exponent; zero--) {
                text[length++] = '0';
            }
            length = copy(digits, 0, kept, text, length);
        } else if (exponent >= kept - 1) {
            length = copy(digits, 0, kept, text, length);
            for (int zero = kept - 1; zero < exponent; zero++) {
                text[length++] = '0';
            }
        } else {
            length = copy(digits, 0, exponent + 1, text, length);
            text[length++] = '.';
            length = copy(digits, exponent + 1, kept, text, length);
        }
        return new String(text, 0, length);
    }

    private static int copy(char[] from, int start, int end, char[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    /** The same rounding on the double's exact decimal expansion: slow, but sure. */
    static String exact(double value) {
        // round first, so that 999999.95 and 1e6 take the same form
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS));
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        String scientific = String.format(Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", rounded.doubleValue());
        // 3.200e-05 -> 3.2e-05
        return scientific.replaceAll("\\.?0+e", "e");
    }
}
