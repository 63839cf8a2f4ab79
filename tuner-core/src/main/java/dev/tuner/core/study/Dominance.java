package dev.tuner.core.study;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * The feasible trials that no other beats on every objective: a plain O(n²) comparison, enough for
 * the studies of thousands of trials a person reads; a faster non-dominated sort may replace it.
 */
final class Dominance {

    private Dominance() {}

    /**
     * The complete, feasible trials among {@code trials} that no other such trial dominates, in
     * number order; trials with equal values are all kept.
     */
    static List<FrozenTrial> front(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> candidates = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.isFeasible() && trial.result().size() == directions.size()) {
                candidates.add(trial);
                double[] own = new double[directions.size()];
                for (int i = 0; i < own.length; i++) {
                    // MAXIMIZE negated, so that smaller is better on every objective
                    own[i] = directions.get(i) == Direction.MAXIMIZE ? -trial.result().value(i) : trial.result().value(i);
                }
                values.add(own);
            }
        }
        List<FrozenTrial> front = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < candidates.size() && !dominated; j++) {
                dominated = j != i && dominates(values.get(j), values.get(i));
            }
            if (!dominated) {
                front.add(candidates.get(i));
            }
        }
        return List.copyOf(front);
    }

    /** Whether {@code a} dominates {@code b}, both to be minimized: no worse on every objective, better on one. */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            int order = Double.compare(a[i], b[i]);
            if (order > 0) {
                return false;
            }
            better |= order < 0;
        }
        return better;
    }
}
