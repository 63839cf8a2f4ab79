package dev.tuner.core.study;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial that {@link Study#ask()} started: it draws each knob from the study's sampler (or takes
 * the value the trial was enqueued with, or the sampler's joint proposal), records it in the
 * study's storage, and hands the same value out afterwards. Its methods are synchronized, so that
 * the threads an objective starts draw each knob once.
 */
final class StudyTrial implements Trial {

    private final Study study;
    private final int number;
    private final Map<String, Suggestion> suggestions = new LinkedHashMap<>();
    private final Map<String, Suggestion> relative;
    private final Study samplerView;
    /** The values the trial was enqueued with, as text by knob; empty for a trial that was not. */
    private final Map<String, String> given;
    /** The constraints recorded so far, by name, in the order first recorded; made at the first. */
    private Map<String, Double> constraints;
    /** Whether the pruner said stop and nothing was reported since. */
    private volatile boolean stoppedByPruner;

    StudyTrial(Study study, int number, Study samplerView, Map<String, Suggestion> relative, Map<String, String> given) {
        this.study = study;
        this.number = number;
        this.samplerView = samplerView;
        this.relative = relative;
        this.given = given;
    }

    @Override
    public int number() {
        return number;
    }

    /** The study this trial belongs to. */
    Study study() {
        return study;
    }

    @Override
    public synchronized Object suggest(String name, Distribution distribution) {
        Suggestion known = suggestions.get(name);
        if (known == null) {
            known = study.suggest(samplerView, number, name, distribution, relative.get(name), given.get(name));
            suggestions.put(name, known);
        } else if (known.distribution() != distribution && !known.distribution().equals(distribution)) {
            throw new IllegalArgumentException("knob '" + name + "' of trial #" + number + " was suggested from "
                    + known.distribution() + " and now from " + distribution
                    + "; a knob keeps one distribution, so use another name for the other range");
        }
        return known.value();
    }

    @Override
    public void report(int step, double value) {
        study.report(number, step, value);
        stoppedByPruner = false;
    }

    @Override
    public boolean shouldPrune() {
        boolean prune = study.shouldPrune(number);
        stoppedByPruner = prune;
        return prune;
    }

    @Override
    public synchronized void constrain(String name, double value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a constraint of trial #" + number + " needs a non-blank name, such as"
                    + " \"latency\": trial.constrain(\"latency\", latencyMs - 20)");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("constraint '" + name + "' of trial #" + number + " is NaN; a constraint"
                    + " value is a number, at most 0 when the trial is feasible (e.g. latencyMs - 20 for latency ≤ 20 ms)");
        }
        if (constraints == null) {
            constraints = new LinkedHashMap<>();
        }
        constraints.put(name, value);
    }

    /** The constraints recorded so far, by name; empty when none. */
    synchronized Map<String, Double> constraints() {
        return constraints == null ? Map.of() : new LinkedHashMap<>(constraints);
    }

    /** Whether the pruner's last word was stop, with no report since. */
    boolean stoppedByPruner() {
        return stoppedByPruner;
    }

    @Override
    public synchronized Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        suggestions.forEach((name, suggestion) -> params.put(name, suggestion.value()));
        return Collections.unmodifiableMap(params);
    }
}
