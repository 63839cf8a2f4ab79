package dev.tuner.core.space;

/** Steps shared by the real-valued distributions. */
final class Reals {

    private Reals() {}

    /** Whether a finite value lies in {@code [min, max]} and on the quantization's grid. */
    static boolean contains(double min, double max, Quantization quantization, double value) {
        return Double.isFinite(value) && value >= min && value <= max && quantization.reaches(value);
    }

    /** The internal value of a double given from outside: {@linkplain #snap snapped}, and contained. */
    static double toInternal(Distribution distribution, Quantization quantization, Object external) {
        double value = Ranges.asDouble(distribution, external);
        return Ranges.requireContained(distribution, snap(quantization, value));
    }

    /**
     * A value given from outside moved onto the nearest multiple of q when it is within rounding of
     * it ({@code 0.3} for {@code 3 · 0.1}); unchanged otherwise.
     */
    private static double snap(Quantization quantization, double value) {
        if (!quantization.isQuantized() || quantization.reaches(value)) {
            return value;
        }
        double nearest = Math.rint(value / quantization.q()) * quantization.q();
        double tolerance = 1e-9 * Math.max(quantization.q(), Math.abs(value));
        return Math.abs(nearest - value) <= tolerance ? quantization.quantize(nearest) : value;
    }

    /** {@code name(min, max)}, with {@code q=} when quantized: the text of a range distribution. */
    static String rangeText(String name, double min, double max, Quantization quantization) {
        return name + "(" + Texts.number(min) + ", " + Texts.number(max) + quantization.text() + ")";
    }

    /** Whether a narrowed range {@code [low, high]} has room for fewer than two values. */
    static boolean vanishes(double[] range, double q) {
        if (Narrowing.vanished(range[0], range[1])) {
            return true;
        }
        return !Double.isNaN(q) && Quantization.of(q, range[0], range[1]).isSingleValue();
    }
}
