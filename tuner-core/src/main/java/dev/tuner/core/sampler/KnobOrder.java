package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs of a study in the order they first appeared: trials by number, and within a trial in
 * reading order. Grid and Sobol samplers give each knob its place in that order (its digit in the
 * grid, its dimension in the sequence), so the running trial's earlier reads count too.
 */
final class KnobOrder {

    private KnobOrder() {}

    /** Every knob seen so far, in first-appearance order, with its distribution. */
    static Map<String, Distribution> of(TrialHistory study) {
        Map<String, Distribution> knobs = new LinkedHashMap<>();
        for (FrozenTrial trial : study.trials()) {
            trial.suggestions().forEach((name, suggestion) -> knobs.putIfAbsent(name, suggestion.distribution()));
        }
        return knobs;
    }

    /** The position {@code name} has, or would have if it is read now for the first time. */
    static int indexOf(Map<String, Distribution> knobs, String name) {
        int index = 0;
        for (String known : knobs.keySet()) {
            if (known.equals(name)) {
                return index;
            }
            index++;
        }
        return index;
    }
}
