package dev.tuner.core.study;

import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;

/**
 * What a study of several objectives optimizes: a function of a trial's knob values returning one
 * value per direction of the study, in the order the directions were given
 * ({@code Study.Builder#directions}); {@link Objective#several} makes it the {@link Objective} that
 * {@code Study.optimize} and {@code Study.runTrial} take. The study keeps every trial that no other feasible trial beats
 * on every objective: {@link Study#bestTrials()}.
 *
 * <pre>{@code
 * Study study = Study.builder("accuracy-latency")
 *         .directions(Direction.MAXIMIZE, Direction.MINIMIZE)
 *         .sampler(new RandomSampler(1))
 *         .storage(new InMemoryStorage())
 *         .build();
 * study.optimize(Objective.several(trial -> {
 *     Model model = Model.train(trial.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG));
 *     double latencyMs = model.measureLatencyMs();
 *     trial.constrain("size", model.sizeMb() - 50);       // feasible when at most 50 MB
 *     return new double[] {model.accuracy(), latencyMs};   // one value per direction
 * }), 100);
 * }</pre>
 *
 * <p>Throwing marks the trial {@link TrialState#FAIL} with the exception as the reason; so does
 * returning NaN or an infinity among the values, or a number of values other than the study's
 * number of directions. The study goes on either way. A study of one direction takes a
 * {@code MultiObjective} too, returning one value.
 */
@FunctionalInterface
public interface MultiObjective {

    /** The objective values for the knob values that {@code trial} hands out, one per direction of the study. */
    double[] evaluate(Trial trial) throws Exception;

    /**
     * Draws, before {@link #evaluate} runs, the knobs the objective reads first whatever their values,
     * as {@link Objective#prepare} does. This default draws nothing.
     */
    default void prepare(Trial trial) {}

}
