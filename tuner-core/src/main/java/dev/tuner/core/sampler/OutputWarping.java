package dev.tuner.core.sampler;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Makes the losses look more Gaussian before the GP sees them, as HEBO does (Cowen-Rivers et al.,
 * "HEBO: Pushing the limits of sample-efficient hyperparameter optimisation", JAIR 2022): the
 * losses are standardized, transformed by the Yeo–Johnson power transform whose exponent
 * {@code λ ∈ [-2, 2]} maximizes the Gaussian likelihood of the result (found by commons-math3's
 * Brent search), and standardized again. A few very bad trials (a long upper tail, common when an
 * objective explodes away from its optimum) otherwise inflate the fitted signal variance, and the
 * expected improvement then favours the corners of the space, far from every trial. The
 * transform is monotone, so the best trial stays the best.
 */
final class OutputWarping {

    private OutputWarping() {}

    /**
     * The warped, standardized copy of {@code values}; if their spread overflows (values near
     * ±1e308), their ranks' normal scores instead.
     */
    static double[] warp(double[] values) {
        double[] z = standardize(values);
        if (!allFinite(z)) {
            return normalScores(values);
        }
        if (z.length < 3) {
            return z;
        }
        double lambda = new BrentOptimizer(1e-6, 1e-8)
                .optimize(new MaxEval(200), GoalType.MAXIMIZE, new SearchInterval(-2, 2, 1),
                        new UnivariateObjectiveFunction(l -> logLikelihood(z, l)))
                .getPoint();
        double[] t = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            t[i] = yeoJohnson(z[i], lambda);
        }
        t = standardize(t);
        return allFinite(t) ? t : z;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Φ⁻¹((rank + ½) / n)} of each value, ties sharing their mean rank; standardized. */
    static double[] normalScores(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] scores = new double[n];
        for (int from = 0; from < n; ) {
            int to = from;
            while (to + 1 < n && values[order[to + 1]] == values[order[from]]) {
                to++;
            }
            double p = (0.5 * (from + to) + 0.5) / n;
            double score = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * p - 1);
            for (int r = from; r <= to; r++) {
                scores[order[r]] = score;
            }
            from = to + 1;
        }
        return standardize(scores);
    }

    /** The Yeo–Johnson transform of {@code x} with exponent {@code lambda}. */
    static double yeoJohnson(double x, double lambda) {
        if (x >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
    }

    /** The profile log-likelihood of {@code lambda}: a Gaussian fit to the transformed values, with the Jacobian. */
    private static double logLikelihood(double[] x, double lambda) {
        int n = x.length;
        double mean = 0;
        double jacobian = 0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = yeoJohnson(x[i], lambda);
            mean += t[i];
            jacobian += Math.copySign(Math.log1p(Math.abs(x[i])), x[i]);
        }
        mean /= n;
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n;
        if (!(variance > 0) || !Double.isFinite(variance)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * n * Math.log(variance) + (lambda - 1) * jacobian;
    }

    /** Mean 0, standard deviation 1 (only centred when every value is the same). */
    static double[] standardize(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean = values.length == 0 ? 0 : mean / values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(sum / values.length) : 0;
        double scale = sd > 0 && Double.isFinite(sd) ? sd : 1;
        double[] z = new double[values.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (values[i] - mean) / scale;
        }
        return z;
    }
}
