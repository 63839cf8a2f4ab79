package dev.tuner.core.study;

import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;

/**
 * What a study optimizes: a function of a trial's knob values.
 *
 * <pre>{@code
 * Objective quad1 = trial -> {
 *     double x = trial.suggestFloat("x", -10, 10);
 *     return x * x - x + 1;
 * };
 * }</pre>
 *
 * <p>Throwing marks the trial {@link TrialState#FAIL} with the exception as the reason; so does
 * returning NaN or an infinity. The study goes on either way.
 */
@FunctionalInterface
public interface Objective {

    /** The objective value for the knob values that {@code trial} hands out. */
    double evaluate(Trial trial) throws Exception;

    /**
     * Draws, before {@link #evaluate} runs, the knobs the objective reads first whatever their
     * values, so that a storage records them together with the trial's start (one lock and one
     * write in a journal, instead of one each). It runs no user code: it only calls
     * {@link Trial#suggest}. A failure here is left for {@code evaluate} to meet again and report.
     * This default draws nothing.
     */
    default void prepare(Trial trial) {}

    /**
     * The objective of a study of several objectives: {@code values} returns one value per direction
     * of the study, in their order. Every method of {@link Study} that runs an objective
     * ({@code optimize}, {@code runTrial}) takes it; a study of several objectives refuses any other.
     *
     * <pre>{@code
     * study.optimize(Objective.several(trial -> {
     *     Model model = Model.train(trial.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG));
     *     trial.constrain("size", model.sizeMb() - 50);          // feasible when at most 50 MB
     *     return new double[] {model.accuracy(), model.latencyMs()};
     * }), 100);
     * }</pre>
     *
     * <p>Its {@link #evaluate} is not called: it has no one value, and throws.
     */
    static Objective several(MultiObjective values) {
        return new SeveralObjectives(values);
    }
}
