package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A positive real value whose logarithm is uniform on {@code [log min, log max]}: every decade of
 * the range is equally likely.
 *
 * @param min lower bound, inclusive; positive, finite and less than {@code max}
 * @param max upper bound, inclusive; finite
 */
public record LogUniform(double min, double max) implements Distribution {

    public LogUniform {
        Ranges.requireFiniteOrdered(min, max);
        if (min <= 0) {
            throw new IllegalArgumentException(
                    "a log-uniform range must be positive, but min is " + min
                            + "; use a positive min, or Uniform for ranges that include zero");
        }
    }

    /** A log-uniform distribution on {@code [min, max]}. */
    public static LogUniform of(double min, double max) {
        return new LogUniform(min, max);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double logMin = Math.log(min);
        double logValue = logMin + rng.nextDouble() * (Math.log(max) - logMin);
        // exp(log(x)) can land a hair outside the bounds
        return Ranges.clamp(Math.exp(logValue), min, max);
    }

    @Override
    public boolean contains(double internal) {
        return internal >= min && internal <= max;
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public double toInternal(Object external) {
        return Ranges.requireContained(this, Ranges.asDouble(this, external));
    }
}
