package dev.tuner.core.study;

import dev.tuner.core.trial.Trial;

/**
 * A {@link MultiObjective} where the study's loop takes an {@link Objective} ({@link Objective#several}):
 * the loop asks {@link Study#valuesOf} for the values, which calls {@link #values}; {@link #evaluate}
 * is never called.
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
    public void prepare(Trial trial) {
        objective.prepare(trial);
    }

    @Override
    public double evaluate(Trial trial) {
        throw new UnsupportedOperationException("trial #" + trial.number() + ": an Objective.several(...) returns a value"
                + " per direction and has no one value; run it through a Study (optimize, runTrial)");
    }

}
