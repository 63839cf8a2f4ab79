package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.Scale;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnqueueTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final Study study = Studies.on(storage, "warm", 3);

    @Test
    void theNextTrialTakesTheEnqueuedValuesAndTheOneAfterSamples() {
        study.enqueue(Map.of("x", 0.25, "n", 7L));

        Trial first = study.ask();
        assertThat(first.suggestFloat("x", 0, 1)).isEqualTo(0.25);
        assertThat(first.suggestInt("n", 1, 10)).isEqualTo(7);
        assertThat(first.suggestFloat("free", 0, 1)).isBetween(0.0, 1.0);
        study.tell(first, 1);
        assertThat(study.trials().get(0).params()).containsEntry("x", 0.25).containsEntry("n", 7L);

        Trial second = study.ask();
        assertThat(second.suggestFloat("x", 0, 1)).isNotEqualTo(0.25);
    }

    @Test
    void textAsAPropertiesFileHoldsItIsReadByTheKnobsDistribution() {
        study.enqueue(Map.of("lr", "1.0E-3", "layers", "4", "act", "tanh", "bias", "false", "unit", "SECONDS",
                "whole", "3.0"));

        Trial trial = study.ask();

        assertThat(trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG)).isEqualTo(1e-3);
        assertThat(trial.suggestInt("layers", 1, 8)).isEqualTo(4);
        assertThat(trial.suggestCategorical("act", List.of("relu", "tanh"))).isEqualTo("tanh");
        assertThat(trial.suggest("bias", Bool.of())).isEqualTo(false);
        assertThat(trial.suggest("unit", Choice.of(ChronoUnit.MINUTES, ChronoUnit.SECONDS))).isEqualTo(ChronoUnit.SECONDS);
        assertThat(trial.suggest("whole", IntUniform.of(1, 5))).isEqualTo(3L);
    }

    @Test
    void aValueOutsideTheRangeIsAnErrorThatNamesTheKnob() {
        study.enqueue(Map.of("x", "12"));
        Trial trial = study.ask();

        assertThatIllegalArgumentException().isThrownBy(() -> trial.suggestFloat("x", -10, 10))
                .withMessageContaining("'12' enqueued for knob 'x'")
                .withMessageContaining("uniform(-10")
                .withMessageContaining("give a value inside");
    }

    @Test
    void anOptionThatIsNotThereIsAnError() {
        study.enqueue(Map.of("act", "gelu"));
        Trial trial = study.ask();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> trial.suggestCategorical("act", List.of("relu", "tanh")))
                .withMessageContaining("'gelu' enqueued for knob 'act'");
    }

    @Test
    void anEnqueuedTrialIsStoredWaitingWithItsValuesAsText() {
        int number = study.enqueue(Map.of("x", 0.1, "unit", ChronoUnit.SECONDS));

        FrozenTrial waiting = storage.trial("warm", number);
        assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
        assertThat(waiting.enqueuedValues()).containsOnly(entry("x", "0.1"), entry("unit", "SECONDS"));
        assertThat(study.bestTrial()).isEmpty();
    }

    @Test
    void anotherWorkerOnTheStorageTakesTheEnqueuedTrial() {
        study.enqueue(Map.of("x", 0.25));
        Study worker = Studies.on(storage, "warm", 9);

        Trial trial = worker.ask();

        assertThat(trial.number()).isZero();
        assertThat(trial.suggestFloat("x", 0, 1)).isEqualTo(0.25);
        assertThat(study.ask().number()).isOne();
    }

    @Test
    void enqueuedTrialsRunFirstInOrderAndSpendTheBudgetOnlyOnceStarted() {
        study.enqueue(Map.of("x", 0.5));
        study.enqueue(Map.of("x", 0.75));
        study.enqueue(Map.of("x", 0.875));
        List<Double> seen = new ArrayList<>();

        OptimizeResult result = study.optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            seen.add(x);
            return x;
        }, OptimizeSettings.builder().budget(2).build());

        assertThat(result.trialsRun()).isEqualTo(2);
        assertThat(seen).containsExactly(0.5, 0.75);
        assertThat(study.trials()).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.WAITING);

        study.optimize(trial -> trial.suggestFloat("x", 0, 1), OptimizeSettings.builder().budget(3).build());

        assertThat(study.trials()).hasSize(3).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(study.trials().get(2).params()).containsExactly(entry("x", 0.875));
    }

    @Test
    void aValueGivenAsAnObjectReadsBackExactly() {
        double awkward = 0.1 + 0.2;
        study.enqueue(Map.of("x", awkward, "f", 0.3f, "big", (1L << 53) - 1));

        Trial trial = study.ask();

        assertThat(trial.suggestFloat("x", 0, 1)).isEqualTo(awkward);
        assertThat(trial.suggestFloat("f", 0, 1)).isEqualTo((double) 0.3f);
        assertThat(trial.suggest("big", IntUniform.of(0, 1L << 53))).isEqualTo((1L << 53) - 1);
    }
}
