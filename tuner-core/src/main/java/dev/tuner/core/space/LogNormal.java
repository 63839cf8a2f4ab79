package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A positive real value whose logarithm is normal with the given {@code mean} and {@code sd}
 * (Hyperopt's {@code lognormal}, and {@code qlognormal} with {@code q}), optionally clipped to
 * {@code [min, max]}.
 *
 * <pre>{@code
 * LogNormal c = LogNormal.of(0, 1);                                // median 1, e^±1 within one sd
 * LogNormal width = LogNormal.of(Math.log(100), 0.5).clipped(10, 1000);
 * LogNormal units = LogNormal.of(4, 1).quantized(1);               // 0, 1, 2, ...
 * }</pre>
 *
 * <p>As for {@link Normal}, clipping is truncation: the distribution of {@code log x} is the normal
 * restricted to {@code [log min, log max]} and renormalized, sampled by its inverse CDF, with a
 * proper density that TPE can use. {@code min = 0} (the default) means no lower clip.
 *
 * <p>Its internal value is the value itself. With {@code q}, values are {@code round(x / q) · q}
 * kept inside the range, so {@code 0} is reachable when {@code min} is 0. Narrowing works in log
 * space: the mean of {@code log x} moves towards {@code log guess}, {@code sd} scales by the kept
 * ratio, finite bounds shrink around the guess, and the result collapses to {@link Fixed} when
 * fewer than two values are left.
 *
 * <p>Parameters:
 * <ul>
 * <li>{@code mean}: the mean of {@code log x}; finite</li>
 * <li>{@code sd}: the standard deviation of {@code log x}; positive and finite</li>
 * <li>{@code min}: lower clip bound, inclusive; at least 0, and 0 for none</li>
 * <li>{@code max}: upper clip bound, inclusive, greater than {@code min}; {@code +∞} for none</li>
 * <li>{@code q}: the quantization step, positive, with a multiple in the range; {@code NaN} for none</li>
 * </ul>
 */
public final class LogNormal implements Distribution {

    private final NormalParameters parameters;
    /** The truncated normal of {@code log x}; kept, not recomputed: its normalizing mass costs two CDF evaluations. */
    private final TruncatedNormal logTruncated;
    private final Quantization quantization;

    /**
     * A log-normal distribution clipped and quantized as given; see the class description for each
     * parameter's rule.
     *
     * @throws IllegalArgumentException if a parameter breaks its rule
     */
    public LogNormal(double mean, double sd, double min, double max, double q) {
        this(NormalParameters.of("the mean of log x", mean, sd, min, max, q));
    }

    /** From parameters {@link NormalParameters#of} has checked. */
    private LogNormal(NormalParameters parameters) {
        if (parameters.min() < 0) {
            throw new IllegalArgumentException("a log-normal value is positive, so min must be at least 0, but it is "
                    + parameters.min() + "; use min = 0 for no lower bound, or Normal for values that can be negative");
        }
        this.parameters = parameters;
        this.quantization = parameters.quantization();
        this.logTruncated = new TruncatedNormal(parameters.mean(), parameters.sd(),
                Math.log(parameters.min()), Math.log(parameters.max()));
    }

    /** A log-normal distribution: {@code log x} is normal with this mean and sd. */
    public static LogNormal of(double mean, double sd) {
        return new LogNormal(mean, sd, 0, Double.POSITIVE_INFINITY, Double.NaN);
    }

    /** This distribution truncated to {@code [min, max]}; {@code min = 0} and {@code max = +∞} mean none. */
    public LogNormal clipped(double min, double max) {
        return new LogNormal(mean(), sd(), min, max, q());
    }

    /** This distribution, quantized to the multiples of {@code q}. */
    public LogNormal quantized(double q) {
        return new LogNormal(mean(), sd(), min(), max(), q);
    }

    /** The mean of {@code log x}. */
    public double mean() {
        return parameters.mean();
    }

    /** The standard deviation of {@code log x}. */
    public double sd() {
        return parameters.sd();
    }

    /** The lower clip bound; 0 for none. */
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
        return other instanceof LogNormal that && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    /** Whether values are quantized to multiples of {@link #q()}. */
    public boolean isQuantized() {
        return quantization.isQuantized();
    }

    /** Whether the distribution is restricted to a positive lower or a finite upper bound. */
    public boolean isClipped() {
        return min() > 0 || Double.isFinite(max());
    }

    private double cdf(double x) {
        return x <= 0 ? 0 : logTruncated.cdf(Math.log(x));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double x = Math.exp(logTruncated.inverse(rng.nextDouble()));
        // exp can land a hair outside the bounds, or underflow to 0
        return quantization.quantize(Ranges.clamp(x, Math.max(parameters.min(), Double.MIN_VALUE), parameters.max()));
    }

    @Override
    public boolean contains(double internal) {
        // unquantized, 0 itself is out: log x is -∞
        return Reals.contains(parameters.min(), parameters.max(), quantization, internal)
                && (isQuantized() || internal > 0);
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
        if (isQuantized()) {
            return quantization.logMass(internal, this::cdf);
        }
        return logTruncated.logDensity(Math.log(internal)) - Math.log(internal);
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
        // a quantized guess of 0 stands for the draws below q/2
        double positiveGuess = internalGuess > 0 ? internalGuess : q() / 2;
        double[] range = Narrowing.logInterval(min(), max(), positiveGuess, keptRatio);
        range[0] = Math.min(range[0], internalGuess);
        if (parameters.vanishes(range, keptRatio)) {
            return Fixed.of(internalGuess);
        }
        double narrowMean = Narrowing.towards(mean(), Math.log(positiveGuess), keptRatio);
        return new LogNormal(narrowMean, sd() * keptRatio, range[0], range[1], q());
    }

    /** {@code lognormal(0, 1)}, with {@code min=}, {@code max=} for clip bounds and {@code q=}. */
    @Override
    public String toString() {
        return parameters.text("lognormal", 0);
    }
}
