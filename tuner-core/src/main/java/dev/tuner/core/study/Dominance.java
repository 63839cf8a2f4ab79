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
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.isFeasible() && trial.values().size() == directions.size()) {
                candidates.add(trial);
            }
        }
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial trial : candidates) {
            boolean dominated = false;
            for (FrozenTrial other : candidates) {
                if (other != trial && dominates(other.values(), trial.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(trial);
            }
        }
        return List.copyOf(front);
    }

    /**
     * Whether values {@code a} dominate {@code b}: no worse on every objective in its direction, and
     * better on one.
     */
    static boolean dominates(List<Double> a, List<Double> b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < directions.size(); i++) {
            int order = Double.compare(a.get(i), b.get(i));
            if (directions.get(i) == Direction.MAXIMIZE) {
                order = -order;
            }
            if (order > 0) {
                return false;
            }
            better |= order < 0;
        }
        return better;
    }
}
