package dev.tuner.core.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts points into non-dominated fronts: rank 0 is the set no point dominates, rank 1 the set
 * no point outside rank 0 dominates, and so on. The fast non-dominated sort of Deb et al., "A fast
 * and elitist multiobjective genetic algorithm: NSGA-II" (IEEE TEC 6(2), 2002): each point's
 * domination count and dominated set, then peeling fronts; O(m n²) for n points of m objectives.
 *
 * <p>With constraints the order is Deb's constrained domination ({@link Domination}): every
 * feasible front comes before any infeasible point, and infeasible points follow in fronts of
 * equal total violation, smallest first. Equal points share a rank.
 */
public final class NonDominatedSort {

    private NonDominatedSort() {}

    /**
     * Each point's rank, 0 for the non-dominated ones.
     *
     * @param points one objective vector per point, every one the same length, all minimized
     */
    public static int[] ranks(double[][] points) {
        return ranks(points, new double[points.length]);
    }

    /**
     * Each point's rank under constrained domination.
     *
     * @param points one objective vector per point, all minimized
     * @param constraints one constraint vector per point (values {@code ≤ 0} satisfied), in the order of {@code points}
     * @throws IllegalArgumentException when the two arrays differ in length
     */
    public static int[] ranks(double[][] points, double[][] constraints) {
        if (constraints.length != points.length) {
            throw new IllegalArgumentException("got " + points.length + " points but " + constraints.length
                    + " constraint vectors; give one constraint vector (possibly empty) per point");
        }
        double[] violations = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            violations[i] = Domination.violation(constraints[i]);
        }
        return ranks(points, violations);
    }

    /**
     * The fronts, best first, each the indices of its points in ascending order.
     *
     * @see #ranks(double[][])
     */
    public static List<int[]> fronts(double[][] points) {
        return fronts(ranks(points));
    }

    /** The fronts of points ranked under constrained domination, best first. */
    public static List<int[]> fronts(double[][] points, double[][] constraints) {
        return fronts(ranks(points, constraints));
    }

    /**
     * The indices of the points no other point dominates, ascending (empty for no points): the first
     * front alone, found fast enough for a report of 100,000 trials. The points are sorted
     * lexicographically and each is kept unless a point already kept dominates it: a point can only be
     * dominated by one that sorts before it, and whatever dominates it is itself dominated by, or is, a
     * kept point. The cost is {@code O(n log n + n f m)} for a front of {@code f} points, against the
     * {@code O(n² m)} of comparing every pair. Equal points are all kept, as none dominates another.
     *
     * @param points one objective vector per point, every one the same length, all minimized, none NaN
     */
    public static int[] nonDominated(double[][] points) {
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
                dominated = Domination.dominates(points[kept[k]], points[candidate]);
            }
            if (!dominated) {
                kept[found++] = candidate;
            }
        }
        int[] front = Arrays.copyOf(kept, found);
        Arrays.sort(front);
        return front;
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

    private static int[] ranks(double[][] points, double[] violations) {
        int n = points.length;
        int[] dominatedBy = new int[n];
        int[][] dominates = new int[n][];
        int[] count = new int[n];
        int[] scratch = new int[n];
        for (int i = 0; i < n; i++) {
            int found = 0;
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                if (Domination.constrainedDominates(points[i], violations[i], points[j], violations[j])) {
                    scratch[found++] = j;
                } else if (Domination.constrainedDominates(points[j], violations[j], points[i], violations[i])) {
                    dominatedBy[i]++;
                }
            }
            dominates[i] = Arrays.copyOf(scratch, found);
            count[i] = found;
        }
        int[] rank = new int[n];
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        int level = 0;
        while (!current.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                rank[i] = level;
                for (int j : dominates[i]) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            current = next;
            level++;
        }
        return rank;
    }

    private static List<int[]> fronts(int[] ranks) {
        int levels = Arrays.stream(ranks).max().orElse(-1) + 1;
        List<int[]> fronts = new ArrayList<>(levels);
        for (int level = 0; level < levels; level++) {
            fronts.add(indicesOf(ranks, level));
        }
        return fronts;
    }

    private static int[] indicesOf(int[] ranks, int level) {
        int[] indices = new int[ranks.length];
        int found = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] == level) {
                indices[found++] = i;
            }
        }
        return Arrays.copyOf(indices, found);
    }
}
