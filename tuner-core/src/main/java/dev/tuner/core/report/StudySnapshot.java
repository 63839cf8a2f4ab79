package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialState;
import java.util.Comparator;
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
 * new BestParametersFile(Clock.systemUTC()).write(Path.of("target/tuner"), snapshot);
 * new HtmlReport(Clock.systemUTC()).write(Path.of("target/tuner"), snapshot);
 * }</pre>
 *
 * @param name the study's name
 * @param direction whether smaller or larger objective values are better
 * @param trials the study's trials, in number order
 */
public record StudySnapshot(String name, Direction direction, List<FrozenTrial> trials) {

    public StudySnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        trials = List.copyOf(trials);
    }

    /** The study as its storage holds it now, read once. */
    public static StudySnapshot of(Study study) {
        return new StudySnapshot(study.name(), study.direction(), study.trials());
    }

    /** The complete trial with the best value, the earliest on ties. */
    public Optional<FrozenTrial> best() {
        return Study.best(trials, direction);
    }

    /**
     * The number of the last trial that ran or runs, for the end of a plot's trial axis: trials
     * enqueued and still {@code WAITING} are left out; -1 when no trial started.
     */
    public int lastStartedNumber() {
        for (int i = trials.size() - 1; i >= 0; i--) {
            if (trials.get(i).state() != TrialState.WAITING) {
                return trials.get(i).number();
            }
        }
        return -1;
    }

    /** How many trials are in {@code state}. */
    public long count(TrialState state) {
        long count = 0;
        for (FrozenTrial trial : trials) {
            if (trial.state() == state) {
                count++;
            }
        }
        return count;
    }
}
