package dev.tuner.core.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The region that a Pareto front (of minimized objectives) does not dominate, below a reference
 * point, as disjoint boxes {@code [lower, upper)}: a point {@code y} then improves the front's
 * hypervolume by {@code Σ_k Π_j max(0, upper_kj - max(y_j, lower_kj))}, a sum of products of
 * one-dimensional terms, which is what lets expected hypervolume improvement be computed exactly
 * under independent Gaussian posteriors ({@link LogEhvi}). Lower bounds may be {@code -∞}.
 *
 * <p>Built by slicing along the last objective: between two consecutive values of the last
 * objective among the front's points, the dominated part of the remaining objectives is that of
 * the points below the slice, whose own non-dominated region is decomposed the same way, one
 * objective fewer; with one objective left it is the interval below the smallest value. Two
 * objectives give {@code n + 1} boxes, three {@code O(n²)}; enough for the fronts of a few hundred
 * trials (Lacour, Klamroth and Fonseca 2017 give optimal decompositions; not needed at this size).
 */
final class BoxDecomposition {

    /** Lower corners of the boxes, one row per box ({@code -∞} where unbounded). */
    final double[][] lower;
    /** Upper corners of the boxes, one row per box. */
    final double[][] upper;

    private BoxDecomposition(double[][] lower, double[][] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The non-dominated region of {@code front} below {@code reference}. Points not strictly
     * below the reference in every objective are ignored, and so are dominated points (they
     * change nothing).
     */
    static BoxDecomposition of(double[][] front, double[] reference) {
        int m = reference.length;
        List<double[]> inside = new ArrayList<>();
        for (double[] point : front) {
            boolean below = true;
            for (int j = 0; j < m; j++) {
                below &= point[j] < reference[j];
            }
            if (below) {
                inside.add(point);
            }
        }
        List<double[]> lows = new ArrayList<>();
        List<double[]> highs = new ArrayList<>();
        double[] lower = new double[m];
        double[] upper = new double[m];
        decompose(inside, m, reference, lower, upper, lows, highs);
        return new BoxDecomposition(lows.toArray(new double[0][]), highs.toArray(new double[0][]));
    }

    /** The boxes of the first {@code m} objectives of {@code points}, the other objectives' bounds already in the corners. */
    private static void decompose(List<double[]> points, int m, double[] reference, double[] lower, double[] upper,
            List<double[]> lows, List<double[]> highs) {
        int last = m - 1;
        if (m == 1) {
            double smallest = reference[0];
            for (double[] point : points) {
                smallest = Math.min(smallest, point[0]);
            }
            lower[0] = Double.NEGATIVE_INFINITY;
            upper[0] = smallest;
            add(lower, upper, lows, highs);
            return;
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        List<double[]> below = new ArrayList<>();
        double from = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= sorted.size(); k++) {
            double to = k < sorted.size() ? sorted.get(k)[last] : reference[last];
            if (to > from) {
                lower[last] = from;
                upper[last] = to;
                decompose(nonDominated(below, last), last, reference, lower, upper, lows, highs);
            }
            if (k < sorted.size()) {
                below.add(sorted.get(k));
                from = Math.max(from, to);
            }
        }
    }

    private static void add(double[] lower, double[] upper, List<double[]> lows, List<double[]> highs) {
        for (int j = 0; j < lower.length; j++) {
            if (!(upper[j] > lower[j])) {
                return;
            }
        }
        lows.add(lower.clone());
        highs.add(upper.clone());
    }

    /** The points of {@code points} that no other dominates in their first {@code m} objectives (duplicates kept once). */
    private static List<double[]> nonDominated(List<double[]> points, int m) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                double[] q = points.get(j);
                if (j == i) {
                    continue;
                }
                boolean noWorse = true;
                boolean better = false;
                for (int o = 0; o < m; o++) {
                    noWorse &= q[o] <= p[o];
                    better |= q[o] < p[o];
                }
                // equal points: keep the first only
                dominated = noWorse && (better || j < i);
            }
            if (!dominated) {
                kept.add(p);
            }
        }
        return kept;
    }

    int size() {
        return lower.length;
    }

    /** The hypervolume improvement of {@code y}: the part of the boxes that {@code y} dominates. */
    double improvement(double[] y) {
        double total = 0;
        for (int k = 0; k < lower.length; k++) {
            double volume = 1;
            for (int j = 0; j < y.length && volume > 0; j++) {
                volume *= Math.max(0, upper[k][j] - Math.max(y[j], lower[k][j]));
            }
            total += volume;
        }
        return total;
    }

    @Override
    public String toString() {
        return size() + " boxes, first " + (size() == 0 ? "none" : Arrays.toString(lower[0]) + "–" + Arrays.toString(upper[0]));
    }
}
