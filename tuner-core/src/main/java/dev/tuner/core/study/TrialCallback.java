package dev.tuner.core.study;

/**
 * Called after each trial that {@link Study#optimize(Objective, OptimizeSettings)} runs, on the
 * thread that ran it: for progress lines, logging, or saving a model. With parallelism above 1,
 * callbacks of different trials may run at the same time.
 */
@FunctionalInterface
public interface TrialCallback {

    /** The trial has finished and is stored. */
    void afterTrial(Study study, TrialOutcome outcome);
}
