package dev.tuner.core.trial;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A trial as the storage records it: an immutable snapshot, safe to share and keep.
 *
 * @param number the trial's number in its study, from 0
 * @param state where the trial stands
 * @param result the objective values (one per direction of the study) when {@code COMPLETE}; when
 *     {@code PRUNED}, the last value it {@linkplain Trial#report reported} (the one at its largest
 *     step), or none if it reported none; and the constraint values it
 *     {@linkplain Trial#constrain recorded}. See {@link #value()}, {@link #values()},
 *     {@link #constraints()} and {@link #isFeasible()}
 * @param suggestions the knobs' values in the order they were first read; kept compact (the knobs'
 *     names and distributions shared with the other trials that drew the same knobs), so that a
 *     study of many trials fits a worker's heap
 * @param failure why the trial failed; present only when {@code FAIL}
 * @param started when the trial was asked for; for a {@code WAITING} trial, when it was enqueued, and
 *     for a trial that waited, when a worker claimed it
 * @param finished when it was told, or empty while it runs or waits
 * @param intermediateValues the values the trial {@linkplain Trial#report reported}, by step, in
 *     step order; empty when it reported none
 * @param enqueuedValues the knob values the trial was enqueued ({@code Study.enqueue}) with, as
 *     text by full knob name, in the order given; empty for a trial that was not enqueued. They
 *     become {@link #suggestions()} as the objective reads its knobs
 * @param worker the process that ran the trial, when the storage knows it: the storages of Tuner
 *     record it when a worker starts or claims the trial, and keep it once the trial finished; empty
 *     for a trial that waits, and for one {@linkplain dev.tuner.core.storage.Storage#addTrial added}
 *     without it (an import from Optuna, which has no workers)
 */
public record FrozenTrial(
        int number,
        TrialState state,
        TrialResult result,
        Map<String, Suggestion> suggestions,
        Optional<TrialFailure> failure,
        Instant started,
        Optional<Instant> finished,
        SortedMap<Integer, Double> intermediateValues,
        Map<String, String> enqueuedValues,
        Optional<Worker> worker) {

    public FrozenTrial {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(worker, "worker");
        suggestions = Suggestions.of(suggestions);
        intermediateValues = intermediateValues.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        enqueuedValues = enqueuedValues.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(enqueuedValues));
    }

    /** A trial whose worker is not known. */
    public FrozenTrial(int number, TrialState state, TrialResult result, Map<String, Suggestion> suggestions,
            Optional<TrialFailure> failure, Instant started, Optional<Instant> finished,
            SortedMap<Integer, Double> intermediateValues, Map<String, String> enqueuedValues) {
        this(number, state, result, suggestions, failure, started, finished, intermediateValues, enqueuedValues,
                Optional.empty());
    }

    /** A trial of one objective without constraints. */
    public FrozenTrial(int number, TrialState state, OptionalDouble value, Map<String, Suggestion> suggestions,
            Optional<TrialFailure> failure, Instant started, Optional<Instant> finished,
            SortedMap<Integer, Double> intermediateValues, Map<String, String> enqueuedValues) {
        this(number, state, TrialResult.of(value), suggestions, failure, started, finished, intermediateValues,
                enqueuedValues);
    }

    /** A trial that was not enqueued. */
    public FrozenTrial(int number, TrialState state, OptionalDouble value, Map<String, Suggestion> suggestions,
            Optional<TrialFailure> failure, Instant started, Optional<Instant> finished,
            SortedMap<Integer, Double> intermediateValues) {
        this(number, state, value, suggestions, failure, started, finished, intermediateValues, Map.of());
    }

    /** A trial that was not enqueued and reported no intermediate values. */
    public FrozenTrial(int number, TrialState state, OptionalDouble value, Map<String, Suggestion> suggestions,
            Optional<TrialFailure> failure, Instant started, Optional<Instant> finished) {
        this(number, state, value, suggestions, failure, started, finished, Collections.emptySortedMap(), Map.of());
    }

    /**
     * The objective value of a trial of a single-objective study: present when {@code COMPLETE}, and
     * when {@code PRUNED} after reporting a value.
     *
     * @throws IllegalStateException if the trial has several objective values (a multi-objective
     *     study's): read {@link #values()} instead
     */
    public OptionalDouble value() {
        if (result.size() > 1) {
            throw new IllegalStateException("trial #" + number + " has " + result.size() + " objective values "
                    + result.values() + " (its study has several directions), so it has no one value; read values()");
        }
        return result.value();
    }

    /** The objective values, one per direction of the study, in their order; empty when the trial has none. */
    public List<Double> values() {
        return result.values();
    }

    /** The constraint values the trial recorded, by name, in the order recorded; empty when none. */
    public Map<String, Double> constraints() {
        return result.constraints();
    }

    /** Whether every constraint value is at most 0; true for a trial without constraints. */
    public boolean isFeasible() {
        return result.isFeasible();
    }

    /** The knobs' values as the objective received them, keyed by full knob name, in reading order. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        suggestions.forEach((name, suggestion) -> params.put(name, suggestion.value()));
        return Collections.unmodifiableMap(params);
    }

    /** The largest step the trial reported a value at, or empty if it reported none. */
    public OptionalInt lastStep() {
        return intermediateValues.isEmpty() ? OptionalInt.empty() : OptionalInt.of(intermediateValues.lastKey());
    }
}
