package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/** A custom distribution for the SPI's tests: 1, 2, 4, ..., 2^maxExponent; internally the exponent. */
public record PowersOfTwo(int maxExponent) implements CustomDistribution {

    public PowersOfTwo {
        if (maxExponent < 1 || maxExponent > 62) {
            throw new IllegalArgumentException("maxExponent must lie in 1..62, but it is " + maxExponent);
        }
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return rng.nextInt(maxExponent + 1);
    }

    @Override
    public boolean contains(double k) {
        return k >= 0 && k <= maxExponent && k == Math.rint(k);
    }

    @Override
    public Object toExternal(double k) {
        return 1L << (long) k;
    }

    @Override
    public double toInternal(Object value) {
        if (value instanceof Long power && power > 0 && Long.bitCount(power) == 1
                && Long.numberOfTrailingZeros(power) <= maxExponent) {
            return Long.numberOfTrailingZeros(power);
        }
        throw new IllegalArgumentException(value + " is not a power of two up to 2^" + maxExponent);
    }

    @Override
    public double logDensity(double k) {
        return contains(k) ? -Math.log(maxExponent + 1) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double low() {
        return 0;
    }

    @Override
    public double high() {
        return maxExponent;
    }

    @Override
    public String toString() {
        return "powersoftwo(" + maxExponent + ")";
    }
}
