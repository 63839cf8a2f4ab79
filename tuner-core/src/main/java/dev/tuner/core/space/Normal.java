package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A real value drawn from a normal distribution, optionally clipped to {@code [min, max]} and
 * optionally quantized to the multiples of {@code q} (Hyperopt's {@code normal} and {@code qnormal}).
 *
 * <pre>{@code
 * Normal shift = Normal.of(0, 1);                                  // normal(0, 1)
 * Normal dropout = Normal.of(0.5, 0.2).clipped(0, 1);              // normal(0.5, 0.2, min=0, max=1)
 * Normal offset = Normal.of(0, 10).clipped(-50, 50).quantized(5);  // -50, -45, ..., 50
 * }</pre>
 *
 * <p><b>Clipping is truncation.</b> A clipped normal is the normal restricted to {@code [min, max]}
 * and renormalized, as if every draw outside the range were drawn again; it is sampled by the
 * inverse CDF, so no draw is wasted. Values are never piled up on a bound (as {@code clip(x)} would
 * do), so the density stays a proper density without point masses, which TPE can evaluate and mix
 * with others. The range must hold at least 10<sup>-10</sup> of the normal's mass.
 *
 * <p>Its internal value is the value itself. Narrowing moves the mean towards the guess
 * ({@code mean · r + guess · (1 − r)}), scales {@code sd} by the kept ratio {@code r}, shrinks the
 * finite bounds the same way, and collapses to {@link Fixed} when fewer than two values are left.
 *
 * <p>Parameters:
 * <ul>
 * <li>{@code mean}: the mean of the (unclipped) normal; finite</li>
 * <li>{@code sd}: its standard deviation; positive and finite</li>
 * <li>{@code min}: lower clip bound, inclusive; {@code -∞} for none</li>
 * <li>{@code max}: upper clip bound, inclusive, greater than {@code min}; {@code +∞} for none</li>
 * <li>{@code q}: the quantization step, positive, with a multiple in the range; {@code NaN} for none</li>
 * </ul>
 */
public final class Normal implements Distribution {

    private final double mean;
    private final double sd;
    private final double min;
    private final double max;
    private final double q;
    /** Kept, not recomputed: its normalizing mass costs two CDF evaluations. */
    private final TruncatedNormal truncated;
    private final Quantization quantization;

    /**
     * A normal distribution clipped and quantized as given; see the class description for each
     * parameter's rule.
     *
     * @throws IllegalArgumentException if a parameter breaks its rule
     */
    public Normal(double mean, double sd, double min, double max, double q) {
        Ranges.requireFinite("the mean", mean);
        Ranges.requirePositiveSd(sd);
        Ranges.requireOrdered(min, max);
        this.mean = Ranges.normalize(mean);
        this.sd = sd;
        this.min = Ranges.normalize(min);
        this.max = Ranges.normalize(max);
        this.q = q;
        this.quantization = Quantization.of(q, this.min, this.max);
        this.truncated = new TruncatedNormal(this.mean, sd, this.min, this.max);
    }

    /** An unclipped normal distribution. */
    public static Normal of(double mean, double sd) {
        return new Normal(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);
    }

    /** This normal truncated to {@code [min, max]} (either may be infinite). */
    public Normal clipped(double min, double max) {
        return new Normal(mean, sd, min, max, q);
    }

    /** This normal, quantized to the multiples of {@code q}. */
    public Normal quantized(double q) {
        return new Normal(mean, sd, min, max, q);
    }

    /** The mean of the (unclipped) normal. */
    public double mean() {
        return mean;
    }

    /** Its standard deviation. */
    public double sd() {
        return sd;
    }

    /** The lower clip bound; {@code -∞} for none. */
    public double min() {
        return min;
    }

    /** The upper clip bound; {@code +∞} for none. */
    public double max() {
        return max;
    }

    /** The quantization step; {@code NaN} for none. */
    public double q() {
        return q;
    }

    /** Equal when every parameter is, as records compare doubles. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Normal that
                && Double.compare(mean, that.mean) == 0 && Double.compare(sd, that.sd) == 0
                && Double.compare(min, that.min) == 0 && Double.compare(max, that.max) == 0
                && Double.compare(q, that.q) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(mean, sd, min, max, q);
    }

    /** Whether values are quantized to multiples of {@link #q()}. */
    public boolean isQuantized() {
        return !Double.isNaN(q);
    }

    /** Whether the normal is restricted to a finite bound on either side. */
    public boolean isClipped() {
        return Double.isFinite(min) || Double.isFinite(max);
    }

    private Quantization quantization() {
        return quantization;
    }

    private TruncatedNormal truncated() {
        return truncated;
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return quantization().quantize(truncated().inverse(rng.nextDouble()));
    }

    @Override
    public boolean contains(double internal) {
        return Reals.contains(min, max, quantization(), internal);
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public double toInternal(Object external) {
        return Reals.toInternal(this, quantization(), external);
    }

    @Override
    public double logDensity(double internal) {
        if (!contains(internal)) {
            return Double.NEGATIVE_INFINITY;
        }
        TruncatedNormal truncated = truncated();
        return isQuantized() ? quantization().logMass(internal, truncated::cdf) : truncated.logDensity(internal);
    }

    @Override
    public double low() {
        return quantization().lowest(min);
    }

    @Override
    public double high() {
        return quantization().highest(max);
    }

    @Override
    public Distribution narrow(double internalGuess, double keptRatio) {
        Narrowing.require(this, internalGuess, keptRatio);
        double[] range = Narrowing.interval(min, max, internalGuess, keptRatio);
        double narrowSd = sd * keptRatio;
        if (!(narrowSd > 0) || Reals.vanishes(range, q)) {
            return Fixed.of(internalGuess);
        }
        return new Normal(Narrowing.towards(mean, internalGuess, keptRatio), narrowSd, range[0], range[1], q);
    }

    /** {@code normal(0.5, 0.2)}, with {@code min=}, {@code max=} for finite bounds and {@code q=}. */
    @Override
    public String toString() {
        return "normal(" + Texts.number(mean) + ", " + Texts.number(sd) + Reals.bounds(min, max, Double.NEGATIVE_INFINITY)
                + quantization().text() + ")";
    }
}
