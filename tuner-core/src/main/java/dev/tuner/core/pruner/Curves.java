package dev.tuner.core.pruner;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import java.util.SortedMap;

/** Reading trials' intermediate values the way the pruners compare them. */
final class Curves {

    private Curves() {}

    /** The value the trial reported at the first step at or after {@code step}, or {@code null} if none. */
    static Double firstAtOrAfter(FrozenTrial trial, int step) {
        SortedMap<Integer, Double> tail = trial.intermediateValues().tailMap(step);
        return tail.isEmpty() ? null : tail.get(tail.firstKey());
    }

    /**
     * The step just before {@code step} at which the trial reported, or -1 if none: tells whether
     * {@code step} is the trial's first report past some point.
     */
    static int stepBefore(FrozenTrial trial, int step) {
        SortedMap<Integer, Double> head = trial.intermediateValues().headMap(step);
        return head.isEmpty() ? -1 : head.lastKey();
    }

    /** The best value the trial reported, ignoring NaN; NaN if it reported only NaN. */
    static double best(FrozenTrial trial, Direction direction) {
        double best = Double.NaN;
        for (double value : trial.intermediateValues().values()) {
            if (!Double.isNaN(value) && (Double.isNaN(best) || better(value, best, direction))) {
                best = value;
            }
        }
        return best;
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    static boolean better(double a, double b, Direction direction) {
        return direction == Direction.MAXIMIZE ? a > b : a < b;
    }

    /** The largest step any of the trials reported, or -1 if none did. */
    static int largestLastStep(Iterable<FrozenTrial> trials) {
        int largest = -1;
        for (FrozenTrial trial : trials) {
            if (trial.lastStep().isPresent()) {
                largest = Math.max(largest, trial.lastStep().getAsInt());
            }
        }
        return largest;
    }
}
