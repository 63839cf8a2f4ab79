package dev.tuner.core.sampler;

import org.apache.commons.math3.special.Erf;

/**
 * Log expected improvement, computed so that it stays finite and accurate however small the
 * improvement (Ament et al., "Unexpected Improvements to Expected Improvement for Bayesian
 * Optimization", NeurIPS 2023, arXiv 2310.20708). For a minimized objective with posterior mean
 * {@code μ}, standard deviation {@code s} and incumbent {@code f*}, {@code EI = s · h(z)} with
 * {@code z = (f* - μ) / s} and {@code h(z) = φ(z) + z Φ(z)}; {@code h} underflows to 0 already at
 * {@code z ≈ -40}, where the plain EI surface is flat and a gradient optimizer stalls. Here
 * {@code log h} is computed in three ranges: directly for {@code z > -1}; through the scaled
 * complementary error function {@code erfcx} and {@code log(1 - e^x)} for moderately negative
 * {@code z}; and by its asymptote {@code -z²/2 - log(2π)/2 - 2 log|z|} beyond {@code -1/√ε}.
 *
 * <p>Hand-written: commons-math3 has {@code erfc} but neither {@code erfcx} nor a log EI, and a
 * dozen lines do not justify a new dependency.
 */
final class LogEi {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double HALF_LOG_PI_OVER_2 = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double ASYMPTOTIC = -1 / Math.sqrt(Math.ulp(1.0));

    private LogEi() {}

    /** {@code log(s · h((best - mean) / s))}: the log EI of a point below {@code best} (minimizing). */
    static double of(double mean, double sd, double best) {
        return Math.log(sd) + logH((best - mean) / sd);
    }

    /** {@code log h(z)}, {@code h(z) = φ(z) + z Φ(z)}, accurate for every finite z. */
    static double logH(double z) {
        if (z > -1) {
            // no cancellation here: h(z) ≥ h(-1) ≈ 0.083
            return Math.log(pdf(z) + z * cdf(z));
        }
        if (z > ASYMPTOTIC) {
            // h(z) = φ(z) (1 - |z| √(π/2) erfcx(|z|/√2)), the bracket taken as 1 - e^x
            double x = Math.log(erfcx(-z * SQRT_HALF) * -z) + HALF_LOG_PI_OVER_2;
            return -0.5 * z * z - HALF_LOG_2PI + log1mexp(x);
        }
        return -0.5 * z * z - HALF_LOG_2PI - 2 * Math.log(-z);
    }

    /**
     * {@code d log h / dz = Φ(z) / h(z)}: directly for {@code z > -1}; below, with
     * {@code r = √(π/2) erfcx(|z|/√2) = Φ(z)/φ(z)}, as {@code r / (1 - |z| r)}, the denominator by
     * {@code expm1} so that it keeps its digits; beyond {@code -1/√ε} its asymptote {@code |z|}.
     */
    static double dLogH(double z) {
        if (z > -1) {
            return cdf(z) / (pdf(z) + z * cdf(z));
        }
        if (z > ASYMPTOTIC) {
            double r = Math.sqrt(Math.PI / 2) * erfcx(-z * SQRT_HALF);
            return r / -Math.expm1(Math.log(r * -z));
        }
        return -z;
    }

    /** {@code log Φ(z)}, accurate in the far left tail. */
    static double logCdf(double z) {
        if (z > -5) {
            return Math.log(cdf(z));
        }
        // Φ(z) = erfc(-z/√2) / 2 = erfcx(-z/√2) e^{-z²/2} / 2
        return Math.log(0.5 * erfcx(-z * SQRT_HALF)) - 0.5 * z * z;
    }

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z - HALF_LOG_2PI);
    }

    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z * SQRT_HALF);
    }

    /** {@code log(1 - e^x)} for {@code x < 0} (Mächler's two branches). */
    static double log1mexp(double x) {
        return x > -Math.log(2) ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /**
     * The scaled complementary error function {@code e^{x²} erfc(x)} for {@code x ≥ 0}: directly
     * while {@code e^{x²}} is safe, then by the continued fraction
     * {@code 1/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))}, evaluated by Lentz's method.
     */
    static double erfcx(double x) {
        if (x < 4) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        // modified Lentz: f = x + a1/(x + a2/(x + ...)), a_k = k/2
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 200; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            d = d == 0 ? tiny : 1 / d;
            c = x + a / c;
            if (c == 0) {
                c = tiny;
            }
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 / (Math.sqrt(Math.PI) * f);
    }
}
