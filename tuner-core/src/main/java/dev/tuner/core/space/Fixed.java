package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One value, always: a knob held constant, or what narrowing leaves of a range with no room left.
 * Its internal value is 0 (the index of its only option); its external value is the value.
 *
 * <pre>{@code
 * Fixed kernel = Fixed.of("rbf");   // fixed("rbf")
 * }</pre>
 *
 * <p>Narrowing leaves it as it is.
 *
 * @param value the value; a string, number, boolean, enum constant or class
 */
public record Fixed(Object value) implements Distribution {

    public Fixed {
        if (value == null) {
            throw new IllegalArgumentException("a fixed value cannot be null; give the value the knob should keep");
        }
        Options.requireValueType("fixed value", value);
    }

    /** The distribution that always gives {@code value}. */
    public static Fixed of(Object value) {
        return new Fixed(value);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return 0;
    }

    @Override
    public boolean contains(double internal) {
        return internal == 0;
    }

    @Override
    public Object toExternal(double internal) {
        if (internal != 0) {
            throw new IllegalArgumentException(internal + " is not the index 0 of " + this);
        }
        return value;
    }

    @Override
    public double toInternal(Object external) {
        if (!value.equals(external)) {
            throw new IllegalArgumentException(external + " is not the value of " + this);
        }
        return 0;
    }

    @Override
    public double logDensity(double internal) {
        return internal == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double low() {
        return 0;
    }

    @Override
    public double high() {
        return 0;
    }

    @Override
    public Distribution narrow(double internalGuess, double keptRatio) {
        Narrowing.require(this, internalGuess, keptRatio);
        return this;
    }

    /** {@code fixed(0.5)}, {@code fixed("rbf")}. */
    @Override
    public String toString() {
        return "fixed(" + Texts.option(value) + ")";
    }
}
