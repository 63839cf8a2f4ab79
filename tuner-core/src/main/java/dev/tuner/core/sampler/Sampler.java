package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import java.util.Map;

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
    double sample(TrialHistory study, int trialNumber, String name, Distribution distribution);

    /**
     * Proposes values for several knobs jointly, once, when trial {@code trialNumber} starts. A knob
     * the trial then reads with the same distribution takes the proposed value; any other knob is
     * drawn by {@link #sample}. Samplers that propose knob by knob keep the default: no proposal.
     *
     * @return the proposals keyed by knob name; each value one that its distribution
     *     {@linkplain Distribution#contains contains}
     */
    default Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
        return Map.of();
    }

    /**
     * Whether this sampler samples a study of several objectives. One that models a single objective
     * value says no, so that a study declared with several fails before its first trial rather than at
     * each; it refuses such a study when asked to sample it too.
     */
    default boolean samplesSeveralObjectives() {
        return true;
    }

    /**
     * What this sampler chose for {@code study}, for the study's summary and report: which samplers
     * an automatic one picked, from which trial on, and why. Empty for a sampler that is always
     * itself.
     */
    default String describe(TrialHistory study) {
        return "";
    }
}
