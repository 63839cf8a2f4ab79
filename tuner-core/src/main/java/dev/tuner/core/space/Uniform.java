package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A real value drawn uniformly from {@code [min, max]}, optionally quantized to the multiples of
 * {@code q} in the range (Hyperopt's {@code quniform}).
 *
 * <pre>{@code
 * Uniform x = Uniform.of(-10, 10);                    // uniform(-10, 10)
 * Uniform dropout = Uniform.of(0, 0.5).quantized(0.05);   // 0, 0.05, ..., 0.5
 * }</pre>
 *
 * <p>A quantized value is {@code round(x / q) · q}, moved onto the first or last multiple of
 * {@code q} inside the range if it falls beyond them; its {@link #logDensity} is the log of the
 * probability that a uniform draw rounds to it. Its internal value is the value itself.
 *
 * <p>Narrowing shrinks the range around the guess to {@code keptRatio} of its width, keeping
 * {@code q}, and collapses to {@link Fixed} when fewer than two values are left.
 *
 * @param min lower bound, inclusive; finite and less than {@code max}
 * @param max upper bound, inclusive; finite
 * @param q the quantization step, positive, with a multiple in the range; {@code NaN} for none
 */
public record Uniform(double min, double max, double q) implements Distribution {

    public Uniform {
        Ranges.requireFiniteOrdered(min, max);
        min = Ranges.normalize(min);
        max = Ranges.normalize(max);
        Quantization.of(q, min, max);
    }

    /** A uniform distribution on {@code [min, max]}. */
    public static Uniform of(double min, double max) {
        return new Uniform(min, max, Double.NaN);
    }

    /** This range, quantized to the multiples of {@code q}. */
    public Uniform quantized(double q) {
        return new Uniform(min, max, q);
    }

    /** Whether values are quantized to multiples of {@link #q()}. */
    public boolean isQuantized() {
        return !Double.isNaN(q);
    }

    private Quantization quantization() {
        return Quantization.of(q, min, max);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double x = Ranges.clamp(min + rng.nextDouble() * (max - min), min, max);
        return quantization().quantize(x);
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
            return quantization().logMass(internal, x -> Ranges.clamp((x - min) / (max - min), 0, 1));
        }
        return -Math.log(max - min);
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
        if (Reals.vanishes(range, q)) {
            return Fixed.of(internalGuess);
        }
        return new Uniform(range[0], range[1], q);
    }

    /** {@code uniform(-10, 10)} or {@code uniform(-10, 10, q=0.5)}. */
    @Override
    public String toString() {
        return Reals.rangeText("uniform", min, max, quantization());
    }
}
