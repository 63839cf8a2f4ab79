package dev.tuner.core.sampler;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Suggestion;
import dev.tuner.core.study.TrialState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link AutoSampler} needs to know of a study's space and history: how many trials finished,
 * how many knobs they hold, and whether a Gaussian process models the space whole: every finished
 * trial holds the same knobs, each a uniform, log-uniform or int range or a choice. Otherwise (knobs
 * that only some trials hold, a conditional space; a normal, log-normal or custom knob, whose prior
 * only TPE honours) it does not.
 *
 * @param finished trials that completed or were pruned
 * @param knobs the knobs the finished trials hold, together
 * @param whyNotFlat why a Gaussian process does not model the space whole, or null when it does (or
 *     nothing finished yet)
 */
record SpaceProfile(int finished, int knobs, String whyNotFlat) {

    /** Whether a Gaussian process models every knob of the space (see the class comment). */
    boolean flat() {
        return whyNotFlat == null;
    }

    static SpaceProfile of(List<FrozenTrial> trials) {
        int finished = 0;
        Set<String> knobs = null;
        String whyNotFlat = null;
        for (FrozenTrial trial : trials) {
            if (trial.state() != TrialState.COMPLETE && trial.state() != TrialState.PRUNED) {
                continue;
            }
            finished++;
            Map<String, Suggestion> suggestions = trial.suggestions();
            if (knobs == null) {
                knobs = suggestions.keySet();
            } else if (whyNotFlat == null && !knobs.equals(suggestions.keySet())) {
                whyNotFlat = "a conditional space: trial #" + trial.number() + " holds other knobs than the trials before";
            }
            if (whyNotFlat == null) {
                for (Map.Entry<String, Suggestion> knob : suggestions.entrySet()) {
                    if (!isModelled(knob.getValue().distribution())) {
                        whyNotFlat = "knob " + knob.getKey() + " is " + kind(knob.getValue().distribution());
                        break;
                    }
                }
            }
        }
        return new SpaceProfile(finished, knobs == null ? 0 : knobs.size(), whyNotFlat);
    }

    private static boolean isModelled(Distribution distribution) {
        return distribution instanceof Uniform || distribution instanceof LogUniform
                || distribution instanceof IntUniform || distribution instanceof Choice
                || distribution instanceof PriorityChoice || distribution instanceof Bool
                || distribution instanceof Fixed;
    }

    private static String kind(Distribution distribution) {
        return "a " + distribution.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                + " knob, whose prior only TPE models";
    }
}
