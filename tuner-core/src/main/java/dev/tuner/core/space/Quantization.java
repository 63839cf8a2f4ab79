package dev.tuner.core.space;

import java.util.function.DoubleUnaryOperator;

/**
 * Rounding to the multiples of {@code q} that lie in {@code [min, max]}: Hyperopt's
 * {@code round(x / q) * q}, with values beyond the first or last multiple in the range moved onto it.
 * A quantized value's probability is the mass of the underlying distribution that rounds to it.
 *
 * @param q the step; positive and finite, or NaN for none
 * @param first the index {@code k} of the first multiple {@code k * q} not below min; -∞ when min is
 * @param last the index of the last multiple not above max; +∞ when max is
 */
record Quantization(double q, double first, double last) {

    /** The widest index range whose every index a double holds exactly. */
    private static final double MAX_INDEX = 0x1p53;

    static final Quantization NONE = new Quantization(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** The multiples of {@code q} in {@code [min, max]}; {@link #NONE} when {@code q} is NaN. */
    static Quantization of(double q, double min, double max) {
        if (Double.isNaN(q)) {
            return NONE;
        }
        if (!(q > 0) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("the quantization step q must be positive and finite, but it is " + q
                    + "; give a positive q, or leave it out for a continuous value");
        }
        if (Math.abs(min / q) > MAX_INDEX && Double.isFinite(min)
                || Math.abs(max / q) > MAX_INDEX && Double.isFinite(max)) {
            throw new IllegalArgumentException("q = " + q + " is too small for [" + min + ", " + max
                    + "]: multiples of q that far from 0 are not exact doubles; choose a larger q or leave it out");
        }
        double first = Double.isInfinite(min) ? min : firstIndex(q, min);
        double last = Double.isInfinite(max) ? max : lastIndex(q, max);
        if (first > last) {
            throw new IllegalArgumentException("no multiple of q = " + q + " lies in [" + min + ", " + max
                    + "]; choose a smaller q or widen the range to include a multiple of q");
        }
        return new Quantization(q, first, last);
    }

    /** The smallest k with k * q >= min, as the doubles compute it. */
    private static double firstIndex(double q, double min) {
        double k = Math.ceil(min / q);
        while (k * q < min) {
            k++;
        }
        while ((k - 1) * q >= min) {
            k--;
        }
        return k;
    }

    /** The largest k with k * q <= max, as the doubles compute it. */
    private static double lastIndex(double q, double max) {
        double k = Math.floor(max / q);
        while (k * q > max) {
            k--;
        }
        while ((k + 1) * q <= max) {
            k++;
        }
        return k;
    }

    boolean isQuantized() {
        return !Double.isNaN(q);
    }

    /** The first reachable value, or -∞. */
    double low() {
        return first * q;
    }

    /** The last reachable value, or +∞. */
    double high() {
        return last * q;
    }

    /** The first reachable value of {@code [min, max]}: the first multiple, or {@code min} when not quantized. */
    double lowest(double min) {
        return isQuantized() ? low() : min;
    }

    /** The last reachable value of {@code [min, max]}: the last multiple, or {@code max} when not quantized. */
    double highest(double max) {
        return isQuantized() ? high() : max;
    }

    /** Whether only one value is reachable. */
    boolean isSingleValue() {
        return isQuantized() && first == last;
    }

    /** {@code round(x / q) * q}, moved onto the first or last multiple when beyond them. */
    double quantize(double x) {
        if (!isQuantized()) {
            return x;
        }
        double k = Ranges.clamp(Math.rint(x / q), first, last);
        return k * q + 0.0; // not -0.0
    }

    /** Whether {@code value} is one of the reachable multiples (always true when not quantized). */
    boolean reaches(double value) {
        if (!isQuantized()) {
            return true;
        }
        double k = Math.rint(value / q);
        return k >= first && k <= last && k * q == value;
    }

    /** The reachable value nearest to {@code value}. */
    double snap(double value) {
        return quantize(value);
    }

    /**
     * The log of the probability that a draw rounds to {@code value}, given the underlying
     * distribution's CDF: the mass of {@code [(k - ½) q, (k + ½) q]}, extended to the range's end for
     * the first and last multiple.
     */
    double logMass(double value, DoubleUnaryOperator cdf) {
        double k = Math.rint(value / q);
        double below = k == first ? 0 : cdf.applyAsDouble((k - 0.5) * q);
        double upTo = k == last ? 1 : cdf.applyAsDouble((k + 0.5) * q);
        return Math.log(Math.max(0, upTo - below));
    }

    /** {@code , q=0.5} or nothing. */
    String text() {
        return isQuantized() ? ", q=" + Texts.number(q) : "";
    }
}
