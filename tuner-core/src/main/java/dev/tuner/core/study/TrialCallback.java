package dev.tuner.core.study;

import dev.tuner.core.trial.Trial;

/**
 * Called around each trial that {@link Study#optimize(Objective, OptimizeSettings)} runs, on the
 * thread that runs it: for progress lines, logging, saving a model, or showing the trial as a test
 * while it runs. With parallelism above 1, callbacks of different trials may run at the same time.
 *
 * <pre>{@code
 * study.optimize(objective, OptimizeSettings.builder().callback(new TrialCallback() {
 *     public void beforeTrial(Study study, Trial trial) { System.out.println("trial " + trial.number() + " starts"); }
 *     public void afterTrial(Study study, TrialOutcome outcome) { System.out.println(outcome.trial()); }
 * }).build());
 * }</pre>
 */
@FunctionalInterface
public interface TrialCallback {

    /**
     * The trial has started and is stored as running, with the knobs the objective reads first
     * already drawn ({@link Objective#prepare}: a {@code @Tune} method's parameters) and the values it
     * was enqueued with; its objective runs next. Without a trial timeout the objective runs on this
     * same thread, so what it prints follows this call (with one, on a thread of its own). If this
     * throws, the trial is told failed with that exception and the study stops, as when
     * {@link #afterTrial} throws. This default does nothing.
     */
    default void beforeTrial(Study study, Trial trial) {}

    /** The trial has finished and is stored. */
    void afterTrial(Study study, TrialOutcome outcome);
}
