package dev.tuner.engine;

import java.util.Locale;

/** What a run does with a {@code @Tune} method; see {@link Constants#MODE_PROPERTY_NAME}. */
enum StudyMode {
    /** Runs the study: trials until the budget is spent. */
    SEARCH,
    /** Runs the objective once with the best known parameters. */
    BEST,
    /** Skips the method. */
    OFF;

    /** The mode written in lower case, as in {@code tuner.mode=best}. */
    static StudyMode parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
