package dev.tuner.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Compact, readable forms of knob and objective values for people. */
public final class Numbers {

    private static final int SIGNIFICANT_DIGITS = 4;

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
