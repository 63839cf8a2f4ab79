package dev.tuner.core.trial;

import dev.tuner.core.space.Distribution;

/**
 * One knob's value in a trial: the distribution it was drawn from and its internal value.
 *
 * @param distribution the knob's distribution
 * @param internal the value as the sampler and the storage see it
 */
public record Suggestion(Distribution distribution, double internal) {

    /** The value the objective received. */
    public Object value() {
        return distribution.toExternal(internal);
    }
}
