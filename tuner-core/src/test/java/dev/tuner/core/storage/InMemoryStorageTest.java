package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.Direction;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
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
    void aStorageThatCannotAddATrialWholeRefusesSayingWhereToAddIt() {
        Storage custom = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                        : method.getName().equals("toString") ? "custom:" : null);
        Instant started = Instant.parse("2025-03-01T10:15:30Z");
        FrozenTrial trial = new FrozenTrial(3, TrialState.COMPLETE, TrialResult.of(1), Map.of(), Optional.empty(),
                started, Optional.of(started), new TreeMap<>(), Map.of(), Optional.empty());

        assertThatThrownBy(() -> custom.addTrial("s", trial)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("storage custom: (a ")
                .hasMessageContaining("cannot add trial #3 to study 's' whole, with its own times, in one write; add it to"
                        + " an InMemoryStorage, a JournalStorage or a JdbcStorage, or implement addTrial");
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
