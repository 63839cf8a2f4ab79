package dev.tuner.core.storage;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One trial as a storage keeps it in memory: mutable while it runs, with its {@link FrozenTrial}
 * snapshot made once per change (a finished trial's snapshot is made once and shared). A finished
 * trial keeps its values in its snapshot only: its own maps, a second copy of each knob's name and
 * value, are dropped, for a long study's every trial is held by each worker that samples it.
 */
final class TrialRecord {

    private final int number;
    private final Map<String, String> enqueuedValues;
    /** The number of the failed trial this one retries, or -1. */
    private final int retryOf;
    /** The values drawn while the trial runs; null once it finished (its snapshot holds them). */
    private Map<String, Suggestion> suggestions = new LinkedHashMap<>();
    /** The values reported while the trial runs, made at the first; null before it and once it finished. */
    private TreeMap<Integer, Double> intermediateValues;
    private Instant started;
    /** The process that created or claimed the trial while it runs, whose death fails it; null once finished. */
    private WorkerId worker;
    /** The worker the trial's snapshot shows: {@link #worker}'s, or for a trial added whole, the one it came with. */
    private Optional<Worker> shown = Optional.empty();
    private TrialState state;
    private TrialResult value = TrialResult.none();
    private Optional<TrialFailure> failure = Optional.empty();
    private Optional<Instant> finished = Optional.empty();
    private FrozenTrial snapshot;

    /** A {@code RUNNING} trial. */
    TrialRecord(int number, Instant started, WorkerId worker) {
        this(number, started, worker, worker == null ? Optional.empty() : worker.shown());
    }

    /**
     * A {@code RUNNING} trial written by {@code worker} that shows {@code shown} as the process that
     * ran it: a trial added whole, which ran elsewhere.
     */
    TrialRecord(int number, Instant started, WorkerId worker, Optional<Worker> shown) {
        this.number = number;
        this.started = started;
        this.worker = worker;
        this.shown = shown;
        this.state = TrialState.RUNNING;
        this.enqueuedValues = Map.of();
        this.retryOf = -1;
    }

    /**
     * A {@code WAITING} trial with the values it was enqueued with, as text by knob, retrying the
     * failed trial {@code retryOf} (-1 for none).
     */
    TrialRecord(int number, Instant enqueued, Map<String, String> enqueuedValues, int retryOf) {
        this.number = number;
        this.started = enqueued;
        this.state = TrialState.WAITING;
        this.enqueuedValues = enqueuedValues.isEmpty() ? Map.of() : new LinkedHashMap<>(enqueuedValues);
        this.retryOf = retryOf;
    }

    /** The number of the failed trial this one was enqueued to retry, or -1. */
    int retryOf() {
        return retryOf;
    }

    int number() {
        return number;
    }

    TrialState state() {
        return state;
    }

    /**
     * The process that created or claimed the trial while it runs, or {@code null} when not known,
     * while it waits and once it finished.
     */
    WorkerId worker() {
        return worker;
    }

    /** The values the trial was enqueued with, as text by knob; empty for a trial that was not enqueued. */
    Map<String, String> enqueuedValues() {
        return enqueuedValues;
    }

    /** Makes a {@code WAITING} trial {@code RUNNING} for {@code worker}, started now. */
    void claim(Instant started, WorkerId worker) {
        this.state = TrialState.RUNNING;
        this.started = started;
        this.worker = worker;
        this.shown = worker.shown();
        snapshot = null;
    }

    void setParam(String knob, Distribution distribution, double internal) {
        suggestions.put(knob, new Suggestion(distribution, internal));
        snapshot = null;
    }

    void setIntermediateValue(int step, double value) {
        if (intermediateValues == null) {
            intermediateValues = new TreeMap<>();
        }
        intermediateValues.put(step, value);
        snapshot = null;
    }

    void finish(TrialState state, TrialResult value, TrialFailure failure, Instant finished) {
        this.state = state;
        this.value = value;
        this.failure = Optional.ofNullable(failure);
        this.finished = Optional.of(finished);
        snapshot = null;
        snapshot();
        suggestions = null;
        intermediateValues = null;
        worker = null;   // asked of running trials only, whose worker may have died
    }

    FrozenTrial snapshot() {
        if (snapshot == null) {
            snapshot = new FrozenTrial(number, state, value, suggestions, failure, started, finished,
                    intermediateValues == null ? Collections.emptySortedMap() : intermediateValues, enqueuedValues,
                    shown);
        }
        return snapshot;
    }
}
