package dev.tuner.core.space;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A normal distribution restricted to {@code [a, b]} and renormalized: the density is the normal's
 * divided by the mass {@code Z = Φ(β) − Φ(α)} of the interval, and draws come from the inverse CDF
 * of a uniform draw in {@code (Φ(α), Φ(β))}. That is what "clip" means for {@link Normal} and
 * {@link LogNormal}: a draw outside the range is, in effect, redrawn (never piled up on a bound),
 * so the density stays a proper, smooth density that TPE can evaluate and mix.
 *
 * <p>An interval in the upper tail is handled through its mirror image in the lower tail, where the
 * normal's CDF keeps its relative precision.
 */
final class TruncatedNormal {

    /** The least mass of the normal that the interval must hold for sampling to stay accurate. */
    static final double MIN_MASS = 1e-10;

    /** Without a generator: only its functions are used, and creating one costs time. */
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private final double mean;
    private final double sd;
    private final double a;
    private final double b;
    /** Whether the work is done on the mirror image, {@code [-β, -α]}. */
    private final boolean mirrored;
    private final double cdfLow;
    private final double cdfHigh;
    private final double mass;
    private final double logMass;

    TruncatedNormal(double mean, double sd, double a, double b) {
        this.mean = mean;
        this.sd = sd;
        this.a = a;
        this.b = b;
        double alpha = (a - mean) / sd;
        double beta = (b - mean) / sd;
        mirrored = alpha > 0;
        cdfLow = STANDARD.cumulativeProbability(mirrored ? -beta : alpha);
        cdfHigh = STANDARD.cumulativeProbability(mirrored ? -alpha : beta);
        mass = cdfHigh - cdfLow;
        if (!(mass >= MIN_MASS)) {
            throw new IllegalArgumentException("the range [" + a + ", " + b + "] holds almost none (" + mass
                    + ") of the normal distribution with mean " + mean + " and sd " + sd
                    + "; move the mean into the range, widen sd, or widen the range");
        }
        logMass = Math.log(mass);
    }

    /** A value for a uniform draw {@code u} in {@code [0, 1)}. */
    double inverse(double u) {
        double z = STANDARD.inverseCumulativeProbability(cdfLow + u * mass);
        return Ranges.clamp(mean + sd * (mirrored ? -z : z), a, b);
    }

    /** P(X ≤ x). */
    double cdf(double x) {
        if (x < a) {
            return 0;
        }
        if (x >= b) {
            return 1;
        }
        double z = (x - mean) / sd;
        double p = mirrored
                ? (cdfHigh - STANDARD.cumulativeProbability(-z)) / mass
                : (STANDARD.cumulativeProbability(z) - cdfLow) / mass;
        return Ranges.clamp(p, 0, 1);
    }

    /** The log of the density at {@code x}; -∞ outside {@code [a, b]}. */
    double logDensity(double x) {
        if (!(x >= a && x <= b)) {
            return Double.NEGATIVE_INFINITY;
        }
        return STANDARD.logDensity((x - mean) / sd) - Math.log(sd) - logMass;
    }
}
