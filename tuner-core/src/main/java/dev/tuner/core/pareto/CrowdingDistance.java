package dev.tuner.core.pareto;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The crowding distance of each point of one front (Deb et al., "A fast and elitist
 * multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002, section III-B): per objective,
 * the points sorted by it, the two at the ends get infinity and each other point the gap between its
 * two neighbours divided by the objective's range over the front; a point's distance is the sum
 * over the objectives. A larger distance means a lonelier point, which NSGA-II keeps first.
 */
public final class CrowdingDistance {

    private CrowdingDistance() {}

    /**
     * The crowding distance of each point, in the order given.
     *
     * @param front the objective vectors of one front (typically one rank of {@link NonDominatedSort})
     */
    public static double[] of(double[][] front) {
        int n = front.length;
        double[] distance = new double[n];
        if (n <= 2) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        int objectives = front[0].length;
        for (int m = 0; m < objectives; m++) {
            int objective = m;
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            // ties broken by index so that the result does not depend on the sort's stability
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> front[i][objective]).thenComparing(i -> i));
            double low = front[order[0]][objective];
            double high = front[order[n - 1]][objective];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            if (high == low) {
                continue;
            }
            for (int k = 1; k < n - 1; k++) {
                distance[order[k]] += (front[order[k + 1]][objective] - front[order[k - 1]][objective]) / (high - low);
            }
        }
        return distance;
    }
}
