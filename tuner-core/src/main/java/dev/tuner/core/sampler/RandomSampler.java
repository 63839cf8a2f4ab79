package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.TrialHistory;

/**
 * Draws every knob independently from its distribution's prior, ignoring the history.
 *
 * <p>Each value comes from its own generator seeded by (seed, trial number, knob name), so a
 * knob's value in a trial does not depend on which other knobs were read, in which order, or on
 * which thread: runs with the same seed propose the same values even when trials run in parallel.
 */
public final class RandomSampler implements Sampler {

    private final long seed;

    /** A random sampler with the given seed. */
    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        return distribution.sample(Seeds.generator(seed, trialNumber, name));
    }

    @Override
    public String toString() {
        return "RandomSampler[seed=" + seed + "]";
    }
}
