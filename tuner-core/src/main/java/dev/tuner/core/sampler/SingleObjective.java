package dev.tuner.core.sampler;

import dev.tuner.core.trial.TrialHistory;

/** The refusal of a sampler that models one objective to sample a study of several. */
final class SingleObjective {

    /** The samplers of a study of several objectives, as the refusals name them. */
    static final String SEVERAL_OBJECTIVES = "auto (the default), tpe (multi-objective TPE), gp, nsga2, random, qmc or grid";

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
                    + " models one objective value. For a multi-objective study use " + SEVERAL_OBJECTIVES
                    + " (@Tune(sampler = \"tpe\") or -Dtuner.sampler=tpe)");
        }
    }
}
