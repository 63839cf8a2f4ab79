package dev.tuner.core.study;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;

/**
 * Stops a search whose objective reads no knob: when the study's first complete trial has none,
 * every trial would run the same configuration, so the search would spend its budget learning
 * nothing. That happens when the knobs are not where the study looks (a field in a class the agent
 * does not see, a compile-time constant that javac copied into its readers) or were never declared.
 *
 * <pre>{@code
 * study.optimize(objective, OptimizeSettings.builder().budget(100).callback(new RequireKnobs()).build());
 * }</pre>
 */
public final class RequireKnobs implements TrialCallback {

    private volatile boolean checked;

    /**
     * @throws IllegalStateException after the study's first complete trial, if it read no knob
     */
    @Override
    public void afterTrial(Study study, TrialOutcome outcome) {
        FrozenTrial trial = outcome.trial();
        if (checked || trial.state() != TrialState.COMPLETE) {
            return;
        }
        checked = true;
        if (!trial.suggestions().isEmpty()) {
            return;
        }
        for (FrozenTrial other : study.trials()) {
            if (!other.suggestions().isEmpty()) {
                return;  // a conditional space whose first branch has no knob
            }
        }
        throw new IllegalStateException("study '" + study.name() + "' read no knob in trial #" + trial.number()
                + ", so every trial would run the same configuration; declare knobs: annotate the @Tune method's"
                + " parameters, or fields and methods of the code it runs (not compile-time constants, which javac"
                + " copies into their readers: drop final or initialize them from a method call), or call"
                + " trial.suggest… in the objective");
    }
}
