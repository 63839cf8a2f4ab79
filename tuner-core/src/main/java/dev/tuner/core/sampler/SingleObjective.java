package dev.tuner.core.sampler;

import dev.tuner.core.trial.TrialHistory;

/** The refusal of a sampler that models one objective to sample a study of several. */
final class SingleObjective {

    private SingleObjective() {}

    /**
     * Checks that {@code study} has one objective.
     *
     * @throws IllegalStateException if it has several, saying which samplers work for it
     */
    static void require(TrialHistory study, String sampler) {
        if (study.isMultiObjective()) {
            throw new IllegalStateException(sampler + " cannot sample study '" + study.name() + "': it has "
                    + study.directions().size() + " objectives " + study.directions() + ", and " + sampler
                    + " models one objective value. For a multi-objective study use tpe (multi-objective TPE), nsga2,"
                    + " random, qmc or grid (@Tune(sampler = \"tpe\") or -Dtuner.sampler=tpe)");
        }
    }
}
