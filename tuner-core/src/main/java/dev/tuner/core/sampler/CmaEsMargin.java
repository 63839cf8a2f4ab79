package dev.tuner.core.sampler;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The margin of CMA-ES with margin (Hamano, Saito, Nomura and Shirakawa, GECCO 2022, arXiv
 * 2205.13482), which keeps a run on knobs with a grid of values from stalling on one value: after
 * each generation it keeps the probability that a coordinate leaves the cell its mean rounds into
 * at least α = 1/(n λ), by moving the mean (in a cell at the end of the grid) or by widening that
 * coordinate alone (a diagonal factor {@code a}, in a cell inside), leaving σ and C as they are.
 *
 * <p>The factor acts only on how a point is rounded: a proposal's discrete coordinate is rounded
 * from {@code m + a (x − m)}, while the tell sees the raw point x, as the paper specifies.
 * Continuous coordinates are untouched.
 *
 * <p>One departure: the paper leaves a grid's coordinate unbounded (beyond the grid's ends every
 * coordinate rounds onto the end), where here every coordinate is drawn again until it lies in
 * [0, 1] (the sampler's one rule for the box). With unbounded grid coordinates a grid whose best
 * value is at its end let the mean drift far beyond it: the best of an eight-int quadratic at 400
 * trials was worse on 7 of 8 seeds (median 11.5 against 1); bounded, the margin's tail probabilities at the ends
 * are those of the untruncated normal, a slight overestimate.
 */
final class CmaEsMargin {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final CmaEsSpace space;
    private final double alpha;
    /** The factor of each coordinate (1 for continuous ones). */
    private final double[] a;

    CmaEsMargin(CmaEsSpace space, int lambda) {
        this.space = space;
        this.alpha = 1.0 / (space.dimension() * lambda);
        this.a = new double[space.dimension()];
        java.util.Arrays.fill(a, 1);
    }

    double alpha() {
        return alpha;
    }

    double factor(int k) {
        return a[k];
    }

    /** The point whose cells a raw point {@code x} of a distribution with mean {@code mean} rounds into. */
    double[] encode(double[] x, double[] mean) {
        double[] encoded = x.clone();
        for (int k = 0; k < a.length; k++) {
            if (space.discrete(k)) {
                encoded[k] = mean[k] + a[k] * (x[k] - mean[k]);
            }
        }
        return encoded;
    }

    /** Corrects the state's mean and this margin's factors after a tell. */
    void correct(CmaEsState state) {
        double[] mean = state.mean();
        double sigma = state.sigma();
        double[][] c = state.covariance();
        for (int k = 0; k < a.length; k++) {
            if (!space.discrete(k)) {
                continue;
            }
            double m = mean[k];
            double[] cell = space.cell(k, m);
            double low = cell[0];
            double up = cell[1];
            double spread = Math.sqrt(c[k][k]);
            double s = sigma * a[k] * spread;
            double quantile = NORMAL.inverseCumulativeProbability(1 - alpha);
            if (low == Double.NEGATIVE_INFINITY && up == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (low == Double.NEGATIVE_INFINITY) {
                if (1 - NORMAL.cumulativeProbability((up - m) / s) < alpha) {
                    state.setMean(k, up - s * quantile);
                }
                continue;
            }
            if (up == Double.POSITIVE_INFINITY) {
                if (NORMAL.cumulativeProbability((low - m) / s) < alpha) {
                    state.setMean(k, low + s * quantile);
                }
                continue;
            }
            double below = NORMAL.cumulativeProbability((low - m) / s);
            double above = 1 - NORMAL.cumulativeProbability((up - m) / s);
            if (below >= alpha / 2 && above >= alpha / 2) {
                continue;
            }
            double inside = 1 - below - above;
            below = Math.max(below, alpha / 2);
            above = Math.max(above, alpha / 2);
            // take the mass added to a tail back from the tails in proportion to what they hold above α/2
            double excess = 1 - below - above - inside;
            double share = below + inside + above - 3 * alpha / 2;
            double newBelow = clampTail(below + excess * (below - alpha / 2) / share);
            double newAbove = clampTail(above + excess * (above - alpha / 2) / share);
            double chiBelow = NORMAL.inverseCumulativeProbability(1 - newBelow);
            double chiAbove = NORMAL.inverseCumulativeProbability(1 - newAbove);
            // the mean and factor that give exactly these tails, σ and C fixed
            a[k] = (up - low) / ((chiBelow + chiAbove) * sigma * spread);
            state.setMean(k, (low * chiAbove + up * chiBelow) / (chiBelow + chiAbove));
        }
    }

    private static double clampTail(double p) {
        return Math.max(1e-10, Math.min(0.5 - 1e-10, p));
    }
}
