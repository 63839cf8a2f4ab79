package dev.tuner.core.inject;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.Trial;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trial as a {@code @Tune} method's {@link Trial} parameter sees it: the knobs it suggests by
 * name belong to its study, so {@code trial.suggestInt("rounds", 1, 50)} in study
 * {@code com.acme.BoostTuning.accuracy} is the knob {@code com.acme.BoostTuning.accuracy.rounds},
 * named as a parameter {@code rounds} of that method would be. That full name is the one the storage,
 * the report and the properties files use, so that two studies that each suggest {@code rounds} keep
 * their values apart in one file, and production code reads each by its study.
 *
 * <p>{@link #params()} names the knobs as the method does: without the study's prefix.
 */
final class StudyKnobTrial implements Trial {

    private final Trial trial;
    private final String prefix;

    StudyKnobTrial(Trial trial, String studyName) {
        this.trial = trial;
        this.prefix = studyName + ".";
    }

    @Override
    public int number() {
        return trial.number();
    }

    @Override
    public Object suggest(String name, Distribution distribution) {
        return trial.suggest(prefix + name, distribution);
    }

    @Override
    public void report(int step, double value) {
        trial.report(step, value);
    }

    @Override
    public void constrain(String name, double value) {
        trial.constrain(name, value);
    }

    @Override
    public boolean shouldPrune() {
        return trial.shouldPrune();
    }

    /** The knob values handed out so far: the study's by the name the method gives them, others by full name. */
    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        trial.params().forEach((name, value) ->
                params.put(name.startsWith(prefix) ? name.substring(prefix.length()) : name, value));
        return Collections.unmodifiableMap(params);
    }

    @Override
    public String toString() {
        return trial.toString();
    }
}
