package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A positive real value whose logarithm is uniform on {@code [log min, log max]}: every decade of
 * the range is equally likely, as suits learning rates and regularization strengths. Optionally
 * quantized to the multiples of {@code q} in the range (Hyperopt's {@code qloguniform}).
 *
 * <pre>{@code
 * LogUniform lr = LogUniform.of(1e-5, 1e-1);                 // loguniform(1.0E-5, 0.1)
 * LogUniform batch = LogUniform.of(16, 4096).quantized(16);   // 16, 32, ..., 4096, small ones likelier
 * }</pre>
 *
 * <p>Its internal value is the value itself. Narrowing shrinks the range in log space around the
 * guess to {@code keptRatio} of its log-width, keeping {@code q}, and collapses to {@link Fixed}
 * when fewer than two values are left.
 *
 * @param min lower bound, inclusive; positive, finite and less than {@code max}
 * @param max upper bound, inclusive; finite
 * @param q the quantization step, positive, with a multiple in the range; {@code NaN} for none
 */
public record LogUniform(double min, double max, double q) implements Distribution {

    public LogUniform {
        Ranges.requireFiniteOrdered(min, max);
        if (min <= 0) {
            throw new IllegalArgumentException(
                    "a log-uniform range must be positive, but min is " + min
                            + "; use a positive min, or Uniform for ranges that include zero");
        }
        Quantization.of(q, min, max);
    }

    /** A log-uniform distribution on {@code [min, max]}. */
    public static LogUniform of(double min, double max) {
        return new LogUniform(min, max, Double.NaN);
    }

    /** This range, quantized to the multiples of {@code q}. */
    public LogUniform quantized(double q) {
        return new LogUniform(min, max, q);
    }

    /** Whether values are quantized to multiples of {@link #q()}. */
    public boolean isQuantized() {
        return !Double.isNaN(q);
    }

    private Quantization quantization() {
        return Quantization.of(q, min, max);
    }

    private double logWidth() {
        return Math.log(max) - Math.log(min);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double logMin = Math.log(min);
        double logValue = logMin + rng.nextDouble() * logWidth();
        // exp(log(x)) can land a hair outside the bounds
        return quantization().quantize(Ranges.clamp(Math.exp(logValue), min, max));
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
        if (isQuantized()) {
            return quantization().logMass(internal,
                    x -> x <= min ? 0 : Ranges.clamp((Math.log(x) - Math.log(min)) / logWidth(), 0, 1));
        }
        return -Math.log(internal) - Math.log(logWidth());
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
        double[] range = Narrowing.logInterval(min, max, internalGuess, keptRatio);
        if (Reals.vanishes(range, q)) {
            return Fixed.of(internalGuess);
        }
        return new LogUniform(range[0], range[1], q);
    }

    /** {@code loguniform(1.0E-5, 0.1)} or {@code loguniform(16, 4096, q=16)}. */
    @Override
    public String toString() {
        return Reals.rangeText("loguniform", min, max, quantization());
    }
}
