package dev.tuner.benchmarks.mo;

import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.pareto.NonDominatedSort;
import java.util.Arrays;
import java.util.List;

/**
 * The quality of a run's first trials on a problem, as {@code shared/bench/mo.md} measures it, from
 * the feasible non-dominated set of the points evaluated so far:
 *
 * <ul>
 *   <li>{@code hvRatio}: its hypervolume with the problem's {@code ref} over the true front's;</li>
 *   <li>{@code hvRatioWide}: the same with {@code ref_wide};</li>
 *   <li>{@code igd}: the mean, over the true front sample, of the Euclidean distance to the nearest
 *       point of the set, both normalized as (f − ideal) / (nadir − ideal) by the sample's ideal and
 *       nadir; infinite while no point is feasible;</li>
 *   <li>{@code feasible}: how many of the points are feasible.</li>
 * </ul>
 *
 * @param hvRatio hypervolume ratio with the fixed reference point
 * @param hvRatioWide hypervolume ratio with the wide reference point
 * @param igd inverted generational distance, normalized
 * @param feasible the number of feasible points
 */
public record MoMetrics(double hvRatio, double hvRatioWide, double igd, int feasible) {

    /** The metrics of the points evaluated on {@code problem}. */
    public static MoMetrics of(MoProblem problem, List<MoEvaluation> evaluations) {
        double[][] feasible = evaluations.stream().filter(MoEvaluation::feasible)
                .map(MoEvaluation::objectives).toArray(double[][]::new);
        if (feasible.length == 0) {
            return new MoMetrics(0, 0, Double.POSITIVE_INFINITY, 0);
        }
        double[][] front = Arrays.stream(NonDominatedSort.nonDominated(feasible))
                .mapToObj(i -> feasible[i]).toArray(double[][]::new);
        return new MoMetrics(
                Hypervolume.of(front, problem.reference()) / problem.trueHypervolume(false),
                Hypervolume.of(front, problem.wideReference()) / problem.trueHypervolume(true),
                igd(problem.frontSample(), front, problem.ideal(), problem.nadir()),
                feasible.length);
    }

    /** mo_functions' {@code igd}: the mean over {@code sample} of the distance to the nearest point of {@code set}, normalized. */
    static double igd(double[][] sample, double[][] set, double[] ideal, double[] nadir) {
        int m = ideal.length;
        double[] scale = new double[m];
        for (int k = 0; k < m; k++) {
            scale[k] = nadir[k] - ideal[k];
        }
        double[][] normalized = new double[set.length][m];
        for (int j = 0; j < set.length; j++) {
            for (int k = 0; k < m; k++) {
                normalized[j][k] = (set[j][k] - ideal[k]) / scale[k];
            }
        }
        double total = 0;
        double[] z = new double[m];
        for (double[] point : sample) {
            for (int k = 0; k < m; k++) {
                z[k] = (point[k] - ideal[k]) / scale[k];
            }
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] candidate : normalized) {
                double squared = 0;
                for (int k = 0; k < m; k++) {
                    double d = z[k] - candidate[k];
                    squared += d * d;
                }
                nearest = Math.min(nearest, squared);
            }
            total += Math.sqrt(nearest);
        }
        return total / sample.length;
    }
}
