package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A study's trials read once into what the plots of its page need: the knobs with every trial's
 * position ({@link Knob}), the complete trials in number order and best first, the best trial and
 * the count of each state. A page of a study of 100,000 trials draws a dozen plots; each reads these
 * instead of filtering, sorting and looking up the trials again.
 *
 * <p>A trial is named by its index in {@link StudySnapshot#trials()}, which are in number order.
 * The arrays handed out are shared, not copied: callers read them and never write.
 */
final class TrialColumns {

    private final StudySnapshot study;
    private final List<FrozenTrial> trials;
    private final List<Knob> knobs;
    private final int[] complete;
    private final int[] bestFirst;
    private final long[] counts = new long[TrialState.values().length];

    private TrialColumns(StudySnapshot study) {
        this.study = study;
        this.trials = study.trials();
        int n = trials.size();
        int[] completed = new int[n];
        int count = 0;
        for (int t = 0; t < n; t++) {
            TrialState state = trials.get(t).state();
            counts[state.ordinal()]++;
            if (state == TrialState.COMPLETE) {
                completed[count++] = t;
            }
        }
        complete = Arrays.copyOf(completed, count);
        double sign = sign();
        double[] keys = new double[count];
        for (int i = 0; i < count; i++) {
            keys[i] = sign * value(complete[i]);
        }
        int[] order = SortOrder.ascending(keys);
        bestFirst = new int[count];
        for (int i = 0; i < count; i++) {
            bestFirst[i] = complete[order[i]];
        }
        knobs = Knob.of(trials);
    }

    /** The columns of {@code study}'s trials. */
    static TrialColumns of(StudySnapshot study) {
        return new TrialColumns(study);
    }

    StudySnapshot study() {
        return study;
    }

    Direction direction() {
        return study.direction();
    }

    /** 1 when minimizing, -1 when maximizing: {@code sign * value} is smaller for better values. */
    double sign() {
        return study.direction() == Direction.MAXIMIZE ? -1 : 1;
    }

    int size() {
        return trials.size();
    }

    FrozenTrial trial(int index) {
        return trials.get(index);
    }

    /** The objective value of the trial at {@code index}, which must have one. */
    double value(int index) {
        return trials.get(index).value().getAsDouble();
    }

    /** The knobs the trials read, in order of first reading; positions are by trial index. */
    List<Knob> knobs() {
        return knobs;
    }

    /** The indices of the complete trials, in number order. */
    int[] complete() {
        return complete;
    }

    /** The indices of the complete trials, the best value first, trials of equal value in number order. */
    int[] bestFirst() {
        return bestFirst;
    }

    /** The complete trial with the best value, the earliest on ties, as {@link StudySnapshot#best()}. */
    Optional<FrozenTrial> best() {
        return bestFirst.length == 0 ? Optional.empty() : Optional.of(trials.get(bestFirst[0]));
    }

    /** The best trial's number, or -1 without a complete trial. */
    int bestNumber() {
        return bestFirst.length == 0 ? -1 : trials.get(bestFirst[0]).number();
    }

    /** How many trials are in {@code state}. */
    long count(TrialState state) {
        return counts[state.ordinal()];
    }

    /** The number of the last trial; the study must have one. */
    int lastNumber() {
        return trials.get(trials.size() - 1).number();
    }
}
