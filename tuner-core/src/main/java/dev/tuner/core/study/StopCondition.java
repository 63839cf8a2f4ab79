package dev.tuner.core.study;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import java.util.List;

/**
 * When {@link Study#optimize(Objective, OptimizeSettings)} stops before its budget is spent.
 *
 * <pre>{@code
 * OptimizeSettings.builder().budget(500).stopWhen(StopCondition.targetValue(0.99)).build();
 * OptimizeSettings.builder().budget(500).stopWhen(StopCondition.noImprovementFor(50)).build();
 * }</pre>
 */
@FunctionalInterface
public interface StopCondition {

    /** Whether to start no further trial, given the study as it is after {@code last} finished. */
    boolean shouldStop(Study study, FrozenTrial last);

    /**
     * Stops once a complete, feasible trial reaches {@code target}: at most it when minimizing, at least
     * it when maximizing.
     *
     * <p>A study of several objectives has no one value to reach: there it throws, at the first trial's end.
     */
    static StopCondition targetValue(double target) {
        return (study, last) -> {
            if (study.isMultiObjective()) {
                throw new IllegalStateException("StopCondition.targetValue(" + target + ") cannot stop study '"
                        + study.name() + "': it has " + study.directions().size() + " objectives "
                        + study.objectiveNames() + " and no one value to reach " + target + "; stop it with"
                        + " noImprovementFor(trials), which waits for the Pareto set to stop growing, or with a"
                        + " StopCondition of your own over study.bestTrials()");
            }
            return reached(study, target);
        };
    }

    private static boolean reached(Study study, double target) {
        return study.bestTrial()
                .map(best -> study.direction() == Direction.MINIMIZE
                        ? best.value().getAsDouble() <= target
                        : best.value().getAsDouble() >= target)
                .orElse(false);
    }

    /**
     * Stops when the last {@code trials} finished trials brought no improvement of the best value:
     * the best trial is at least {@code trials} finished trials old. In a study of several objectives,
     * when none of them joined the Pareto set (the feasible trials no other beats on every
     * objective): its newest trial is at least {@code trials} finished trials old.
     */
    static StopCondition noImprovementFor(int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("noImprovementFor needs at least 1 trial, not " + trials);
        }
        return (study, last) -> {
            // one read of the history: with a database storage each read is a query
            List<FrozenTrial> all = study.trials();
            if (study.isMultiObjective()) {
                List<FrozenTrial> front = TrialHistory.bestTrials(all, study.directions());
                if (front.isEmpty()) {
                    return false;
                }
                int newest = front.get(front.size() - 1).number();
                return all.stream().filter(trial -> trial.state().isFinished() && trial.number() > newest).count() >= trials;
            }
            return study.bestOf(all)
                    .map(best -> all.stream()
                            .filter(trial -> trial.state().isFinished() && trial.number() > best.number())
                            .count() >= trials)
                    .orElse(false);
        };
    }
}
