package dev.tuner.core.pareto;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact hypervolume of 2 and 3 objectives by sweeping, for points that all strictly dominate
 * the reference point (see {@link Hypervolume} for the sources).
 */
final class StaircaseSweep {

    private StaircaseSweep() {}

    /** The area dominated by 2-D points: sorted by the first objective, each new low of the second adds a strip. */
    static double area(double[][] points, double[] reference) {
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double lowest = reference[1];
        for (double[] point : sorted) {
            if (point[1] < lowest) {
                area += (reference[0] - point[0]) * (lowest - point[1]);
                lowest = point[1];
            }
        }
        return area;
    }

    /**
     * The volume dominated by 3-D points: sorted by the third objective, each point joins the 2-D
     * staircase of those before it (first objective ascending, second descending), which keeps its
     * area up to date as it changes; between two consecutive values of the third objective the
     * volume grows by that area times the gap.
     */
    static double volume(double[][] points, double[] reference) {
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(p -> p[2]));
        Staircase staircase = new Staircase(reference[0], reference[1]);
        double volume = 0;
        for (int i = 0; i < sorted.length; i++) {
            staircase.add(sorted[i][0], sorted[i][1]);
            double top = i + 1 < sorted.length ? sorted[i + 1][2] : reference[2];
            volume += staircase.area * (top - sorted[i][2]);
        }
        return volume;
    }

    /** Mutually non-dominated 2-D points by first objective, and the area they dominate up to the reference. */
    private static final class Staircase {

        private final TreeMap<Double, Double> steps = new TreeMap<>();
        private final double referenceX;
        private final double referenceY;
        double area;

        Staircase(double referenceX, double referenceY) {
            this.referenceX = referenceX;
            this.referenceY = referenceY;
        }

        void add(double pointX, double pointY) {
            double x = pointX + 0.0; // -0.0 becomes 0.0, which the map orders as the same key
            double y = pointY + 0.0;
            Map.Entry<Double, Double> left = steps.floorEntry(x);
            double height = left == null ? referenceY : left.getValue();
            if (height <= y) {
                return; // a point with smaller or equal x and y is already there
            }
            // the region [x, referenceX] x [y, staircase height] that the new point adds, strip by strip
            double from = x;
            double added = 0;
            Iterator<Map.Entry<Double, Double>> right = steps.tailMap(x, true).entrySet().iterator();
            boolean closed = false;
            while (right.hasNext()) {
                Map.Entry<Double, Double> step = right.next();
                if (step.getKey() == x) {
                    right.remove(); // same x, higher y: the new point replaces it
                    continue;
                }
                added += (step.getKey() - from) * (height - y);
                if (step.getValue() < y) {
                    closed = true;
                    break;
                }
                from = step.getKey();
                height = step.getValue();
                right.remove();
            }
            if (!closed) {
                added += (referenceX - from) * (height - y);
            }
            steps.put(x, y);
            area += added;
        }
    }
}
