package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A study's trials read once into what the plots of its page need: each trial's number and value,
 * the knobs with every trial's position ({@link Knob}), the complete trials and the best ones (the
 * best trial, the count of each state and the last trial started are the snapshot's). A page of a
 * study of 100,000 trials draws a dozen plots; each reads these arrays instead of filtering,
 * sorting and looking up the trials again.
 *
 * <p>A trial is named by its index in {@link StudySnapshot#trials()}, which are in number order.
 * The arrays handed out are shared, not copied: callers read them and never write.
 */
final class TrialColumns {

    private final StudySnapshot study;
    private final Direction direction;
    private final List<FrozenTrial> trials;
    private final int[] numbers;
    private final double[] values;
    private final List<Knob> knobs;
    private final int[] complete;

    private TrialColumns(StudySnapshot study, Direction direction) {
        this.study = study;
        this.direction = direction;
        this.trials = study.trials();
        int n = trials.size();
        numbers = new int[n];
        values = new double[n];
        int[] completed = new int[n];
        int count = 0;
        for (int t = 0; t < n; t++) {
            FrozenTrial trial = trials.get(t);
            numbers[t] = trial.number();
            TrialResult result = trial.result();
            // a trial of several objectives has no one value: its values are read per objective (forObjective)
            values[t] = result.size() == 1 ? result.value(0) : Double.NaN;
            if (trial.state() == TrialState.COMPLETE) {
                completed[count++] = t;
            }
        }
        complete = Arrays.copyOf(completed, count);
        knobs = Knob.of(trials);
    }

    /**
     * The columns of {@code study}'s trials. Of a study of several objectives, whose trials have no
     * one value, {@link #value} is NaN and {@link #direction} the first objective's; its objectives
     * are read by {@link ParetoColumns} and, one at a time, by {@link #forObjective}.
     */
    static TrialColumns of(StudySnapshot study) {
        return new TrialColumns(study, study.directions().get(0));
    }

    /** The same trials and knobs, each trial's value now its value of objective {@code objective}, better in {@code direction}. */
    private TrialColumns(TrialColumns all, int objective, Direction direction) {
        this.study = all.study;
        this.direction = direction;
        this.trials = all.trials;
        this.numbers = all.numbers;
        this.knobs = all.knobs;
        this.complete = all.complete;
        this.values = new double[trials.size()];
        for (int t = 0; t < values.length; t++) {
            TrialResult result = trials.get(t).result();
            values[t] = objective < result.size() ? result.value(objective) : Double.NaN;
        }
    }

    /**
     * These trials seen through one objective of several, as a study of that objective alone (for its
     * knob importance): the value of each trial is its value of {@code objective}.
     */
    TrialColumns forObjective(int objective, Direction direction) {
        return new TrialColumns(this, objective, direction);
    }

    StudySnapshot study() {
        return study;
    }

    Direction direction() {
        return direction;
    }

    /** 1 when minimizing, -1 when maximizing: {@code sign * value} is smaller for better values. */
    double sign() {
        return direction == Direction.MAXIMIZE ? -1 : 1;
    }

    int size() {
        return trials.size();
    }

    FrozenTrial trial(int index) {
        return trials.get(index);
    }

    /** The number of the trial at {@code index}. */
    int number(int index) {
        return numbers[index];
    }

    /** The value of the trial at {@code index}: its objective value, a pruned trial's last reported one, or NaN. */
    double value(int index) {
        return values[index];
    }

    /** The knobs the trials read, in order of first reading; positions are by trial index. */
    List<Knob> knobs() {
        return knobs;
    }

    /** The indices of the complete trials, in number order. */
    int[] complete() {
        return complete;
    }

    /**
     * The indices of the {@code k} complete trials with the best values, in number order; of equal
     * values the earlier trials. All complete trials when they are not more than {@code k}.
     */
    int[] best(int k) {
        double sign = sign();
        double[] keys = new double[complete.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = sign * values[complete[i]];
        }
        int[] chosen = Smallest.indices(keys, k);
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = complete[chosen[i]];
        }
        return chosen;
    }

    /** The complete trial with the best value, the earliest on ties, as {@link StudySnapshot#best()}. */
    Optional<FrozenTrial> best() {
        return study.best();
    }

    /** The best trial's number, or -1 without a complete trial. */
    int bestNumber() {
        return study.best().map(FrozenTrial::number).orElse(-1);
    }

    /** How many trials are in {@code state}. */
    long count(TrialState state) {
        return study.count(state);
    }

    /**
     * The number of the last trial that ran or runs, for the end of a plot's trial axis, as
     * {@link StudySnapshot#lastStartedNumber()}: trials enqueued and still waiting are left out;
     * -1 when no trial started.
     */
    int lastStartedNumber() {
        return study.lastStartedNumber();
    }
}
