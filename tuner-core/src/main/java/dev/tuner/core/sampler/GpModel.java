package dev.tuner.core.sampler;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The GP posterior given data and fixed hyperparameters: one Cholesky factor {@code K = LLᵀ} of
 * the data's covariance (EJML; with a growing jitter on the diagonal if the factorization fails)
 * and {@code α = K⁻¹y}. Predicts the latent function's mean and variance at a batch of inputs
 * (one product with {@code L⁻¹} for all candidates) or at one input with their
 * gradients in the numeric inputs, which the acquisition's local search needs.
 */
final class GpModel {

    final GpKernel kernel;
    private final double[][] x;
    private final int n;
    /** The lower Cholesky factor, row-major n × n. */
    private final double[] factor;
    private final double[] alpha;
    private DMatrixRMaj inverseFactor;

    GpModel(GpKernel kernel, double[][] x, double[] y) {
        this.kernel = kernel;
        this.x = x;
        this.n = x.length;
        DMatrixRMaj covariance = new DMatrixRMaj(n, n);
        double jitter = 0;
        CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
        for (int attempt = 0; ; attempt++) {
            for (int j = 0; j < n; j++) {
                covariance.data[j * n + j] = kernel.signal + kernel.noise + jitter;
                for (int l = j + 1; l < n; l++) {
                    double c = kernel.covariance(x[j], x[l]);
                    covariance.data[j * n + l] = c;
                    covariance.data[l * n + j] = c;
                }
            }
            if (cholesky.decompose(covariance)) {
                break;
            }
            if (attempt == 8) {
                throw new IllegalStateException("the GP covariance of " + n + " points is not positive definite even"
                        + " with jitter " + jitter + "; kernel signal " + kernel.signal + ", noise " + kernel.noise);
            }
            jitter = jitter == 0 ? 1e-8 * kernel.signal : jitter * 10;
        }
        factor = cholesky.getT(null).data;
        alpha = y.clone();
        TriangularSolver_DDRM.solveL(factor, alpha, n);
        TriangularSolver_DDRM.solveTranL(factor, alpha, n);
    }

    int size() {
        return n;
    }

    /** The posterior means and variances at {@code points}, written into {@code mean} and {@code variance}. */
    void predict(double[][] points, double[] mean, double[] variance) {
        int c = points.length;
        // K* = K(points, X), c × n; the variance explained is the squared norm of each row of K* L⁻ᵀ,
        // one matrix product (cache-friendly in EJML) rather than c triangular solves
        DMatrixRMaj cross = new DMatrixRMaj(c, n);
        double[] k = cross.data;
        for (int q = 0; q < c; q++) {
            double[] point = points[q];
            int row = q * n;
            double m = 0;
            for (int j = 0; j < n; j++) {
                double value = kernel.covariance(point, x[j]);
                k[row + j] = value;
                m += value * alpha[j];
            }
            mean[q] = m;
        }
        // row q of K* L⁻ᵀ is (Σ_{i ≤ j} (L⁻¹)ⱼᵢ K*_qi)_j: L⁻¹ is lower triangular, so each entry is
        // a dot product of two contiguous prefixes, half the work of EJML's general multTransB
        // (which has no triangular product) and, at 100 trials, a quarter of a proposal saved
        double[] inverse = inverseFactor().data;
        for (int q = 0; q < c; q++) {
            int row = q * n;
            double explained = 0;
            for (int j = 0; j < n; j++) {
                int rowJ = j * n;
                double v = 0;
                for (int i = 0; i <= j; i++) {
                    v += inverse[rowJ + i] * k[row + i];
                }
                explained += v * v;
            }
            variance[q] = Math.max(kernel.signal - explained, 1e-12 * kernel.signal);
        }
    }

    /** {@code L⁻¹}, computed on first use. */
    private synchronized DMatrixRMaj inverseFactor() {
        if (inverseFactor == null) {
            double[] inverse = factor.clone();
            TriangularSolver_DDRM.invertLower(inverse, n);
            inverseFactor = DMatrixRMaj.wrap(n, n, inverse);
        }
        return inverseFactor;
    }

    /**
     * The posterior mean and variance at {@code point} as {@code {mean, variance}}, and their
     * gradients in the numeric inputs written into {@code meanGradient} and {@code varianceGradient}
     * (0 for categorical ones).
     */
    double[] predict(double[] point, double[] meanGradient, double[] varianceGradient) {
        int d = point.length;
        double[] k = new double[n];
        double[] dk = new double[n];
        double[][] dkdx = new double[d][n];
        for (int j = 0; j < n; j++) {
            double r2 = kernel.distance2(point, x[j]);
            k[j] = kernel.signal * GpKernel.matern(r2);
            dk[j] = kernel.signal * GpKernel.maternDerivative(r2);
        }
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += k[j] * alpha[j];
        }
        double[] beta = k.clone();
        TriangularSolver_DDRM.solveL(factor, beta, n);
        double explained = 0;
        for (int j = 0; j < n; j++) {
            explained += beta[j] * beta[j];
        }
        TriangularSolver_DDRM.solveTranL(factor, beta, n);
        for (int i = 0; i < d; i++) {
            meanGradient[i] = 0;
            varianceGradient[i] = 0;
            if (kernel.categorical[i]) {
                continue;
            }
            double twoW = 2 * kernel.w[i];
            double m = 0;
            double v = 0;
            for (int j = 0; j < n; j++) {
                double g = dk[j] * twoW * (point[i] - x[j][i]);
                m += g * alpha[j];
                v += g * beta[j];
            }
            meanGradient[i] = m;
            varianceGradient[i] = -2 * v;
        }
        double variance = kernel.signal - explained;
        if (variance < 1e-12 * kernel.signal) {
            variance = 1e-12 * kernel.signal;
            java.util.Arrays.fill(varianceGradient, 0);
        }
        return new double[] {mean, variance};
    }
}
