package dev.tuner.core.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * The first search distribution drawn from trials made before CMA-ES began (by another sampler,
 * or by an earlier run of this one), after the Gaussian that warm-starting CMA-ES (Nomura,
 * Watanabe, Akimoto, Ozaki and Onishi, AAAI 2021) fits to the best of them: the mean of the best
 * {@code γ·n} points (γ = 0.1, at least 2) and, per coordinate, their variance plus α² (α = 0.1 of
 * the range), which keeps the distribution from collapsing onto a few points. The paper's full
 * covariance is kept diagonal here: the step size is the geometric mean of the coordinates'
 * spreads and C their shape, so that the first generation needs no decomposition.
 *
 * <p>Points come one at a time, in trial order; the best ones' sums are kept as they change, so a
 * proposal that must check a long history against the warm start each trial stays cheap.
 */
final class CmaEsWarmStart {

    static final double GAMMA = 0.1;
    static final double ALPHA = 0.1;
    /** The fewest points for a warm start: γ·n must reach 2. */
    static final int MIN_POINTS = 20;

    private final int n;
    /** Points best first (ties: the earlier first). */
    private final List<double[]> points = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final double[] sum;
    private final double[] sumSquares;
    private int top;

    CmaEsWarmStart(int dimension) {
        this.n = dimension;
        this.sum = new double[dimension];
        this.sumSquares = new double[dimension];
    }

    /** How many points came. */
    int size() {
        return points.size();
    }

    /** The number of best points the fit uses for {@code count} points. */
    static int topOf(int count) {
        return Math.max(2, (int) Math.floor(GAMMA * count));
    }

    /** Adds a point of the unit cube with its loss (smaller is better). */
    void add(double[] point, double loss) {
        int at = 0;
        int hi = losses.size();
        while (at < hi) {
            int mid = (at + hi) >>> 1;
            if (losses.get(mid) <= loss) {
                at = mid + 1;
            } else {
                hi = mid;
            }
        }
        points.add(at, point);
        losses.add(at, loss);
        int newTop = Math.min(points.size(), topOf(points.size()));
        if (at < top) {
            move(point, 1);
            if (newTop == top) {
                move(points.get(top), -1); // pushed out of the best
            }
        } else if (newTop > top) {
            move(points.get(top), 1);
        }
        top = newTop;
    }

    private void move(double[] point, int sign) {
        for (int i = 0; i < n; i++) {
            sum[i] += sign * point[i];
            sumSquares[i] += sign * point[i] * point[i];
        }
    }

    /** The first distribution for a run of population {@code lambda}; needs {@link #MIN_POINTS} points. */
    CmaEsState start(int lambda) {
        if (points.size() < MIN_POINTS) {
            throw new IllegalStateException("a warm start needs " + MIN_POINTS + " points, but has " + points.size());
        }
        double[] mean = new double[n];
        double[] variances = new double[n];
        double logSpread = 0;
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / top;
            double variance = Math.max(0, sumSquares[i] / top - mean[i] * mean[i]);
            variances[i] = variance + ALPHA * ALPHA;
            logSpread += 0.5 * Math.log(variances[i]);
        }
        double sigma = Math.exp(logSpread / n);
        for (int i = 0; i < n; i++) {
            variances[i] /= sigma * sigma;
        }
        return new CmaEsState(mean, sigma, variances, lambda);
    }
}
