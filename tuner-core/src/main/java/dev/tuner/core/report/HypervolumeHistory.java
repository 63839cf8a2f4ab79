package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.pareto.Domination;
import dev.tuner.core.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The hypervolume of the feasible Pareto front of the trials up to each trial number, against one
 * reference point for the whole study: the worst feasible value of each objective seen, pushed
 * {@value #PUSH_PERCENT}% of that objective's feasible range further out (so that the worst points
 * still count), or, for an objective whose feasible values are all equal, 10% of its magnitude (1
 * when it is 0). With the reference fixed, the hypervolume never falls as trials come.
 *
 * <p>The front is kept as trials come, in number order, and changes only when a feasible trial that
 * no kept trial dominates arrives; the hypervolume is measured exactly ({@link Hypervolume}) after
 * each change, or, when there are more than {@value #MAX_CHECKPOINTS} changes, after an even spread
 * of them and the last. With four or more objectives exact measures grow fast with the front, so
 * fewer are taken, and none when one would be too costly.
 */
final class HypervolumeHistory {

    static final int MAX_CHECKPOINTS = 300;
    static final int PUSH_PERCENT = 10;
    /** About how many elementary steps one exact measure of 4+ objectives may cost ({@code f^(m-2)}). */
    static final double MAX_COST = 2e7;

    /** The reference point in the objectives' own units and directions. */
    private final double[] reference;
    private final int[] numbers;
    private final double[] hypervolumes;
    private final int changes;

    private HypervolumeHistory(double[] reference, int[] numbers, double[] hypervolumes, int changes) {
        this.reference = reference;
        this.numbers = numbers;
        this.hypervolumes = hypervolumes;
        this.changes = changes;
    }

    /** The history of {@code pareto}'s front; empty (no checkpoints) when no trial is feasible or it would cost too much. */
    static HypervolumeHistory of(ParetoColumns pareto) {
        int m = pareto.objectives();
        int n = pareto.size();
        double[] worst = new double[m];
        double[] best = new double[m];
        Arrays.fill(worst, Double.NEGATIVE_INFINITY);
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int feasible = 0;
        for (int i = 0; i < n; i++) {
            if (pareto.isFeasible(i)) {
                feasible++;
                for (int k = 0; k < m; k++) {
                    double value = pareto.minimized(k, i);
                    worst[k] = Math.max(worst[k], value);
                    best[k] = Math.min(best[k], value);
                }
            }
        }
        if (feasible == 0) {
            return new HypervolumeHistory(new double[0], new int[0], new double[0], 0);
        }
        double[] minimizedReference = new double[m];
        double[] reference = new double[m];
        for (int k = 0; k < m; k++) {
            double span = worst[k] - best[k];
            double push = span > 0 ? span * PUSH_PERCENT / 100.0 : worst[k] == 0 ? 1 : Math.abs(worst[k]) * 0.1;
            minimizedReference[k] = worst[k] + push;
            reference[k] = pareto.direction(k) == Direction.MAXIMIZE ? -minimizedReference[k] : minimizedReference[k];
        }
        // first pass: where the front changes
        List<Integer> changedAt = new ArrayList<>();
        int finalFront = replay(pareto, (i, front) -> changedAt.add(i));
        int budget = MAX_CHECKPOINTS;
        if (m >= 4) {
            // slicing costs about f^(m-2) for a front of f points: at most MAX_COST a measure, 20 × MAX_COST in all
            double cost = Math.pow(Math.max(2, finalFront), m - 2);
            if (cost > MAX_COST) {
                return new HypervolumeHistory(reference, new int[0], new double[0], changedAt.size());
            }
            budget = (int) Math.min(MAX_CHECKPOINTS, 20 * MAX_COST / cost);
        }
        boolean[] measure = new boolean[n];
        int chosen = Math.min(changedAt.size(), Math.max(2, budget));
        for (int j = 0; j < chosen; j++) {
            measure[changedAt.get(chosen == changedAt.size() ? j
                    : (int) ((long) j * (changedAt.size() - 1) / (chosen - 1)))] = true;
        }
        List<double[]> measured = new ArrayList<>();
        replay(pareto, (i, front) -> {
            if (measure[i]) {
                measured.add(new double[] {pareto.number(i), Hypervolume.of(front.toArray(double[][]::new), minimizedReference)});
            }
        });
        int[] numbers = new int[measured.size()];
        double[] hypervolumes = new double[measured.size()];
        for (int j = 0; j < numbers.length; j++) {
            numbers[j] = (int) measured.get(j)[0];
            hypervolumes[j] = measured.get(j)[1];
        }
        return new HypervolumeHistory(reference, numbers, hypervolumes, changedAt.size());
    }

    /**
     * Keeps the front of the feasible points in number order, telling {@code onChange} each point
     * index where it changed and the front just after; returns the final front's size.
     */
    private static int replay(ParetoColumns pareto, BiConsumer<Integer, List<double[]>> onChange) {
        List<double[]> front = new ArrayList<>();
        for (int i = 0; i < pareto.size(); i++) {
            if (!pareto.isFeasible(i)) {
                continue;
            }
            double[] point = pareto.minimized(i);
            boolean kept = true;
            for (double[] other : front) {
                if (Domination.dominates(other, point) || Arrays.equals(other, point)) {
                    kept = false;
                    break;
                }
            }
            if (kept) {
                front.removeIf(other -> Domination.dominates(point, other));
                front.add(point);
                onChange.accept(i, front);
            }
        }
        return front.size();
    }

    /** The reference point, in each objective's own units; empty when no trial is feasible. */
    double[] reference() {
        return reference;
    }

    /** The trial numbers where the hypervolume was measured, ascending. */
    int[] numbers() {
        return numbers;
    }

    /** The hypervolume at each of {@link #numbers()}. */
    double[] hypervolumes() {
        return hypervolumes;
    }

    /** How many times the front changed; more than {@code numbers().length} when not each change was measured. */
    int changes() {
        return changes;
    }
}
