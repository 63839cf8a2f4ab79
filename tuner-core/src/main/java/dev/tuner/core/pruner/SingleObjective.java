package dev.tuner.core.pruner;

import dev.tuner.core.trial.TrialHistory;

/** The refusal of a pruner, which compares one objective's intermediate values, to judge a study of several. */
final class SingleObjective {

    private SingleObjective() {}

    /**
     * Checks that {@code study} has one objective.
     *
     * @throws IllegalStateException if it has several, saying what to do instead
     */
    static void require(TrialHistory study, String pruner) {
        if (study.isMultiObjective()) {
            throw new IllegalStateException(pruner + " cannot judge the trials of study '" + study.name() + "': it has "
                    + study.directions().size() + " objectives " + study.directions() + ", and " + pruner
                    + " compares the values trials report for one objective. Run a multi-objective study without a"
                    + " pruner: leave it out of Study.builder (or give NopPruner); for a @Tune method, leave out"
                    + " @Tune(pruner) and tuner.pruner (or set \"nop\"). Or prune on one objective in a study of its own");
        }
    }
}
