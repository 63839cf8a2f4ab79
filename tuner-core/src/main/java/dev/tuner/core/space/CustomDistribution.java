package dev.tuner.core.space;

/**
 * A distribution of the user's own making: the open end of the otherwise sealed
 * {@link Distribution} family. It keeps every promise of a distribution (an internal
 * {@code double}, a seeded {@code sample}, a normalized {@code logDensity}, bounds, a canonical
 * {@code toString}) and should be an immutable value with {@code equals} and {@code hashCode};
 * a record is the easy way.
 *
 * <p>Samplers that know nothing of it draw from its prior with {@link #sample}; the TPE sampler
 * models one with finite {@link #low()} and {@link #high()} as an ordered value in that range,
 * its candidates drawn with {@link #sample}. Its JSON form is
 * its class name and its Jackson form, so a record of numbers and strings round-trips as it is.
 * It does not narrow unless it overrides {@link #narrow}.
 *
 * <p>Usually a {@link DistributionProvider} creates it from a user's annotation:
 *
 * <pre>{@code
 * // 1, 2, 4, ..., 2^maxExponent, each equally likely; internally the exponent
 * public record PowersOfTwo(int maxExponent) implements CustomDistribution {
 *     public double sample(UniformRandomProvider rng) { return rng.nextInt(maxExponent + 1); }
 *     public boolean contains(double k) { return k >= 0 && k <= maxExponent && k == Math.rint(k); }
 *     public Object toExternal(double k) { return 1L << (long) k; }
 *     public double toInternal(Object value) { ... }  // the exponent of a power of two, or throw
 *     public double logDensity(double k) { return contains(k) ? -Math.log(maxExponent + 1) : Double.NEGATIVE_INFINITY; }
 *     public double low() { return 0; }
 *     public double high() { return maxExponent; }
 *     public String toString() { return "powersoftwo(" + maxExponent + ")"; }
 * }
 * }</pre>
 *
 * @see DistributionProvider
 */
public non-sealed interface CustomDistribution extends Distribution {

    /** Leaves the distribution as it is; override to narrow by a rule of its own. */
    @Override
    default Distribution narrow(double internalGuess, double keptRatio) {
        Narrowing.require(this, internalGuess, keptRatio);
        return this;
    }
}
