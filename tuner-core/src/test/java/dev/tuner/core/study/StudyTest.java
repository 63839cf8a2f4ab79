package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.tuner.Direction;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudyTest {

    private final Storage storage = new InMemoryStorage();

    /** Tells the study one trial per value, in order; NaN stands for a failed trial. */
    private static void tellAll(Study study, double... values) {
        for (double value : values) {
            Trial trial = study.ask();
            if (Double.isNaN(value)) {
                study.tellFailure(trial, new IllegalStateException("failed on purpose"));
            } else {
                study.tell(trial, value);
            }
        }
    }

    private static double explode() {
        throw new IllegalStateException("boom");
    }

    @Test
    void askStartsRunningTrialsNumberedFromZero() {
        Study study = Studies.on(storage, "quad1", 1);

        Trial first = study.ask();
        Trial second = study.ask();

        assertThat(first.number()).isZero();
        assertThat(second.number()).isOne();
        assertThat(Study.of(first)).isSameAs(study);
        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.RUNNING, TrialState.RUNNING);
    }

    @Test
    void tellCompletesTheTrialWithItsValueAndKnobs() {
        Study study = Studies.on(storage, "quad1", 1);
        Trial trial = study.ask();
        double x = trial.suggestFloat("x", -10, 10);

        FrozenTrial told = study.tell(trial, x * x);

        assertThat(told.number()).isZero();
        assertThat(told.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(told.value()).hasValue(x * x);
        assertThat(told.params()).containsExactly(org.assertj.core.api.Assertions.entry("x", x));
        assertThat(told.failure()).isEmpty();
        assertThat(told.finished()).isPresent();
        assertThat(study.trials()).containsExactly(told);
    }

    @Test
    void tellingATrialTwiceFails() {
        Study study = Studies.on(storage, "quad1", 1);
        Trial trial = study.ask();
        study.tell(trial, 1.0);

        assertThatIllegalStateException().isThrownBy(() -> study.tell(trial, 2.0)).withMessageContaining("already COMPLETE");
        assertThat(study.trials().get(0).value()).hasValue(1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void tellingANonFiniteValueFailsTheTrial(double value) {
        Study study = Studies.on(storage, "quad1", 1);
        Trial trial = study.ask();

        FrozenTrial told = study.tell(trial, value);

        assertThat(told.state()).isEqualTo(TrialState.FAIL);
        assertThat(told.value()).isEmpty();
        assertThat(told.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.type()).isEqualTo(NonFiniteObjectiveException.class.getName());
            assertThat(failure.message()).contains("returned " + value, "trial #0", "return a finite number");
        });
    }

    @Test
    void runTrialFailsTheTrialWithTheObjectivesExceptionAndTheStudyGoesOn() {
        Study study = Studies.on(storage, "quad1", 1);

        TrialOutcome failed = study.runTrial(trial -> {
            trial.suggestFloat("x", 0, 1);
            return explode();
        });
        TrialOutcome completed = study.runTrial(trial -> trial.suggestFloat("x", 0, 1));

        assertThat(failed.failure()).containsInstanceOf(IllegalStateException.class);
        assertThat(failed.failure().orElseThrow()).hasMessage("boom");
        assertThat(failed.trial().state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.trial().params()).containsKey("x");
        assertThat(failed.trial().failure()).hasValueSatisfying(failure -> {
            assertThat(failure.type()).isEqualTo("java.lang.IllegalStateException");
            assertThat(failure.message()).isEqualTo("boom");
            assertThat(failure.where()).startsWith(StudyTest.class.getName() + ".explode(StudyTest.java:");
        });
        assertThat(completed.failure()).isEmpty();
        assertThat(completed.trial().number()).isOne();
        assertThat(completed.trial().state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void runTrialFailsTheTrialOnAFailedAssertion() {
        TrialOutcome outcome = Studies.on(storage, "quad1", 1).runTrial(trial -> {
            throw new AssertionError("expected more");
        });

        assertThat(outcome.trial().state()).isEqualTo(TrialState.FAIL);
        assertThat(outcome.trial().failure().orElseThrow().type()).isEqualTo("java.lang.AssertionError");
    }

    @Test
    void runTrialFailsTheTrialOnANonFiniteObjective() {
        TrialOutcome outcome = Studies.on(storage, "quad1", 1).runTrial(trial -> Double.NaN);

        assertThat(outcome.trial().state()).isEqualTo(TrialState.FAIL);
        assertThat(outcome.failure()).containsInstanceOf(NonFiniteObjectiveException.class);
        assertThat(outcome.trial().failure().orElseThrow().type()).isEqualTo(NonFiniteObjectiveException.class.getName());
    }

    @Test
    void optimizeRunsEveryTrialThroughFailures() {
        Study study = Studies.on(storage, "quad1", 1);

        study.optimize(trial -> trial.number() % 2 == 0 ? trial.number() : explode(), 10);

        assertThat(study.trials()).hasSize(10);
        assertThat(study.trials()).filteredOn(trial -> trial.state() == TrialState.FAIL).hasSize(5);
        assertThat(study.trials()).filteredOn(trial -> trial.state() == TrialState.COMPLETE).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void optimizeRejectsFewerThanOneTrial(int trials) {
        Study study = Studies.on(storage, "quad1", 1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> study.optimize(trial -> 0, trials))
                .withMessageContaining("at least 1")
                .withMessageContaining(String.valueOf(trials));
        assertThat(study.trials()).isEmpty();
    }

    @Test
    void bestTrialMinimizes() {
        Study study = Studies.on(storage, "quad1", 1);
        tellAll(study, 3, 2, Double.NaN, 1, 4);

        assertThat(study.bestTrial()).map(FrozenTrial::number).hasValue(3);
    }

    @Test
    void bestTrialMaximizes() {
        Study study = Studies.builder("quad1", 1).direction(Direction.MAXIMIZE).storage(storage).build();
        tellAll(study, 3, 2, Double.NaN, 5, 4);

        assertThat(study.bestTrial()).map(FrozenTrial::number).hasValue(3);
    }

    @Test
    void bestTrialIsTheEarliestOnTiesWhenMinimizing() {
        Study study = Studies.on(storage, "quad1", 1);
        tellAll(study, 2, 1, 3, 1, 1);

        assertThat(study.bestTrial()).map(FrozenTrial::number).hasValue(1);
    }

    @Test
    void bestTrialIsTheEarliestOnTiesWhenMaximizing() {
        Study study = Studies.builder("quad1", 1).direction(Direction.MAXIMIZE).storage(storage).build();
        tellAll(study, 2, 3, 1, 3, 3);

        assertThat(study.bestTrial()).map(FrozenTrial::number).hasValue(1);
    }

    @Test
    void bestTrialIgnoresRunningAndFailedTrials() {
        Study study = Studies.on(storage, "quad1", 1);
        tellAll(study, Double.NaN);
        study.ask();

        assertThat(study.bestTrial()).isEmpty();
    }

    @Test
    void aStudyOnAStorageThatHoldsItsTrialsContinuesThem() {
        tellAll(Studies.on(storage, "quad1", 1), 5, 4);

        Study again = Studies.on(storage, "quad1", 1);
        tellAll(again, 3);

        assertThat(again.trials()).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
        assertThat(again.bestTrial()).map(FrozenTrial::number).hasValue(2);
    }

    @Test
    void aStudyNeedsANonBlankName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Study.builder(" ")).withMessageContaining("non-blank name");
        assertThatIllegalArgumentException().isThrownBy(() -> Study.builder(null));
    }

    @Test
    void aStudyNeedsASamplerAndAStorage() {
        assertThatNullPointerException()
                .isThrownBy(() -> Study.builder("s").storage(storage).build())
                .withMessage("sampler");
        assertThatNullPointerException()
                .isThrownBy(() -> Study.builder("s").sampler(new RandomSampler(1)).build())
                .withMessage("storage");
    }

    @Test
    void aSamplerProposingAValueOutsideTheRangeIsCaughtAsABug() {
        Study study = Studies.on(storage, "s", (s, number, name, distribution) -> 2.0);
        Trial trial = study.ask();

        assertThatIllegalStateException()
                .isThrownBy(() -> trial.suggestFloat("x", 0, 1))
                .withMessageContaining("proposed 2.0 for knob 'x'")
                .withMessageContaining("bug in the sampler");
        assertThat(study.trials().get(0).suggestions()).isEmpty();
    }

    @Test
    void theStorageRecordsEveryKnobAsItIsRead() {
        Study study = Studies.on(storage, "quad1", 1);
        Trial trial = study.ask();
        trial.suggestInt("b", 1, 3);
        trial.suggestCategorical("a", List.of("x", "y"));

        assertThat(List.copyOf(storage.trial("quad1", 0).params().keySet())).containsExactly("b", "a");
    }
}
