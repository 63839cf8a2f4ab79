package dev.tuner.core.sampler;

/**
 * The GP's covariance: a Matérn-5/2 kernel with one length scale per knob (automatic relevance
 * determination), over a distance that adds, for each numeric knob, its squared difference and,
 * for each categorical knob, 1 when the options differ (Hamming distance, each with its own
 * length scale, as Optuna's GPSampler treats categories), plus a noise term on the diagonal.
 *
 * <p>Matérn-5/2 rather than the squared exponential: twice differentiable but not infinitely
 * smooth, it fits real objectives better and is the default of Optuna's GPSampler, BoTorch and
 * HEBO. Hyperparameters live in a vector {@code θ}: the logs of the inverse squared length
 * scales {@code wᵢ = 1/ℓᵢ²}, the log of the signal variance, and {@code log(noise - floor)}, so
 * that the noise never falls below {@link #NOISE_FLOOR} (on standardized outputs).
 */
final class GpKernel {

    /** The smallest noise variance, on standardized outputs: keeps the Cholesky factor well conditioned. */
    static final double NOISE_FLOOR = 1e-6;

    private static final double SQRT5 = Math.sqrt(5);

    final boolean[] categorical;
    final double[] w;
    final double signal;
    final double noise;

    GpKernel(boolean[] categorical, double[] theta) {
        int d = categorical.length;
        this.categorical = categorical;
        this.w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = Math.exp(theta[i]);
        }
        this.signal = Math.exp(theta[d]);
        this.noise = NOISE_FLOOR + Math.exp(theta[d + 1]);
    }

    /** The weighted squared distance between two inputs. */
    double distance2(double[] a, double[] b) {
        double r2 = 0;
        for (int i = 0; i < w.length; i++) {
            r2 += w[i] * difference2(i, a[i], b[i]);
        }
        return r2;
    }

    /** Knob {@code i}'s contribution to the distance before weighting. */
    double difference2(int i, double a, double b) {
        if (categorical[i]) {
            return a == b ? 0 : 1;
        }
        double diff = a - b;
        return diff * diff;
    }

    /** The covariance of two distinct inputs (no noise). */
    double covariance(double[] a, double[] b) {
        return signal * matern(distance2(a, b));
    }

    /** Matérn-5/2 with unit variance as a function of the squared distance. */
    static double matern(double r2) {
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /** {@code d matern / d(r²)}: smooth at 0, unlike the derivative in {@code r}. */
    static double maternDerivative(double r2) {
        double r = Math.sqrt(r2);
        return -5.0 / 6.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    /** The number of hyperparameters for {@code d} knobs. */
    static int parameters(int d) {
        return d + 2;
    }
}
