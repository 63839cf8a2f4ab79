package dev.tuner.core.study;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Scale;
import dev.tuner.core.space.Uniform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial being evaluated: it hands out knob values, drawing each from the study's sampler the
 * first time it is asked for and returning the same value afterwards (define-by-run).
 *
 * <pre>{@code
 * Trial trial = study.ask();
 * double lr = trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
 * int layers = trial.suggestInt("layers", 1, 8);
 * String act = trial.suggestCategorical("act", List.of("relu", "tanh"));
 * study.tell(trial, train(lr, layers, act));
 * }</pre>
 *
 * <p>A trial serves one thread. Asking for a knob again with a different distribution is an error.
 */
public final class Trial {

    private final Study study;
    private final int number;
    private final Map<String, Suggestion> suggestions = new LinkedHashMap<>();
    private final Map<String, Suggestion> relative;

    Trial(Study study, int number, Map<String, Suggestion> relative) {
        this.study = study;
        this.number = number;
        this.relative = relative;
    }

    /** This trial's number in its study, from 0. */
    public int number() {
        return number;
    }

    /** The study this trial belongs to. */
    public Study study() {
        return study;
    }

    /** A real knob uniform on {@code [low, high]}. */
    public double suggestFloat(String name, double low, double high) {
        return suggestFloat(name, low, high, Scale.LINEAR);
    }

    /** A real knob on {@code [low, high]}, uniform on the given scale. */
    public double suggestFloat(String name, double low, double high, Scale scale) {
        Distribution distribution = scale == Scale.LOG ? LogUniform.of(low, high) : Uniform.of(low, high);
        return (Double) suggest(name, distribution);
    }

    /** An integer knob uniform on {@code low..high}, both inclusive. */
    public int suggestInt(String name, int low, int high) {
        return Math.toIntExact((Long) suggest(name, IntUniform.of(low, high)));
    }

    /** A categorical knob: one of {@code options}. */
    @SuppressWarnings("unchecked")
    public <T> T suggestCategorical(String name, List<T> options) {
        return (T) suggest(name, Choice.of(options));
    }

    /**
     * The value of the knob {@code name} drawn from {@code distribution}: sampled on first use,
     * the same value afterwards.
     *
     * @throws IllegalArgumentException if the knob was suggested before with another distribution
     */
    public Object suggest(String name, Distribution distribution) {
        Suggestion known = suggestions.get(name);
        if (known == null) {
            known = study.suggest(number, name, distribution, relative.get(name));
            suggestions.put(name, known);
        } else if (!known.distribution().equals(distribution)) {
            throw new IllegalArgumentException("knob '" + name + "' of trial #" + number + " was suggested from "
                    + known.distribution() + " and now from " + distribution
                    + "; a knob keeps one distribution, so use another name for the other range");
        }
        return known.value();
    }

    /** The knob values handed out so far, keyed by name, in the order they were first asked for. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        suggestions.forEach((name, suggestion) -> params.put(name, suggestion.value()));
        return Collections.unmodifiableMap(params);
    }
}
