package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.pareto.NonDominatedSort;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialResult;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The objective values of a study of several objectives, read once for the plots of its page: for
 * each complete trial its value of each objective, whether it is feasible, and whether it is on the
 * Pareto front (feasible, and no feasible trial is at least as good in every objective and better
 * in one). A point is named by its index among the complete trials, in number order; maximized
 * objectives are negated where points are compared ({@link #minimized}).
 */
final class ParetoColumns {

    private final TrialColumns trials;
    private final List<Direction> directions;
    private final List<String> names;
    private final int[] complete;
    private final double[][] values;
    private final boolean[] feasible;
    private final boolean[] onFront;
    private final int[] front;
    private final boolean hasConstraints;

    private ParetoColumns(TrialColumns trials, List<Direction> directions, List<String> names) {
        if (directions.size() != names.size()) {
            throw new IllegalArgumentException(directions.size() + " directions but " + names.size()
                    + " objective names " + names + "; give one name per direction");
        }
        this.trials = trials;
        this.directions = List.copyOf(directions);
        this.names = List.copyOf(names);
        int objectives = directions.size();
        int[] all = trials.complete();
        int[] kept = new int[all.length];
        double[][] columns = new double[objectives][all.length];
        boolean[] feasibleOnes = new boolean[all.length];
        int count = 0;
        boolean constrained = false;
        // one pass, each trial's result read once: at 100,000 trials every view of a map counts
        for (int trial : all) {
            TrialResult result = trials.trial(trial).result();
            // a complete trial of another number of objectives (not written by this study's API) cannot be placed
            if (result.size() != objectives) {
                continue;
            }
            for (int k = 0; k < objectives; k++) {
                columns[k][count] = result.value(k);
            }
            Map<String, Double> constraints = result.constraints();
            boolean met = true;
            if (!constraints.isEmpty()) {
                constrained = true;
                for (double value : constraints.values()) {
                    met &= value <= 0;
                }
            }
            feasibleOnes[count] = met;
            kept[count++] = trial;
        }
        complete = Arrays.copyOf(kept, count);
        values = new double[objectives][];
        for (int k = 0; k < objectives; k++) {
            values[k] = Arrays.copyOf(columns[k], count);
        }
        feasible = Arrays.copyOf(feasibleOnes, count);
        hasConstraints = constrained;
        double[][] points = new double[count][];
        int feasibleCount = 0;
        int[] feasibleIndex = new int[count];
        for (int i = 0; i < count; i++) {
            if (feasible[i]) {
                feasibleIndex[feasibleCount] = i;
                points[feasibleCount++] = minimized(i);
            }
        }
        onFront = new boolean[count];
        int[] found = NonDominatedSort.nonDominated(Arrays.copyOf(points, feasibleCount));
        for (int f : found) {
            onFront[feasibleIndex[f]] = true;
        }
        Integer[] byFirst = new Integer[found.length];
        for (int f = 0; f < found.length; f++) {
            byFirst[f] = feasibleIndex[found[f]];
        }
        Arrays.sort(byFirst, Comparator.comparingDouble((Integer i) -> minimized(0, i)).thenComparingInt(i -> i));
        front = Arrays.stream(byFirst).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The objective columns of {@code trials}' complete trials.
     *
     * @param directions each objective's direction, in the order of a trial's values
     * @param names each objective's name, in the same order
     */
    static ParetoColumns of(TrialColumns trials, List<Direction> directions, List<String> names) {
        return new ParetoColumns(trials, directions, names);
    }

    TrialColumns trials() {
        return trials;
    }

    /** How many objectives. */
    int objectives() {
        return directions.size();
    }

    String name(int objective) {
        return names.get(objective);
    }

    Direction direction(int objective) {
        return directions.get(objective);
    }

    /** The objective's name and direction, for an axis: {@code accuracy (max)}. */
    String label(int objective) {
        return names.get(objective) + (directions.get(objective) == Direction.MAXIMIZE ? " (max)" : " (min)");
    }

    /** How many complete trials (points). */
    int size() {
        return complete.length;
    }

    /** The index in {@link TrialColumns} of point {@code i}. */
    int trial(int i) {
        return complete[i];
    }

    /** The trial number of point {@code i}. */
    int number(int i) {
        return trials.number(complete[i]);
    }

    /** Point {@code i}'s value of {@code objective}. */
    double value(int objective, int i) {
        return values[objective][i];
    }

    /** Every point's value of {@code objective}; shared, not copied. */
    double[] column(int objective) {
        return values[objective];
    }

    /** The value with maximized objectives negated, so that smaller is better in every objective. */
    double minimized(int objective, int i) {
        // + 0.0: a negated 0 is -0.0, which would sort apart from 0.0
        return (directions.get(objective) == Direction.MAXIMIZE ? -values[objective][i] : values[objective][i]) + 0.0;
    }

    /** Point {@code i} as a vector of minimized values. */
    double[] minimized(int i) {
        double[] point = new double[objectives()];
        for (int k = 0; k < point.length; k++) {
            point[k] = minimized(k, i);
        }
        return point;
    }

    boolean isFeasible(int i) {
        return feasible[i];
    }

    boolean isOnFront(int i) {
        return onFront[i];
    }

    /** Whether some trial recorded a constraint. */
    boolean hasConstraints() {
        return hasConstraints;
    }

    /** How many points are feasible. */
    int feasibleCount() {
        int count = 0;
        for (boolean each : feasible) {
            count += each ? 1 : 0;
        }
        return count;
    }

    /** The points on the front, by their first objective from best to worst. */
    int[] front() {
        return front;
    }

    /**
     * The order in which points are kept when a plot cannot draw them all ({@link Downsample}): the
     * front first ({@code -∞}), then feasible points by the sum of their minimized values scaled to
     * {@code [0, 1]} per objective (near the front first), then infeasible ones.
     */
    double[] drawPriority() {
        int m = objectives();
        double[] low = new double[m];
        double[] high = new double[m];
        for (int k = 0; k < m; k++) {
            low[k] = Double.POSITIVE_INFINITY;
            high[k] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size(); i++) {
                low[k] = Math.min(low[k], minimized(k, i));
                high[k] = Math.max(high[k], minimized(k, i));
            }
        }
        double[] priority = new double[size()];
        for (int i = 0; i < priority.length; i++) {
            if (onFront[i]) {
                priority[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double sum = feasible[i] ? 0 : m;
            for (int k = 0; k < m; k++) {
                sum += high[k] > low[k] ? (minimized(k, i) - low[k]) / (high[k] - low[k]) : 0;
            }
            priority[i] = sum;
        }
        return priority;
    }

    /** Point {@code i}'s trial number and values, and the constraints it broke: {@code #17: accuracy 0.961, latency 12.4; ✗ size 3.2}. */
    String describe(int i) {
        StringBuilder text = new StringBuilder().append('#').append(number(i)).append(": ");
        for (int k = 0; k < objectives(); k++) {
            text.append(k == 0 ? "" : ", ").append(names.get(k)).append(' ').append(Numbers.compact(values[k][i]));
        }
        if (!feasible[i]) {
            text.append("; infeasible ✗ ").append(ConstraintTable.broken(trials.trial(complete[i]).constraints()));
        } else if (onFront[i]) {
            text.append("; on the Pareto front");
        }
        return text.toString();
    }
}
