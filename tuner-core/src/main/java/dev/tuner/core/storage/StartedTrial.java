package dev.tuner.core.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial a {@link Storage} just started for a worker: a new one, or a waiting one the worker
 * claimed, with the values it was {@linkplain Storage#enqueueTrial enqueued} with. The study hands
 * those to the trial, so starting a trial needs no second read of the storage.
 *
 * @param number the trial's number in its study
 * @param enqueuedValues the knob values as text by full knob name, in the order given; empty for a
 *     trial that was not enqueued
 */
public record StartedTrial(int number, Map<String, String> enqueuedValues) {

    public StartedTrial {
        enqueuedValues = enqueuedValues.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(enqueuedValues));
    }

    /** A new trial, which was not enqueued. */
    public static StartedTrial of(int number) {
        return new StartedTrial(number, Map.of());
    }
}
