package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the end of a study writes, read from its storage once: its name, direction and trials as the
 * storage held them, each with the values it reported on its way (for the pruning plot). The best
 * parameters file, the output file and the HTML report are all written from one snapshot, so a
 * study of 100,000 trials in PostgreSQL is read once, not once a file.
 *
 * <pre>{@code
 * StudySnapshot snapshot = StudySnapshot.of(study);                 // reads the trials once
 * new HtmlReport(Clock.systemUTC()).write(Path.of("target/tuner"), snapshot);
 * }</pre>
 *
 * <p>The best trial, the count of each state and the last trial started are tallied in one pass
 * when the snapshot is made: the end of a study runs once, in code the JVM has not compiled, where
 * each further pass over 20,000 trials cost milliseconds.
 */
public final class StudySnapshot {

    private final String name;
    private final Direction direction;
    private final List<FrozenTrial> trials;
    private final long[] counts = new long[TrialState.values().length];
    private final FrozenTrial best;
    private final int lastStartedNumber;

    /**
     * A snapshot of the given trials.
     *
     * @param name the study's name
     * @param direction whether smaller or larger objective values are better
     * @param trials the study's trials, in number order
     */
    public StudySnapshot(String name, Direction direction, List<FrozenTrial> trials) {
        this.name = Objects.requireNonNull(name, "name");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.trials = List.copyOf(trials);
        FrozenTrial bestSoFar = null;
        int lastStarted = -1;
        for (FrozenTrial trial : this.trials) {
            TrialState state = trial.state();
            counts[state.ordinal()]++;
            if (state != TrialState.WAITING) {
                lastStarted = trial.number();
            }
            if (state == TrialState.COMPLETE && (bestSoFar == null || TrialHistory.isBetter(trial, bestSoFar, direction))) {
                bestSoFar = trial;
            }
        }
        this.best = bestSoFar;
        this.lastStartedNumber = lastStarted;
    }

    /** The study as its storage holds it now, read once. */
    public static StudySnapshot of(TrialHistory study) {
        return new StudySnapshot(study.name(), study.direction(), study.trials());
    }

    /** The study's name. */
    public String name() {
        return name;
    }

    /** Whether smaller or larger objective values are better. */
    public Direction direction() {
        return direction;
    }

    /** The study's trials, in number order. */
    public List<FrozenTrial> trials() {
        return trials;
    }

    /** The complete trial with the best value, the earliest on ties. */
    public Optional<FrozenTrial> best() {
        return Optional.ofNullable(best);
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
        return "StudySnapshot[" + name + ", " + direction + ", " + trials.size() + " trials]";
    }
}
