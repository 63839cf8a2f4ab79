package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code true} or {@code false}, each with probability ½. Its internal value is 0 for
 * {@code false} and 1 for {@code true}; its external value a {@link Boolean}.
 *
 * <pre>{@code
 * Bool shuffle = Bool.of();   // bool()
 * }</pre>
 *
 * <p>Narrowing, as for a {@link Choice} of two: it stays whole only when nothing is to be cut
 * ({@code keptRatio = 1}), and collapses to the guess, a {@link Fixed}, otherwise.
 */
public record Bool() implements Distribution {

    /** The distribution over {@code false} and {@code true}. */
    public static Bool of() {
        return new Bool();
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return rng.nextInt(2);
    }

    @Override
    public boolean contains(double internal) {
        return internal == 0 || internal == 1;
    }

    @Override
    public Object toExternal(double internal) {
        if (!contains(internal)) {
            throw new IllegalArgumentException(internal + " is neither 0 (false) nor 1 (true)");
        }
        return internal == 1;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Boolean value)) {
            throw new IllegalArgumentException(external + " is not a value of " + this + "; give true or false");
        }
        return value ? 1 : 0;
    }

    @Override
    public double logDensity(double internal) {
        return contains(internal) ? -Math.log(2) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double low() {
        return 0;
    }

    @Override
    public double high() {
        return 1;
    }

    @Override
    public Distribution narrow(double internalGuess, double keptRatio) {
        return Narrowing.unordered(this, 2, internalGuess, keptRatio);
    }

    @Override
    public String toString() {
        return "bool()";
    }
}
