package dev.tuner.core.study;

import dev.tuner.core.trial.Trial;

/**
 * A {@link MultiObjective} where the study's loop takes an {@link Objective}: the loop asks
 * {@link Study#valuesOf} for the values, which calls {@link #values}; {@link #evaluate} is never called.
 */
final class SeveralObjectives implements Objective {

    private final MultiObjective objective;

    SeveralObjectives(MultiObjective objective) {
        this.objective = java.util.Objects.requireNonNull(objective, "objective");
    }

    double[] values(Trial trial) throws Exception {
        return objective.evaluate(trial);
    }

    @Override
    public double evaluate(Trial trial) {
        throw new UnsupportedOperationException("a multi-objective objective returns several values; call values(trial)");
    }

    @Override
    public void prepare(Trial trial) {
        objective.prepare(trial);
    }
}
