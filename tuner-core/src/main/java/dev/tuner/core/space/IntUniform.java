package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An integer drawn uniformly from {@code min..max}, both inclusive. Its external value is a
 * {@link Long}.
 *
 * @param min lower bound, inclusive; less than {@code max} and at least -2<sup>53</sup>
 * @param max upper bound, inclusive; at most 2<sup>53</sup>, so that every value is exact as an
 *     internal {@code double}
 */
public record IntUniform(long min, long max) implements Distribution {

    /** The widest range whose every integer a {@code double} represents exactly. */
    static final long MAX_SPAN = 1L << 53;

    public IntUniform {
        if (min >= max) {
            throw new IllegalArgumentException(
                    "min (" + min + ") must be less than max (" + max + "); swap or widen the bounds");
        }
        // not Math.abs: Math.abs(Long.MIN_VALUE) is negative and would pass
        if (min < -MAX_SPAN || max > MAX_SPAN) {
            throw new IllegalArgumentException(
                    "integer bounds must lie within ±2^53 so that every value is exact, but the range is "
                            + min + ".." + max + "; narrow the range");
        }
    }

    /** A uniform distribution on the integers {@code min..max}. */
    public static IntUniform of(long min, long max) {
        return new IntUniform(min, max);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return min + rng.nextLong(max - min + 1);
    }

    @Override
    public boolean contains(double internal) {
        return internal >= min && internal <= max && internal == Math.rint(internal);
    }

    @Override
    public Object toExternal(double internal) {
        return (long) internal;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Integer || external instanceof Long
                || external instanceof Short || external instanceof Byte)) {
            throw new IllegalArgumentException(
                    external + " is not an integer value of " + this + "; give an int or a long");
        }
        // compare as long: beyond 2^53 a double would round a value outside the range into it
        long value = ((Number) external).longValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " lies outside " + this);
        }
        return value;
    }
}
