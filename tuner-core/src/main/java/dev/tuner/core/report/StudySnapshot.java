package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialState;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a report shows of one study: its name, direction and trials as the storage held them when
 * the report was made, and the values trials reported on their way (for the pruning plot).
 *
 * <pre>{@code
 * StudySnapshot snapshot = StudySnapshot.of(study);                 // reads the trials once
 * new HtmlReport(Clock.systemUTC()).write(Path.of("target/tuner"), snapshot);
 * }</pre>
 *
 * @param name the study's name
 * @param direction whether smaller or larger objective values are better
 * @param trials the study's trials, in number order
 * @param intermediateValues for each trial number, the values it reported by step; empty when the
 *     objective reported none
 */
public record StudySnapshot(
        String name,
        Direction direction,
        List<FrozenTrial> trials,
        Map<Integer, SortedMap<Integer, Double>> intermediateValues) {

    public StudySnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        trials = List.copyOf(trials);
        Map<Integer, SortedMap<Integer, Double>> copy = new TreeMap<>();
        intermediateValues.forEach((trial, steps) -> {
            if (!steps.isEmpty()) {
                copy.put(trial, Collections.unmodifiableSortedMap(new TreeMap<>(steps)));
            }
        });
        intermediateValues = Collections.unmodifiableMap(copy);
    }

    /** The study as its storage holds it now, with the values its trials reported on their way. */
    public static StudySnapshot of(Study study) {
        List<FrozenTrial> trials = study.trials();
        Map<Integer, SortedMap<Integer, Double>> reported = new TreeMap<>();
        for (FrozenTrial trial : trials) {
            if (!trial.intermediateValues().isEmpty()) {
                reported.put(trial.number(), trial.intermediateValues());
            }
        }
        return new StudySnapshot(study.name(), study.direction(), trials, reported);
    }

    /** This snapshot with the values each trial reported by step (trial number → step → value). */
    public StudySnapshot withIntermediateValues(Map<Integer, ? extends SortedMap<Integer, Double>> values) {
        return new StudySnapshot(name, direction, trials, Map.copyOf(values));
    }

    /** The complete trial with the best value, the earliest on ties. */
    public Optional<FrozenTrial> best() {
        Comparator<FrozenTrial> byValue = Comparator.comparingDouble(trial -> trial.value().getAsDouble());
        Comparator<FrozenTrial> better = direction == Direction.MAXIMIZE ? byValue.reversed() : byValue;
        return trials.stream()
                .filter(trial -> trial.state() == TrialState.COMPLETE)
                .min(better.thenComparingInt(FrozenTrial::number));
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
        return trials.stream().filter(trial -> trial.state() == state).count();
    }
}
