package it.suggested;

import dev.tuner.runtime.Tuned;

/** Production code: its number of boosting rounds for accuracy and for latency, as the two studies tuned them. */
public final class Booster {

    /** The studies, named as mvn tuner:tune names them; their class lives in the test sources. */
    static final String ACCURACY = "it.suggested.BoostTuning.accuracy";
    static final String LATENCY = "it.suggested.BoostTuning.latency";

    private Booster() {}

    public static int accuracyRounds() {
        return Tuned.value(ACCURACY, "rounds", int.class);
    }

    public static int latencyRounds() {
        return Tuned.value(LATENCY, "rounds", int.class);
    }
}
