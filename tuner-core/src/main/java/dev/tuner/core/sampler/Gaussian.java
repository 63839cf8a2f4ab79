package dev.tuner.core.sampler;

/**
 * The standard normal distribution's functions that the Parzen estimators need, accurate in the
 * tails and cheap: each costs one {@code exp} or one {@code log} and a short polynomial.
 */
final class Gaussian {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Gaussian() {}

    /**
     * The complementary error function, with a relative error below 1.2e-7 everywhere (the
     * Chebyshev fit of Numerical Recipes §6.2).
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** P(Z &le; x) for a standard normal Z. */
    static double cdf(double x) {
        return 0.5 * erfc(-x * SQRT_HALF);
    }

    /**
     * P(a &lt; Z &le; b) for a &le; b, computed on the side of the tail the interval lies in so that
     * narrow intervals far from 0 keep their relative precision.
     */
    static double mass(double a, double b) {
        if (a >= 0) {
            return cdf(-a) - cdf(-b);
        }
        return cdf(b) - cdf(a);
    }

    /**
     * P(a &lt; Z &le; b) for a &le; b, also for intervals far narrower than 1 (the cells of a log
     * grid's large values): below a width of 0.01 the density at the midpoint times the width, which
     * errs by under {@code width² (1 + z²) / 24} relatively, where a difference of two distribution
     * function values would lose most of its digits.
     */
    static double cellMass(double a, double b) {
        double width = b - a;
        if (width < 0.01) {
            double z = 0.5 * (a + b);
            return width * Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
        }
        return mass(a, b);
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;

    /**
     * e<sup>x</sup> for x &le; 0, with a relative error below 1e-8: a rounding to a power of two
     * and a degree-8 polynomial, about twice as fast as {@link Math#exp} where mixtures of
     * thousands of kernels are summed.
     */
    static double expNonPositive(double x) {
        if (x < -700) {
            return 0;
        }
        // round to the nearest integer by truncation, which is cheap (Math.rint is not on every CPU)
        long n = (long) (0.5 - x * LOG2E);
        double k = -n;
        double y = (x - k * LN2_HI) - k * LN2_LO;
        double p = 1 + y * (1 + y * (0.5 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y * (1.0 / 720
                + y * (1.0 / 5040 + y * (1.0 / 40320))))))));
        return p * Double.longBitsToDouble((1023 - n) << 52);
    }

    private static final int TAIL_STEPS_PER_UNIT = 256;
    private static final double TAIL_END = 8;
    private static final double[] TAIL = new double[(int) (TAIL_END * TAIL_STEPS_PER_UNIT) + 2];

    static {
        for (int i = 0; i < TAIL.length; i++) {
            TAIL[i] = cdf(-(double) i / TAIL_STEPS_PER_UNIT);
        }
    }

    /**
     * P(Z &gt; x) for x &ge; 0 from a table with linear interpolation (absolute error below 5e-7):
     * the truncation normalizers of thousands of kernels cost a lookup each, not an {@code exp}.
     * Beyond the table's end it gives its last entry (6e-16); below 0, P(Z &gt; 0).
     */
    static double upperTail(double x) {
        // comparisons, not Math.min and max, whose care for NaN and -0.0 cost a third of a normalizer loop
        double position = (x < TAIL_END ? (x > 0 ? x : 0) : TAIL_END) * TAIL_STEPS_PER_UNIT;
        int i = (int) position;
        double f = position - i;
        return TAIL[i] + f * (TAIL[i + 1] - TAIL[i]);
    }

    /** P(lo &lt; m + sZ &le; hi) for a kernel centred inside [lo, hi] (with 1/s given): 1 minus both tails. */
    static double insideMass(double m, double inverseSigma, double lo, double hi) {
        double below = (m - lo) * inverseSigma;
        double above = (hi - m) * inverseSigma;
        if (below < 0 || above < 0) {
            return mass(-below, above);
        }
        return 1 - upperTail(below) - upperTail(above);
    }

    /**
     * The x with P(Z &le; x) = p, for 0 &lt; p &lt; 1 (Acklam's rational approximation, relative
     * error below 1.2e-9, refined by one Halley step).
     */
    static double quantile(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        } else if (p <= 1 - 0.02425) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                    / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            x = -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        }
        return x;
    }

    /**
     * A draw from the standard normal truncated to [a, b], by inverting its distribution function
     * on the tail side of the interval; {@code u} is uniform on [0, 1).
     */
    static double truncated(double a, double b, double u) {
        if (a >= 0) {
            // upper tail: work with the survival function, which keeps its precision there
            return -truncated(-b, -a, 1 - u);
        }
        double lo = cdf(a);
        double hi = cdf(b);
        double x = quantile(lo + u * (hi - lo));
        // the approximations can step a hair outside; the interval is what the caller needs
        return Math.max(a, Math.min(b, x));
    }
}
