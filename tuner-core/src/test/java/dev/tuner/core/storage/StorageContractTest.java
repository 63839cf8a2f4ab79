package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.Direction;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} promises, run against each implementation by a subclass. */
abstract class StorageContractTest {

    private Storage storage;

    /** A new, empty storage. */
    abstract Storage newStorage();

    @BeforeEach
    void createStudy() {
        storage = newStorage();
        storage.createStudy("s", Direction.MINIMIZE);
    }

    @Test
    void trialNumbersCountFromZeroWithinEachStudy() {
        storage.createStudy("other", Direction.MAXIMIZE);

        assertThat(storage.createTrial("s")).isZero();
        assertThat(storage.createTrial("s")).isOne();
        assertThat(storage.createTrial("other")).isZero();
        assertThat(storage.createTrial("s")).isEqualTo(2);
    }

    @Test
    void aNewTrialRunsWithoutValue() {
        int number = storage.createTrial("s");

        FrozenTrial trial = storage.trial("s", number);
        assertThat(trial.state()).isEqualTo(TrialState.RUNNING);
        assertThat(trial.value()).isEmpty();
        assertThat(trial.suggestions()).isEmpty();
        assertThat(trial.failure()).isEmpty();
        assertThat(trial.started()).isNotNull();
        assertThat(trial.finished()).isEmpty();
    }

    @Test
    void keepsParamsInTheOrderTheyWereSet() {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "z", Uniform.of(0, 1), 0.25);
        storage.setParam("s", number, "a", IntUniform.of(0, 9), 4);

        assertThat(storage.trial("s", number).params()).containsExactly(entry("z", 0.25), entry("a", 4L));
        assertThat(storage.trial("s", number).suggestions().get("a").distribution()).isEqualTo(IntUniform.of(0, 9));
    }

    @Test
    void finishingCompletesWithTheValue() {
        int number = storage.createTrial("s");

        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1.5), null);

        FrozenTrial trial = storage.trial("s", number);
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.value()).hasValue(1.5);
        assertThat(trial.finished()).hasValueSatisfying(finished -> assertThat(finished).isAfterOrEqualTo(trial.started()));
    }

    @Test
    void finishingAsFailedKeepsTheFailure() {
        int number = storage.createTrial("s");
        TrialFailure failure = new TrialFailure("java.lang.IllegalStateException", "boom", "X.y(X.java:1)");

        storage.finishTrial("s", number, TrialState.FAIL, OptionalDouble.empty(), failure);

        assertThat(storage.trial("s", number).failure()).hasValue(failure);
        assertThat(storage.trial("s", number).state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void finishingTwiceThrows() {
        int number = storage.createTrial("s");
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThatIllegalStateException()
                .isThrownBy(() -> storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(2), null))
                .withMessageContaining("trial #0")
                .withMessageContaining("already COMPLETE");
        assertThat(storage.trial("s", number).value()).hasValue(1);
    }

    @Test
    void aFinishedTrialTakesNoMoreParams() {
        int number = storage.createTrial("s");
        storage.finishTrial("s", number, TrialState.FAIL, OptionalDouble.empty(), new TrialFailure("E", "", ""));

        assertThatIllegalStateException().isThrownBy(() -> storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5));
    }

    @Test
    void finishingAsRunningOrWaitingIsRejected() {
        int number = storage.createTrial("s");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> storage.finishTrial("s", number, TrialState.RUNNING, OptionalDouble.empty(), null))
                .withMessageContaining("not a finished state");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> storage.finishTrial("s", number, TrialState.WAITING, OptionalDouble.empty(), null));
        assertThat(storage.trial("s", number).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void creatingAnExistingStudyWithTheSameDirectionKeepsItsTrials() {
        storage.createTrial("s");

        storage.createStudy("s", Direction.MINIMIZE);

        assertThat(storage.trials("s")).hasSize(1);
    }

    @Test
    void creatingAnExistingStudyWithTheOtherDirectionThrows() {
        assertThatIllegalStateException()
                .isThrownBy(() -> storage.createStudy("s", Direction.MAXIMIZE))
                .withMessageContaining("study 's' exists with direction MINIMIZE, not MAXIMIZE");
    }

    @Test
    void anUnknownStudyThrows() {
        assertThatIllegalArgumentException().isThrownBy(() -> storage.createTrial("nope"))
                .withMessageContaining("no study named 'nope'");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.trials("nope"));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.trial("nope", 0));
    }

    @Test
    void anUnknownTrialThrows() {
        storage.createTrial("s");

        assertThatIllegalArgumentException().isThrownBy(() -> storage.trial("s", 1)).withMessageContaining("no trial #1");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.trial("s", -1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> storage.finishTrial("s", 5, TrialState.COMPLETE, OptionalDouble.of(1), null));
    }

    @Test
    void trialsIsASnapshot() {
        int number = storage.createTrial("s");
        List<FrozenTrial> before = storage.trials("s");

        storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5);
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);
        storage.createTrial("s");

        assertThat(before).hasSize(1);
        assertThat(before.get(0).state()).isEqualTo(TrialState.RUNNING);
        assertThat(before.get(0).params()).isEmpty();
        assertThat(storage.trials("s")).hasSize(2);
        assertThatThrownBy(() -> before.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStoredTrialCannotBeChangedFromOutside() {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5);
        FrozenTrial trial = storage.trial("s", number);

        assertThatThrownBy(() -> trial.suggestions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> trial.params().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(storage.trial("s", number).params()).containsOnlyKeys("x");
    }
}
