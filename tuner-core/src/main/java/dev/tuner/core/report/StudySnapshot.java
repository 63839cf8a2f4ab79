package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the end of a study writes, read from its storage once: its name, the direction and name of
 * each objective, and its trials as the storage held them, each with the values it reported on its way (for the pruning plot). The best
 * parameters file, the output file and the HTML report are all written from one snapshot, so a
 * study of 100,000 trials in PostgreSQL is read once, not once a file.
 *
 * <pre>{@code
 * StudySnapshot snapshot = StudySnapshot.of(study);                 // reads the trials once
 * new HtmlReport(Clock.systemUTC()).write(Path.of("target/tuner"), snapshot);
 * }</pre>
 *
 * <p>A study of several objectives has no one {@link #direction()} and no one {@link #best()}: its
 * {@link #directions()} and {@link #objectiveNames()} say what each of a trial's values is, and
 * {@link #bestTrials()} is its Pareto front.
 *
 * <p>The best trial, the count of each state and the last trial started are tallied in one pass
 * when the snapshot is made: the end of a study runs once, in code the JVM has not compiled, where
 * each further pass over 20,000 trials cost milliseconds.
 */
public final class StudySnapshot {

    private final String name;
    private final List<Direction> directions;
    private final List<String> objectiveNames;
    private final List<FrozenTrial> trials;
    private final long[] counts = new long[TrialState.values().length];
    private final FrozenTrial best;
    private final int lastStartedNumber;
    /** {@link #bestTrials()}, found the first time it is asked for; immutable, so a race only finds it twice. */
    private List<FrozenTrial> bestTrials;

    /**
     * A snapshot of the given trials of a study of one objective, named {@code value}.
     *
     * @param name the study's name
     * @param direction whether smaller or larger objective values are better
     * @param trials the study's trials, in number order
     */
    public StudySnapshot(String name, Direction direction, List<FrozenTrial> trials) {
        this(name, List.of(Objects.requireNonNull(direction, "direction")), TrialHistory.defaultObjectiveNames(1), trials);
    }

    /**
     * A snapshot of the given trials of a study of one objective or several.
     *
     * @param name the study's name
     * @param directions whether smaller or larger values are better, for each objective
     * @param objectiveNames each objective's name, in the order of {@code directions}
     * @param trials the study's trials, in number order
     * @throws IllegalArgumentException if there is no direction, or not one name per direction
     */
    public StudySnapshot(String name, List<Direction> directions, List<String> objectiveNames, List<FrozenTrial> trials) {
        this.name = Objects.requireNonNull(name, "name");
        this.directions = List.copyOf(directions);
        this.objectiveNames = List.copyOf(objectiveNames);
        if (this.directions.isEmpty() || this.directions.size() != this.objectiveNames.size()) {
            throw new IllegalArgumentException("study '" + name + "' has directions " + directions + " and objective names "
                    + objectiveNames + "; give at least one direction, and one name per direction");
        }
        this.trials = List.copyOf(trials);
        Direction single = this.directions.size() == 1 ? this.directions.get(0) : null;
        FrozenTrial bestSoFar = null;
        int lastStarted = -1;
        for (FrozenTrial trial : this.trials) {
            TrialState state = trial.state();
            counts[state.ordinal()]++;
            if (state != TrialState.WAITING) {
                lastStarted = trial.number();
            }
            if (single != null && state == TrialState.COMPLETE && trial.isFeasible()
                    && (bestSoFar == null || TrialHistory.isBetter(trial, bestSoFar, single))) {
                bestSoFar = trial;
            }
        }
        this.best = bestSoFar;
        this.lastStartedNumber = lastStarted;
    }

    /** The study as its storage holds it now, read once. */
    public static StudySnapshot of(TrialHistory study) {
        return new StudySnapshot(study.name(), study.directions(), study.objectiveNames(), study.trials());
    }

    /** The study's name. */
    public String name() {
        return name;
    }

    /**
     * Whether smaller or larger objective values are better, for a study of one objective.
     *
     * @throws IllegalStateException if the study has several objectives: read {@link #directions()}
     */
    public Direction direction() {
        if (directions.size() > 1) {
            throw new IllegalStateException("study '" + name + "' has " + directions.size() + " objectives " + objectiveNames
                    + " with directions " + directions + ", so it has no one direction; read directions()");
        }
        return directions.get(0);
    }

    /** The direction of each objective, in the order of a trial's {@link FrozenTrial#values() values}. */
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The name of each objective, in the order of {@link #directions()}: {@code value} for a study of
     * one objective that declared no name.
     */
    public List<String> objectiveNames() {
        return objectiveNames;
    }

    /** Whether the study has several objectives, so that no one trial is best. */
    public boolean isMultiObjective() {
        return directions.size() > 1;
    }

    /** The study's trials, in number order. */
    public List<FrozenTrial> trials() {
        return trials;
    }

    /**
     * For a study of one objective, the complete, feasible trial with the best value, the earliest on
     * ties; empty when there is none, and always for a study of several objectives (see {@link #bestTrials()}).
     */
    public Optional<FrozenTrial> best() {
        return Optional.ofNullable(best);
    }

    /**
     * The complete, feasible trials that no other such trial beats on every objective, in number
     * order: the Pareto front of several objectives, or the trials sharing the best value of one.
     */
    public List<FrozenTrial> bestTrials() {
        List<FrozenTrial> found = bestTrials;
        if (found == null) {
            found = TrialHistory.bestTrials(trials, directions);
            bestTrials = found;
        }
        return found;
    }

    /**
     * The number of the last trial that ran or runs, for the end of a plot's trial axis: trials
     * enqueued and still {@code WAITING} are left out; -1 when no trial started.
     */
    public int lastStartedNumber() {
        return lastStartedNumber;
    }

    /** How many trials are in {@code state}. */
    public long count(TrialState state) {
        return counts[state.ordinal()];
    }

    /** How many trials ran or run: all but those enqueued and still waiting. */
    public int started() {
        return trials.size() - (int) count(TrialState.WAITING);
    }

    @Override
    public String toString() {
        return "StudySnapshot[" + name + ", " + directions + " " + objectiveNames + ", " + trials.size() + " trials]";
    }
}
