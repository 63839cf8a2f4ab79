package dev.tuner.core.sampler;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
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
 * @param knobSet the knobs the first finished trial held; null before any finished
 * @param whyNotFlat why a Gaussian process does not model the space whole, or null when it does (or
 *     nothing finished yet)
 * @param firstPruned the number of the first pruned trial, -1 while none was pruned
 */
record SpaceProfile(int finished, Set<String> knobSet, String whyNotFlat, int firstPruned) {

    /** The profile of a study with no trial. */
    static final SpaceProfile EMPTY = new SpaceProfile(0, null, null, -1);

    /** Whether a trial was pruned: its final value is unknown, and only TPE learns from how far it got. */
    boolean pruned() {
        return firstPruned >= 0;
    }

    /** Whether a Gaussian process models every knob of the space (see the class comment). */
    boolean flat() {
        return whyNotFlat == null;
    }

    /** How many knobs the finished trials hold; 0 before any finished. */
    int knobs() {
        return knobSet == null ? 0 : knobSet.size();
    }

    static SpaceProfile of(List<FrozenTrial> trials) {
        SpaceProfile profile = EMPTY;
        for (FrozenTrial trial : trials) {
            profile = profile.with(trial);
        }
        return profile;
    }

    /** This profile with {@code trial} counted, if it finished. */
    SpaceProfile with(FrozenTrial trial) {
        if (trial.state() != TrialState.COMPLETE && trial.state() != TrialState.PRUNED) {
            return this;
        }
        Map<String, Suggestion> suggestions = trial.suggestions();
        String why = whyNotFlat;
        if (why == null && knobSet != null && !knobSet.equals(suggestions.keySet())) {
            why = "a conditional space: trial #" + trial.number() + " holds other knobs than the trials before";
        }
        if (why == null) {
            for (Map.Entry<String, Suggestion> knob : suggestions.entrySet()) {
                if (!isModelled(knob.getValue().distribution())) {
                    why = "knob " + knob.getKey() + " is " + kind(knob.getValue().distribution());
                    break;
                }
            }
        }
        int pruned = firstPruned < 0 && trial.state() == TrialState.PRUNED ? trial.number() : firstPruned;
        return new SpaceProfile(finished + 1, knobSet == null ? suggestions.keySet() : knobSet, why, pruned);
    }

    /**
     * Profiles a growing history in time proportional to what changed: it keeps the profile of the
     * longest prefix of trials that can no longer change (complete, pruned or failed) and reads
     * only the trials after it, so that choosing a sampler costs no more than the sampler chosen.
     */
    static final class Scan {

        private int settledTrials;
        private SpaceProfile settled = EMPTY;

        synchronized SpaceProfile of(List<FrozenTrial> trials) {
            while (settledTrials < trials.size() && isSettled(trials.get(settledTrials))) {
                settled = settled.with(trials.get(settledTrials));
                settledTrials++;
            }
            SpaceProfile profile = settled;
            for (int i = settledTrials; i < trials.size(); i++) {
                profile = profile.with(trials.get(i));
            }
            return profile;
        }

        private static boolean isSettled(FrozenTrial trial) {
            TrialState state = trial.state();
            return state == TrialState.COMPLETE || state == TrialState.PRUNED || state == TrialState.FAIL;
        }
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
