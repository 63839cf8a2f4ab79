package dev.tuner.core.sampler;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * Fits the kernel's hyperparameters to the data by maximizing the log marginal likelihood plus a
 * log prior (a maximum a posteriori fit), with analytic gradients and {@link Lbfgs}.
 *
 * <p>The gradient of the log marginal likelihood in each hyperparameter {@code θₖ} is
 * {@code ½ tr((ααᵀ - K⁻¹) ∂K/∂θₖ)} with {@code α = K⁻¹y} (Rasmussen and Williams, eq. 5.9):
 * one Cholesky factorization and one inverse per evaluation, O(n³), which is why the sampler fits
 * on a bounded subset of the trials.
 *
 * <p>Priors, on standardized outputs and inputs in [0, 1]:
 * <ul>
 *   <li>each length scale {@code ℓ}: {@code log ℓ ~ N(0, 0.75²)}, around the width of the
 *       range (95% within [0.23, 4.4]). Chosen on sphere (5-D), Rosenbrock (2-D) and a rotated
 *       ellipsoid (6-D) at 40 trials, 11 seeds, against two published choices: the
 *       dimension-scaled {@code log ℓ ~ N(√2 + ½ log d, √3²)} of Hvarfner et al. (ICML 2024,
 *       BoTorch's default) let most knobs of the ellipsoid look irrelevant after 10–20 trials,
 *       and the proposals then ran to the corners of the box (median best 284 against random
 *       search's 291); Optuna's {@code -(0.1/w + 0.1 w)} on {@code w = 1/ℓ²} and this prior were
 *       equal within noise (63 and 84; sphere 2.3e-4 and 1.7e-4, Rosenbrock 0.072 and 0.032);</li>
 *   <li>the signal variance: {@code log σ² ~ N(0, 2²)}, weak, around the standardized scale
 *       ({@code N(0, 0.7²)} was equal within noise);</li>
 *   <li>the noise variance: a Gamma(1.1, 30) density, as Optuna's GPSampler uses: it pulls large
 *       noise down but barely penalizes noise near the floor, so a deterministic objective is
 *       interpolated.</li>
 * </ul>
 */
final class GpKernelFit implements Lbfgs.Function {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SIGNAL_PRIOR_SD = 2;
    /** log w = -2 log ℓ with log ℓ ~ N(0, 0.75²). */
    private static final double LOG_W_PRIOR_VARIANCE = 4 * 0.75 * 0.75;
    private static final double NOISE_SHAPE = 1.1;
    private static final double NOISE_RATE = 30;

    private final double[] y;
    private final boolean[] categorical;
    private final int n;
    private final int d;
    /** Per knob, the unweighted squared difference of each pair {@code j < l}, in row order. */
    private final double[][] differences;
    private final CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
    private final LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(cholesky);
    private final DMatrixRMaj k;
    private final DMatrixRMaj inverse;
    private final DMatrixRMaj lowerInverse;
    private final DMatrixRMaj alpha;
    private final DMatrixRMaj target;

    GpKernelFit(double[][] x, double[] y, boolean[] categorical) {
        this.y = y;
        this.categorical = categorical;
        this.n = y.length;
        this.d = categorical.length;
        int pairs = n * (n - 1) / 2;
        differences = new double[d][pairs];
        GpKernel unit = new GpKernel(categorical, new double[GpKernel.parameters(d)]);
        for (int i = 0; i < d; i++) {
            int p = 0;
            for (int j = 0; j < n; j++) {
                for (int l = j + 1; l < n; l++) {
                    differences[i][p++] = unit.difference2(i, x[j][i], x[l][i]);
                }
            }
        }
        k = new DMatrixRMaj(n, n);
        inverse = new DMatrixRMaj(n, n);
        lowerInverse = new DMatrixRMaj(n, n);
        alpha = new DMatrixRMaj(n, 1);
        target = new DMatrixRMaj(n, 1, true, y);
    }

    /** A starting point when no earlier fit is known: unit length scales (the prior's mode) and signal, noise 0.01. */
    static double[] initial(int d) {
        double[] theta = new double[GpKernel.parameters(d)];
        theta[d + 1] = Math.log(1e-2);
        return theta;
    }

    /** The hyperparameters' bounds: length scales from 0.0025 to 400, moderate signal, noise up to 7. */
    static double[][] bounds(int d) {
        double[] lower = new double[GpKernel.parameters(d)];
        double[] upper = new double[lower.length];
        Arrays.fill(lower, 0, d, -12);
        Arrays.fill(upper, 0, d, 12);
        lower[d] = -10;
        upper[d] = 10;
        lower[d + 1] = -25;
        upper[d + 1] = 2;
        return new double[][] {lower, upper};
    }

    /** The MAP hyperparameters, from {@code start} (not modified), within {@link #bounds}. */
    double[] fit(double[] start, int iterations) {
        double[] theta = start.clone();
        double[][] bounds = bounds(d);
        Lbfgs.minimize(this, theta, bounds[0], bounds[1], iterations, 1e-2);
        return theta;
    }

    /**
     * {@code K⁻¹ = L⁻ᵀL⁻¹} from the lower triangle of {@code L⁻¹} ({@code m}), into {@code into}:
     * {@code (K⁻¹)ᵢⱼ = Σ_{k ≥ max(i, j)} mₖᵢ mₖⱼ}, summed row by row of {@code m} over the lower
     * triangle only and mirrored. EJML has no product of triangular matrices: its solver's
     * {@code invert} and {@code multInner} both do three times these n³/6 multiplications, and at
     * n = 100 they took a third of a proposal.
     */
    private void lowerGram(double[] m, double[] into) {
        java.util.Arrays.fill(into, 0);
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            for (int i = 0; i <= k; i++) {
                double mki = m[rowK + i];
                if (mki == 0) {
                    continue;
                }
                int rowI = i * n;
                for (int j = 0; j <= i; j++) {
                    into[rowI + j] += mki * m[rowK + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                into[j * n + i] = into[i * n + j];
            }
        }
    }

    /** The negative log posterior (up to a constant) at {@code theta}, and its gradient. */
    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        GpKernel kernel = new GpKernel(categorical, theta);
        int pairs = n * (n - 1) / 2;
        double[] r2 = new double[pairs];
        for (int i = 0; i < d; i++) {
            double wi = kernel.w[i];
            double[] diff = differences[i];
            for (int p = 0; p < pairs; p++) {
                r2[p] += wi * diff[p];
            }
        }
        double[] data = k.data;
        for (int j = 0, p = 0; j < n; j++) {
            data[j * n + j] = kernel.signal + kernel.noise;
            for (int l = j + 1; l < n; l++, p++) {
                double c = kernel.signal * GpKernel.matern(r2[p]);
                data[j * n + l] = c;
                data[l * n + j] = c;
            }
        }
        if (!solver.setA(k)) {
            return Double.POSITIVE_INFINITY;
        }
        double halfLogDet = 0;
        double[] factor = cholesky.getT().data;
        for (int j = 0; j < n; j++) {
            halfLogDet += Math.log(factor[j * n + j]);
        }
        solver.solve(target, alpha);
        System.arraycopy(factor, 0, lowerInverse.data, 0, n * n);
        TriangularSolver_DDRM.invertLower(lowerInverse.data, n);
        lowerGram(lowerInverse.data, inverse.data);
        double[] a = alpha.data;
        double[] inv = inverse.data;
        double fit = 0;
        for (int j = 0; j < n; j++) {
            fit += y[j] * a[j];
        }
        double logLikelihood = -0.5 * fit - halfLogDet - 0.5 * n * LOG_2PI;

        // W = ααᵀ - K⁻¹; each pair counts twice in the trace
        Arrays.fill(gradient, 0);
        double[] weight = new double[pairs];
        double signalTerm = 0;
        double traceW = 0;
        for (int j = 0, p = 0; j < n; j++) {
            traceW += a[j] * a[j] - inv[j * n + j];
            for (int l = j + 1; l < n; l++, p++) {
                double wjl = a[j] * a[l] - inv[j * n + l];
                weight[p] = wjl * kernel.signal * GpKernel.maternDerivative(r2[p]);
                signalTerm += wjl * kernel.signal * GpKernel.matern(r2[p]);
            }
        }
        for (int i = 0; i < d; i++) {
            double sum = 0;
            double[] diff = differences[i];
            for (int p = 0; p < pairs; p++) {
                sum += weight[p] * diff[p];
            }
            gradient[i] = kernel.w[i] * sum;
        }
        gradient[d] = signalTerm + 0.5 * kernel.signal * traceW;
        double noiseExcess = kernel.noise - GpKernel.NOISE_FLOOR;
        gradient[d + 1] = 0.5 * noiseExcess * traceW;

        // log priors and their gradients
        double logPrior = 0;
        for (int i = 0; i < d; i++) {
            logPrior -= 0.5 * theta[i] * theta[i] / LOG_W_PRIOR_VARIANCE;
            gradient[i] -= theta[i] / LOG_W_PRIOR_VARIANCE;
        }
        logPrior -= 0.5 * theta[d] * theta[d] / (SIGNAL_PRIOR_SD * SIGNAL_PRIOR_SD);
        gradient[d] -= theta[d] / (SIGNAL_PRIOR_SD * SIGNAL_PRIOR_SD);
        logPrior += (NOISE_SHAPE - 1) * Math.log(kernel.noise) - NOISE_RATE * kernel.noise;
        gradient[d + 1] += ((NOISE_SHAPE - 1) / kernel.noise - NOISE_RATE) * noiseExcess;

        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -gradient[i];
        }
        return -(logLikelihood + logPrior);
    }
}
