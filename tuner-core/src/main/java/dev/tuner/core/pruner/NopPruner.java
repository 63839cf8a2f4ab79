package dev.tuner.core.pruner;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;

/** Never stops a trial: every trial runs to its end. A study's pruner when none is set. */
public final class NopPruner implements Pruner {

    @Override
    public boolean prune(TrialHistory study, FrozenTrial trial) {
        return false;
    }

    @Override
    public String toString() {
        return "NopPruner";
    }
}
