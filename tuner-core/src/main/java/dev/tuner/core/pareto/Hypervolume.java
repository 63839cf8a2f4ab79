package dev.tuner.core.pareto;

import java.util.Arrays;

/**
 * The exact hypervolume of a set of points, all objectives minimized: the measure of the region
 * that some point dominates and that dominates the reference point. A point that does not strictly
 * dominate the reference point (some objective {@code ≥} the reference's) adds nothing.
 *
 * <ul>
 *   <li>2 objectives: one sweep over the points sorted by the first objective, O(n log n).</li>
 *   <li>3 objectives: the dimension-sweep algorithm of Beume, Fonseca, López-Ibáñez, Paquete and
 *       Vahrenhold, "On the complexity of computing the hypervolume indicator" (IEEE TEC 13(5),
 *       2009), as Fonseca, Paquete and López-Ibáñez describe it in "An improved dimension-sweep
 *       algorithm for the hypervolume indicator" (CEC 2006): a sweep along the third objective
 *       keeping the 2-D staircase of the points seen so far in a sorted map, O(n log n).</li>
 *   <li>4 or more: slicing along the last objective (the HSO scheme of While, Hingston, Barone and
 *       Huband, IEEE TEC 10(1), 2006) down to the 3-objective sweep; exact, but its cost grows as
 *       n^(d−2) log n, so it suits small sets.</li>
 * </ul>
 *
 * {@link #contributions} gives each point's exclusive contribution: how much the hypervolume
 * shrinks without it.
 */
public final class Hypervolume {

    private Hypervolume() {}

    /**
     * The hypervolume dominated by {@code points} and bounded by {@code reference}.
     *
     * @param points objective vectors, each as long as {@code reference}, all minimized
     * @param reference the reference point, worse than the points that count in every objective
     * @throws IllegalArgumentException when a point's length differs from the reference's, or a
     *     coordinate is NaN
     */
    public static double of(double[][] points, double[] reference) {
        return measure(inside(points, reference), reference);
    }

    /**
     * Each point's exclusive contribution: the hypervolume of all the points minus that of all but
     * this one. A dominated point, a duplicate, or a point outside the reference box contributes 0.
     * Computed as the volume of the point's own box minus what the other points, limited to that
     * box, cover.
     *
     * @return the contributions, in the order of {@code points}
     * @throws IllegalArgumentException as {@link #of}
     */
    public static double[] contributions(double[][] points, double[] reference) {
        check(points, reference);
        double[] contributions = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double[] point = points[i];
            if (!strictlyInside(point, reference)) {
                continue;
            }
            double box = 1;
            for (int k = 0; k < reference.length; k++) {
                box *= reference[k] - point[k];
            }
            double[][] limited = new double[points.length - 1][];
            int found = 0;
            for (int j = 0; j < points.length; j++) {
                if (j == i) {
                    continue;
                }
                double[] other = new double[reference.length];
                for (int k = 0; k < reference.length; k++) {
                    other[k] = Math.max(points[j][k], point[k]);
                }
                if (strictlyInside(other, reference)) {
                    limited[found++] = other;
                }
            }
            double covered = measure(Arrays.copyOf(limited, found), reference);
            contributions[i] = Math.max(0, box - covered);
        }
        return contributions;
    }

    /** The hypervolume of points that all strictly dominate the reference. */
    static double measure(double[][] points, double[] reference) {
        if (points.length == 0) {
            return 0;
        }
        return switch (reference.length) {
            case 1 -> reference[0] - Arrays.stream(points).mapToDouble(point -> point[0]).min().getAsDouble();
            case 2 -> StaircaseSweep.area(points, reference);
            case 3 -> StaircaseSweep.volume(points, reference);
            default -> slices(points, reference);
        };
    }

    /** HSO: the points sorted by the last objective, each slab's (d−1)-volume times its thickness. */
    static double slices(double[][] points, double[] reference) {
        int last = reference.length - 1;
        double[][] sorted = points.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a[last], b[last]));
        double[] lower = Arrays.copyOf(reference, last);
        double volume = 0;
        for (int i = 0; i < sorted.length; i++) {
            double top = i + 1 < sorted.length ? sorted[i + 1][last] : reference[last];
            double thickness = top - sorted[i][last];
            if (thickness > 0) {
                double[][] slab = new double[i + 1][];
                for (int j = 0; j <= i; j++) {
                    slab[j] = Arrays.copyOf(sorted[j], last);
                }
                volume += measure(slab, lower) * thickness;
            }
        }
        return volume;
    }

    private static double[][] inside(double[][] points, double[] reference) {
        check(points, reference);
        return Arrays.stream(points).filter(point -> strictlyInside(point, reference)).toArray(double[][]::new);
    }

    private static void check(double[][] points, double[] reference) {
        if (reference.length == 0) {
            throw new IllegalArgumentException("the reference point has no objectives; give one value per objective");
        }
        for (double value : reference) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("the reference point " + Arrays.toString(reference)
                        + " holds NaN; give a number for every objective");
            }
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != reference.length) {
                throw new IllegalArgumentException("point " + i + " " + Arrays.toString(points[i]) + " has "
                        + points[i].length + " objectives but the reference point " + Arrays.toString(reference)
                        + " has " + reference.length + "; give every point and the reference the same objectives");
            }
            for (double value : points[i]) {
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException("point " + i + " " + Arrays.toString(points[i])
                            + " holds NaN; leave failed trials out of the set before measuring it");
                }
            }
        }
    }

    private static boolean strictlyInside(double[] point, double[] reference) {
        for (int k = 0; k < reference.length; k++) {
            if (!(point[k] < reference[k])) {
                return false;
            }
        }
        return true;
    }
}
