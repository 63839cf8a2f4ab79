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

    private final NormalParameters parameters;
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
        this(NormalParameters.of("the mean", mean, sd, min, max, q));
    }

    /** From parameters {@link NormalParameters#of} has checked. */
    private Normal(NormalParameters parameters) {
        this.parameters = parameters;
        this.quantization = parameters.quantization();
        this.truncated = new TruncatedNormal(parameters.mean(), parameters.sd(), parameters.min(), parameters.max());
    }

    /** An unclipped normal distribution. */
    public static Normal of(double mean, double sd) {
        return new Normal(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);
    }

    /** This normal truncated to {@code [min, max]} (either may be infinite). */
    public Normal clipped(double min, double max) {
        return new Normal(mean(), sd(), min, max, q());
    }

    /** This normal, quantized to the multiples of {@code q}. */
    public Normal quantized(double q) {
        return new Normal(mean(), sd(), min(), max(), q);
    }

    /** The mean of the (unclipped) normal. */
    public double mean() {
        return parameters.mean();
    }

    /** Its standard deviation. */
    public double sd() {
        return parameters.sd();
    }

    /** The lower clip bound; {@code -∞} for none. */
    public double min() {
        return parameters.min();
    }

    /** The upper clip bound; {@code +∞} for none. */
    public double max() {
        return parameters.max();
    }

    /** The quantization step; {@code NaN} for none. */
    public double q() {
        return parameters.q();
    }

    /** Equal when every parameter is, as records compare doubles. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Normal that && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    /** Whether values are quantized to multiples of {@link #q()}. */
    public boolean isQuantized() {
        return quantization.isQuantized();
    }

    /** Whether the normal is restricted to a finite bound on either side. */
    public boolean isClipped() {
        return Double.isFinite(min()) || Double.isFinite(max());
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return quantization.quantize(truncated.inverse(rng.nextDouble()));
    }

    @Override
    public boolean contains(double internal) {
        return Reals.contains(parameters.min(), parameters.max(), quantization, internal);
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public double toInternal(Object external) {
        return Reals.toInternal(this, quantization, external);
    }

    @Override
    public double logDensity(double internal) {
        if (!contains(internal)) {
            return Double.NEGATIVE_INFINITY;
        }
        return isQuantized() ? quantization.logMass(internal, truncated::cdf) : truncated.logDensity(internal);
    }

    @Override
    public double low() {
        return quantization.lowest(min());
    }

    @Override
    public double high() {
        return quantization.highest(max());
    }

    @Override
    public Distribution narrow(double internalGuess, double keptRatio) {
        Narrowing.require(this, internalGuess, keptRatio);
        double[] range = Narrowing.interval(min(), max(), internalGuess, keptRatio);
        if (parameters.vanishes(range, keptRatio)) {
            return Fixed.of(internalGuess);
        }
        double narrowMean = Narrowing.towards(mean(), internalGuess, keptRatio);
        return new Normal(narrowMean, sd() * keptRatio, range[0], range[1], q());
    }

    /** {@code normal(0.5, 0.2)}, with {@code min=}, {@code max=} for finite bounds and {@code q=}. */
    @Override
    public String toString() {
        return parameters.text("normal", Double.NEGATIVE_INFINITY);
    }
}
