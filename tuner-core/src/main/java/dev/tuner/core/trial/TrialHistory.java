package dev.tuner.core.trial;

import dev.tuner.Direction;
import dev.tuner.core.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What samplers and pruners read of a study: its name, whether smaller or larger values are
 * better, and its trials as the storage holds them now. A {@code Study} is one, and so is the view
 * of a study that a sampler gets for a trial its pruner put in a group (a Hyperband bracket), whose
 * {@link #trials()} are that group's.
 *
 * <pre>{@code
 * public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
 *     List<FrozenTrial> history = study.trials();   // read, never written: the trial records its value
 *     ...
 * }
 * }</pre>
 *
 * <p>Samplers that keep state per study key it by the object they are given, by identity (a
 * {@code WeakHashMap}): each study, and each group's view of it, is one object for as long as it is used.
 */
public interface TrialHistory {

    /** The study's name, which identifies it in its storage. */
    String name();

    /**
     * Whether smaller or larger objective values are better, for a study of one objective.
     *
     * @throws IllegalStateException if the study has several directions: read {@link #directions()}
     */
    Direction direction();

    /**
     * The direction of each objective, in the order of a trial's {@link FrozenTrial#values()}: one for
     * a single-objective study (this default), several for a multi-objective one.
     */
    default List<Direction> directions() {
        return List.of(direction());
    }

    /**
     * The name of each objective, in the order of {@link #directions()}, for people: trial names, the
     * console, the output files and the report show them ({@code accuracy}, {@code latency}). This
     * default gives the {@linkplain #defaultObjectiveNames default names}.
     */
    default List<String> objectiveNames() {
        return defaultObjectiveNames(directions().size());
    }

    /**
     * The names objectives take when the study declares none: {@code value} for a study of one
     * objective, as a single value has always been called; {@code objective 0}, {@code objective 1}, ...
     * for a study of several.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    static List<String> defaultObjectiveNames(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a study has at least one objective, not " + count);
        }
        if (count == 1) {
            return List.of("value");
        }
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "objective " + i;
        }
        return List.of(names);
    }

    /** Whether the study has several objectives, whose trials have no one best. */
    default boolean isMultiObjective() {
        return directions().size() > 1;
    }

    /** The study's trials in number order, as stored now; in a group's view, only that group's. */
    List<FrozenTrial> trials();

    /**
     * The complete, {@linkplain FrozenTrial#isFeasible() feasible} trial among {@code trials} with the
     * best value in {@code direction}, the earliest on ties.
     */
    static Optional<FrozenTrial> best(List<FrozenTrial> trials, Direction direction) {
        // a plain loop: it runs at a study's end, in code not yet compiled, over every trial
        FrozenTrial best = null;
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.isFeasible() && (best == null || isBetter(trial, best, direction))) {
                best = trial;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The complete, {@linkplain FrozenTrial#isFeasible() feasible} trials among {@code trials} that no
     * other such trial beats on every objective of {@code directions}, in the order given: the Pareto
     * front of several objectives, or the trials sharing the best value of one. Empty when no trial is
     * complete and feasible.
     */
    static List<FrozenTrial> bestTrials(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> candidates = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.isFeasible() && trial.result().size() == directions.size()) {
                candidates.add(trial);
            }
        }
        double[][] points = new double[candidates.size()][directions.size()];
        for (int i = 0; i < points.length; i++) {
            TrialResult result = candidates.get(i).result();
            for (int j = 0; j < directions.size(); j++) {
                double value = result.value(j);
                points[i][j] = directions.get(j) == Direction.MAXIMIZE ? -value : value;
            }
        }
        List<FrozenTrial> front = new ArrayList<>();
        for (int index : NonDominatedSort.nonDominated(points)) {
            front.add(candidates.get(index));
        }
        return List.copyOf(front);
    }

    /**
     * Whether complete trial {@code trial} is better than {@code other} in {@code direction}: its
     * value better ({@link Double#compare} order), or equal with a smaller number.
     */
    static boolean isBetter(FrozenTrial trial, FrozenTrial other, Direction direction) {
        int byValue = Double.compare(trial.value().getAsDouble(), other.value().getAsDouble());
        if (direction == Direction.MAXIMIZE) {
            byValue = -byValue;
        }
        return byValue < 0 || byValue == 0 && trial.number() < other.number();
    }
}
