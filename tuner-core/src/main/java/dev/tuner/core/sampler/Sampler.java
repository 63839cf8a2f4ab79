package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.Study;

/**
 * Proposes knob values. Samplers are read-only: they read the study's history and return a value;
 * the trial records it through the storage.
 *
 * <p>A sampler must be safe to call from several threads, and seeded samplers must give the same
 * proposals for the same seed, space and history.
 */
public interface Sampler {

    /**
     * Proposes the internal value of knob {@code name} for trial {@code trialNumber}.
     *
     * @return an internal value that {@code distribution} {@linkplain Distribution#contains contains}
     */
    double sample(Study study, int trialNumber, String name, Distribution distribution);
}
