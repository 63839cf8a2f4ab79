package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A real value drawn uniformly from {@code [min, max]}.
 *
 * @param min lower bound, inclusive; finite and less than {@code max}
 * @param max upper bound, inclusive; finite
 */
public record Uniform(double min, double max) implements Distribution {

    public Uniform {
        Ranges.requireFiniteOrdered(min, max);
    }

    /** A uniform distribution on {@code [min, max]}. */
    public static Uniform of(double min, double max) {
        return new Uniform(min, max);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return Ranges.clamp(min + rng.nextDouble() * (max - min), min, max);
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
