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

    private final double mean;
    private final double sd;
    private final double min;
    private final double max;
    private final double q;
    /** Kept, not recomputed: its normalizing mass costs two CDF evaluations. */
    private final TruncatedNormal truncated;
    private final Quantization quantization;

    /**
     * A log-normal distribution clipped and quantized as given; see the class description for each
     * parameter's rule.
     *
     * @throws IllegalArgumentException if a parameter breaks its rule
     */
    public LogNormal(double mean, double sd, double min, double max, double q) {
        Ranges.requireFinite("the mean of log x", mean);
        Ranges.requirePositiveSd(sd);
        Ranges.requireOrdered(min, max);
        if (min < 0) {
            throw new IllegalArgumentException("a log-normal value is positive, so min must be at least 0, but it is "
                    + min + "; use min = 0 for no lower bound, or Normal for values that can be negative");
        }
        this.mean = Ranges.normalize(mean);
        this.sd = sd;
        this.min = Ranges.normalize(min);
        this.max = max;
        this.q = q;
        this.quantization = Quantization.of(q, this.min, max);
        this.truncated = new TruncatedNormal(this.mean, sd, Math.log(this.min), Math.log(max));
    }

    /** A log-normal distribution: {@code log x} is normal with this mean and sd. */
    public static LogNormal of(double mean, double sd) {
        return new LogNormal(mean, sd, 0, Double.POSITIVE_INFINITY, Double.NaN);
    }

    /** This distribution truncated to {@code [min, max]}; {@code min = 0} and {@code max = +∞} mean none. */
    public LogNormal clipped(double min, double max) {
        return new LogNormal(mean, sd, min, max, q);
    }

    /** This distribution, quantized to the multiples of {@code q}. */
    public LogNormal quantized(double q) {
        return new LogNormal(mean, sd, min, max, q);
    }

    /** The mean of {@code log x}. */
    public double mean() {
        return mean;
    }

    /** The standard deviation of {@code log x}. */
    public double sd() {
        return sd;
    }

    /** The lower clip bound; 0 for none. */
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
        return other instanceof LogNormal that
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

    /** Whether the distribution is restricted to a positive lower or a finite upper bound. */
    public boolean isClipped() {
        return min > 0 || Double.isFinite(max);
    }

    private Quantization quantization() {
        return quantization;
    }

    /** The truncated normal of {@code log x}. */
    private TruncatedNormal logTruncated() {
        return truncated;
    }

    private double cdf(double x) {
        return x <= 0 ? 0 : logTruncated().cdf(Math.log(x));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double x = Math.exp(logTruncated().inverse(rng.nextDouble()));
        // exp can land a hair outside the bounds, or underflow to 0
        return quantization().quantize(Ranges.clamp(x, Math.max(min, Double.MIN_VALUE), max));
    }

    @Override
    public boolean contains(double internal) {
        // unquantized, 0 itself is out: log x is -∞
        return Reals.contains(min, max, quantization(), internal) && (isQuantized() || internal > 0);
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
        if (isQuantized()) {
            return quantization().logMass(internal, this::cdf);
        }
        return logTruncated().logDensity(Math.log(internal)) - Math.log(internal);
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
        // a quantized guess of 0 stands for the draws below q/2
        double positiveGuess = internalGuess > 0 ? internalGuess : q / 2;
        double[] range = Narrowing.logInterval(min, max, positiveGuess, keptRatio);
        range[0] = Math.min(range[0], internalGuess);
        double narrowSd = sd * keptRatio;
        if (!(narrowSd > 0) || Reals.vanishes(range, q)) {
            return Fixed.of(internalGuess);
        }
        double narrowMean = Narrowing.towards(mean, Math.log(positiveGuess), keptRatio);
        return new LogNormal(narrowMean, narrowSd, range[0], range[1], q);
    }

    /** {@code lognormal(0, 1)}, with {@code min=}, {@code max=} for clip bounds and {@code q=}. */
    @Override
    public String toString() {
        return "lognormal(" + Texts.number(mean) + ", " + Texts.number(sd) + Reals.bounds(min, max, 0)
                + quantization().text() + ")";
    }
}
