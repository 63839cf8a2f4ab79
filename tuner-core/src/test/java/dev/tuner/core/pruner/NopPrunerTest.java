package dev.tuner.core.pruner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.trial.TrialState;
import org.junit.jupiter.api.Test;

class NopPrunerTest extends PrunerContractTest {

    @Override
    Pruner pruner() {
        return Pruners.create("nop", java.util.Map.of());
    }

    @Override
    boolean prunesDivergedTrials() {
        return false;
    }

    @Test
    void everyTrialRunsAllItsSteps() {
        assertThat(run(pruner(), Direction.MINIMIZE).trials())
                .allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Override
    boolean refusesSeveralObjectives() {
        return false;
    }
}
