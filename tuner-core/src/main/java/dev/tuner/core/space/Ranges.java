package dev.tuner.core.space;

/** Checks shared by the real-valued distributions. */
final class Ranges {

    private Ranges() {}

    static void requireFiniteOrdered(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(
                    "bounds must be finite, but they are [" + min + ", " + max + "]; give finite bounds");
        }
        if (min >= max) {
            throw new IllegalArgumentException(
                    "min (" + min + ") must be less than max (" + max + "); swap or widen the bounds");
        }
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException("the width of [" + min + ", " + max
                    + "] overflows a double, so no value could be drawn uniformly; narrow the range");
        }
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
