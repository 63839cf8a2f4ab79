package dev.tuner.core.study;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
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

    /** Stops once a complete trial reaches {@code target}: at most it when minimizing, at least it when maximizing. */
    static StopCondition targetValue(double target) {
        return (study, last) -> study.bestTrial()
                .map(best -> study.direction() == Direction.MINIMIZE
                        ? best.value().getAsDouble() <= target
                        : best.value().getAsDouble() >= target)
                .orElse(false);
    }

    /**
     * Stops when the last {@code trials} finished trials brought no improvement of the best value:
     * the best trial is at least {@code trials} finished trials old.
     */
    static StopCondition noImprovementFor(int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("noImprovementFor needs at least 1 trial, not " + trials);
        }
        return (study, last) -> {
            // one read of the history: with a database storage each read is a query
            List<FrozenTrial> all = study.trials();
            return study.bestOf(all)
                    .map(best -> all.stream()
                            .filter(trial -> trial.state().isFinished() && trial.number() > best.number())
                            .count() >= trials)
                    .orElse(false);
        };
    }
}
