package dev.tuner.core.study;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A trial as the storage records it: an immutable snapshot, safe to share and keep.
 *
 * @param number the trial's number in its study, from 0
 * @param state where the trial stands
 * @param value the objective value; present when {@code COMPLETE}
 * @param suggestions the knobs' values in the order they were first read
 * @param failure why the trial failed; present only when {@code FAIL}
 * @param started when the trial was asked for
 * @param finished when it was told, or empty while it runs
 */
public record FrozenTrial(
        int number,
        TrialState state,
        OptionalDouble value,
        Map<String, Suggestion> suggestions,
        Optional<TrialFailure> failure,
        Instant started,
        Optional<Instant> finished) {

    public FrozenTrial {
        suggestions = Collections.unmodifiableMap(new LinkedHashMap<>(suggestions));
    }

    /** The knobs' values as the objective received them, keyed by full knob name, in reading order. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        suggestions.forEach((name, suggestion) -> params.put(name, suggestion.value()));
        return Collections.unmodifiableMap(params);
    }
}
