package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest extends StorageContractTest {

    @Override
    Storage newStorage() {
        return new InMemoryStorage();
    }

    @Override
    Storage sameStoreAgain(Storage storage) {
        return storage; // memory is not shared: the same storage stands for a second worker
    }

    @Test
    void aStorageNumberingFromAGivenNumberRunsAKnownTrialUnderItsNumber() {
        Study rerun = Studies.on(InMemoryStorage.numberingFrom(17), "s", 1);
        rerun.enqueue(Map.of("x", 0.25));
        List<Integer> seen = new ArrayList<>();

        rerun.runTrial(trial -> {
            seen.add(trial.number());
            return trial.suggestFloat("x", 0, 1);
        });
        rerun.runTrial(trial -> trial.suggestFloat("x", 0, 1));

        assertThat(seen).containsExactly(17);
        assertThat(rerun.trials()).extracting(FrozenTrial::number).containsExactly(17, 18);
        assertThat(rerun.trials().get(0).params()).containsEntry("x", 0.25);
        assertThat(rerun.bestTrial()).isPresent();
    }

    @Test
    void aStorageNumberingFromAGivenNumberKnowsNoTrialBelowIt() {
        InMemoryStorage storage = InMemoryStorage.numberingFrom(3);
        storage.createStudy("s", Direction.MINIMIZE);
        int number = storage.createTrial("s");
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThat(number).isEqualTo(3);
        assertThat(storage.trial("s", 3).state()).isEqualTo(TrialState.COMPLETE);
        assertThatIllegalArgumentException().isThrownBy(() -> storage.trial("s", 0))
                .withMessage("study 's' has no trial #0");
        assertThatIllegalArgumentException().isThrownBy(() -> InMemoryStorage.numberingFrom(-1))
                .withMessageContaining("trial numbers start at 0 or above, not -1");
    }
}
