package dev.tuner.core.space;

/** Checks and arithmetic shared by the real-valued distributions. */
final class Ranges {

    private Ranges() {}

    static void requireFiniteOrdered(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(
                    "bounds must be finite, but they are [" + min + ", " + max + "]; give finite bounds");
        }
        requireOrdered(min, max);
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException("the width of [" + min + ", " + max
                    + "] overflows a double, so no value could be drawn uniformly; narrow the range");
        }
    }

    /** min < max, either possibly infinite, neither NaN. */
    static void requireOrdered(double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException(
                    "bounds must be numbers, but they are [" + min + ", " + max + "]; give numeric bounds");
        }
        if (min >= max) {
            throw new IllegalArgumentException(
                    "min (" + min + ") must be less than max (" + max + "); swap or widen the bounds");
        }
    }

    static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, but it is " + value + "; give a finite value for " + what);
        }
    }

    static void requirePositiveSd(double sd) {
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("the standard deviation sd must be positive and finite, but it is "
                    + sd + "; give a positive sd");
        }
    }

    /** Turns -0.0 into 0.0, so that equal ranges are equal records. */
    static double normalize(double value) {
        return value + 0.0;
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    static double asDouble(Distribution distribution, Object external) {
        if (external instanceof Double || external instanceof Float) {
            return ((Number) external).doubleValue();
        }
        throw new IllegalArgumentException(
                external + " is not a real value of " + distribution + "; give a double");
    }

    static double requireContained(Distribution distribution, double internal) {
        if (!distribution.contains(internal)) {
            throw new IllegalArgumentException(internal + " lies outside " + distribution);
        }
        return internal;
    }
}
