package dev.tuner.core.sampler;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The CMA-ES search distribution and its update, as ask and tell on {@code double[]}: the (μ/μ_w,
 * λ)-CMA-ES of Hansen's tutorial (arXiv 1604.00772, 2016; Table 1 and the algorithm summary of its
 * appendix A), with positive recombination weights only (no active update), cumulative step-size
 * adaptation, and the rank-one and rank-μ covariance updates with the stall of p<sub>c</sub>
 * ({@code h_σ}).
 *
 * <p>Written here rather than taken from a library: commons-math3's {@code CMAESOptimizer} owns
 * its loop (it calls the objective itself and cannot be told a generation evaluated elsewhere),
 * and the sampler must be able to draw any member of a generation from its own seeded stream, so
 * that a generation can be recomputed from the study's history. The eigendecomposition is
 * commons-math3's.
 *
 * <p>The decomposition {@code C = B D² Bᵀ} is renewed lazily, as the tutorial advises (section
 * B.2): after a tell only once more than {@code λ / ((c₁ + c_μ) · n · 10)} generations passed
 * since the last one, so its O(n³) cost is spread over at least that many generations. Sampling
 * never changes the state, so one state can serve several threads' proposals.
 *
 * <p>Stop criteria for restarts ({@link #stopReason()}), after Hansen's pycma and the tutorial's
 * section B.3: TolFun (the range of the recent generations' best values and the last generation's
 * values below 10<sup>-12</sup>), flat fitness (two generations in a row whose best value equals
 * their ⌈0.1 + λ/4⌉-th, pycma's test, which is how a discrete space stalls), TolX (every
 * coordinate's σ·√C<sub>ii</sub> and σ·p<sub>c,i</sub> below 10<sup>-12</sup>), and a condition
 * number of C above 10<sup>14</sup>.
 *
 * <p>One guard beyond the tutorial: a generation multiplies σ by at most e (the exponent of the
 * step-size update is capped at 1, a guard of ours), so that one generation cannot blow the step
 * size up.
 */
final class CmaEsState {

    static final double TOL_FUN = 1e-12;
    static final double TOL_X = 1e-12;
    static final double MAX_CONDITION = 1e14;

    // the strategy parameters of the tutorial's Table 1 (package-private: tests check them)
    final int n;
    final int lambda;
    final int mu;
    final double[] weights;
    final double muEff;
    final double cc;
    final double cs;
    final double c1;
    final double cmu;
    final double damps;
    final double chiN;
    final int eigenInterval;

    private final double[] mean;
    private double sigma;
    private final double[][] c;
    private final double[][] b;
    private final double[] d;
    private final double[] pc;
    private final double[] ps;
    private int generation;
    private int eigenGeneration;
    /** The best value of each generation, most recent last, as many as TolFun looks back. */
    private final double[] bestHistory;
    private double lastRange = Double.POSITIVE_INFINITY;
    private int flatGenerations;

    /**
     * A search distribution with mean {@code mean}, step size {@code sigma} and a diagonal
     * covariance {@code variances} (the identity for ones), proposing {@code lambda} points a generation.
     */
    CmaEsState(double[] mean, double sigma, double[] variances, int lambda) {
        this.n = mean.length;
        if (n < 1 || variances.length != n || lambda < 2 || !(sigma > 0)) {
            throw new IllegalArgumentException("CMA-ES needs a dimension of at least 1, a population of at least 2"
                    + " and a positive sigma, but got n=" + n + ", lambda=" + lambda + ", sigma=" + sigma);
        }
        this.lambda = lambda;
        this.mu = lambda / 2;
        this.weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sum += weights[i];
        }
        double squares = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            squares += weights[i] * weights[i];
        }
        this.muEff = 1 / squares;
        this.cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        this.cs = (muEff + 2) / (n + muEff + 5);
        this.c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        this.cmu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        this.damps = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cs;
        this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        this.eigenInterval = (int) Math.floor(lambda / ((c1 + cmu) * n * 10));

        this.mean = mean.clone();
        this.sigma = sigma;
        this.c = new double[n][n];
        this.b = new double[n][n];
        this.d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(variances[i] > 0)) {
                throw new IllegalArgumentException("variance " + i + " must be positive, but it is " + variances[i]);
            }
            c[i][i] = variances[i];
            b[i][i] = 1;
            d[i] = Math.sqrt(variances[i]);
        }
        this.pc = new double[n];
        this.ps = new double[n];
        this.bestHistory = new double[10 + (int) Math.ceil(30.0 * n / lambda)];
    }

    /** The default population size for dimension {@code n}: {@code 4 + floor(3 ln n)}. */
    static int defaultLambda(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    int dimension() {
        return n;
    }

    int lambda() {
        return lambda;
    }

    int generation() {
        return generation;
    }

    double sigma() {
        return sigma;
    }

    double[] mean() {
        return mean.clone();
    }

    /** Moves coordinate {@code i} of the mean (for the margin of CMA-ES with margin). */
    void setMean(int i, double value) {
        mean[i] = value;
    }

    /** The current covariance matrix C (a copy). */
    double[][] covariance() {
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = c[i].clone();
        }
        return copy;
    }

    /** One point {@code m + σ B D z}, z standard normal from {@code rng}. */
    double[] sample(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] z = new double[n];
        double[] x = new double[n];
        drawInto(normal, z, x);
        return x;
    }

    /**
     * One point inside the box [0, 1]<sup>n</sup>: drawn again while it lies outside, up to 100
     * draws, then the last draw clipped onto the box. Resampling keeps the distribution's shape
     * inside the box, where clipping would pile draws onto the faces (and make the step size
     * collapse onto a face); the clip only guards against a mean far outside.
     */
    double[] sampleInUnitBox(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] z = new double[n];
        double[] x = new double[n];
        for (int attempt = 0; attempt < 100; attempt++) {
            drawInto(normal, z, x);
            if (inUnitBox(x)) {
                return x;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(0, Math.min(1, x[i]));
        }
        return x;
    }

    private static boolean inUnitBox(double[] x) {
        for (double v : x) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
        }
        return true;
    }

    private void drawInto(ZigguratSampler.NormalizedGaussian normal, double[] z, double[] x) {
        for (int i = 0; i < n; i++) {
            z[i] = d[i] * normal.sample();
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double[] row = b[i];
            for (int j = 0; j < n; j++) {
                sum += row[j] * z[j];
            }
            x[i] = mean[i] + sigma * sum;
        }
    }

    /**
     * Updates the distribution with one generation: {@code lambda} points and their values
     * (smaller is better; +∞ for the worst, ties keep the given order).
     *
     * @throws IllegalArgumentException if the count or a point's dimension is wrong
     */
    void tell(double[][] points, double[] values) {
        if (points.length != lambda || values.length != lambda) {
            throw new IllegalArgumentException("a generation has " + lambda + " points, but got " + points.length);
        }
        Integer[] order = new Integer[lambda];
        for (int i = 0; i < lambda; i++) {
            order[i] = i;
            if (points[i].length != n) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " coordinates, not " + n);
            }
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        generation++;

        double[][] y = new double[mu][n];
        double[] yw = new double[n];
        for (int k = 0; k < mu; k++) {
            double[] x = points[order[k]];
            for (int i = 0; i < n; i++) {
                y[k][i] = (x[i] - mean[i]) / sigma;
                yw[i] += weights[k] * y[k][i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += sigma * yw[i];
        }

        // p_σ ← (1 − c_σ) p_σ + √(c_σ(2 − c_σ)μ_eff) C^(−1/2) ⟨y⟩_w, with C^(−1/2) = B D⁻¹ Bᵀ
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += b[i][j] * yw[i];
            }
            t[j] = sum / d[j];
        }
        double psFactor = Math.sqrt(cs * (2 - cs) * muEff);
        double psNorm = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += b[i][j] * t[j];
            }
            ps[i] = (1 - cs) * ps[i] + psFactor * sum;
            psNorm += ps[i] * ps[i];
        }
        psNorm = Math.sqrt(psNorm);

        double hsigBound = (1.4 + 2.0 / (n + 1)) * chiN;
        boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) < hsigBound;
        double pcFactor = hsig ? Math.sqrt(cc * (2 - cc) * muEff) : 0;
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + pcFactor * yw[i];
        }
        double deltaHsig = hsig ? 0 : cc * (2 - cc);
        double keep = 1 + c1 * deltaHsig - c1 - cmu;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int k = 0; k < mu; k++) {
                    rankMu += weights[k] * y[k][i] * y[k][j];
                }
                double value = keep * c[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
                c[i][j] = value;
                c[j][i] = value;
            }
        }
        sigma *= Math.exp(Math.min(1, (cs / damps) * (psNorm / chiN - 1)));

        if (generation - eigenGeneration > eigenInterval) {
            decompose();
        }
        record(values, order);
    }

    /** Renews B and D from C. */
    private void decompose() {
        eigenGeneration = generation;
        RealMatrix matrix = new Array2DRowRealMatrix(c, false);
        EigenDecomposition eigen = new EigenDecomposition(matrix);
        double[] values = eigen.getRealEigenvalues();
        RealMatrix vectors = eigen.getV();
        for (int j = 0; j < n; j++) {
            // a covariance is positive definite; rounding can make its smallest eigenvalues ≤ 0
            d[j] = Math.sqrt(Math.max(values[j], 1e-300));
            for (int i = 0; i < n; i++) {
                b[i][j] = vectors.getEntry(i, j);
            }
        }
    }

    private void record(double[] values, Integer[] order) {
        double best = values[order[0]];
        double worst = values[order[lambda - 1]];
        System.arraycopy(bestHistory, 1, bestHistory, 0, bestHistory.length - 1);
        bestHistory[bestHistory.length - 1] = best;
        double low = Math.min(best, worst);
        double high = Math.max(best, worst);
        if (generation >= bestHistory.length) {
            for (double v : bestHistory) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            lastRange = high - low;
        }
        // pycma's test: the best value equals the ceil(0.1 + λ/4)-th best
        boolean flat = best == values[order[Math.min(lambda - 1, (int) Math.ceil(0.1 + lambda / 4.0))]];
        flatGenerations = flat ? flatGenerations + 1 : 0;
    }

    /** Why this run should stop and restart, or null while it should go on. */
    String stopReason() {
        if (lastRange < TOL_FUN) {
            return "tolfun";
        }
        if (flatGenerations >= 2) {
            return "flat fitness";
        }
        boolean small = true;
        for (int i = 0; i < n && small; i++) {
            small = sigma * Math.sqrt(c[i][i]) < TOL_X && sigma * Math.abs(pc[i]) < TOL_X;
        }
        if (small) {
            return "tolx";
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : d) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        if (max * max > MAX_CONDITION * min * min) {
            return "condition number";
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            return "sigma out of range";
        }
        return null;
    }
}
