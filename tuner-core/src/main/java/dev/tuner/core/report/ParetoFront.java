package dev.tuner.core.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The non-dominated points of a set, all objectives minimized, found fast enough for a page of
 * 100,000 trials: the points sorted lexicographically, each kept unless a point already kept
 * dominates it. A point can only be dominated by one that sorts before it, and whatever dominates it
 * is itself dominated by, or is, a kept point, so the kept points are exactly the front; the cost is
 * {@code O(n log n + n f m)} for a front of {@code f} points of {@code m} objectives, against the
 * {@code O(n² m)} of comparing every pair. Equal points are all kept, as none dominates another.
 * Coordinates must not be NaN.
 */
final class ParetoFront {

    private ParetoFront() {}

    /** The indices of the points no other point dominates, ascending; {@code points[i]} are minimized objective vectors. */
    static int[] of(double[][] points) {
        int n = points.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, lexicographic(points));
        int[] kept = new int[n];
        int found = 0;
        for (int candidate : order) {
            boolean dominated = false;
            // the latest kept first: nearest in the order, it is likeliest to dominate (for two
            // objectives it has the lowest second value so far, so one comparison settles it)
            for (int k = found - 1; k >= 0 && !dominated; k--) {
                dominated = dominates(points[kept[k]], points[candidate]);
            }
            if (!dominated) {
                kept[found++] = candidate;
            }
        }
        int[] front = Arrays.copyOf(kept, found);
        Arrays.sort(front);
        return front;
    }

    /** Whether {@code a} is no worse than {@code b} in every objective and better in one. */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }

    private static Comparator<Integer> lexicographic(double[][] points) {
        return (a, b) -> {
            double[] p = points[a];
            double[] q = points[b];
            for (int k = 0; k < p.length; k++) {
                // not Double.compare, which puts -0.0 before 0.0 where domination sees them equal
                if (p[k] != q[k]) {
                    return p[k] < q[k] ? -1 : 1;
                }
            }
            return Integer.compare(a, b);
        };
    }
}
