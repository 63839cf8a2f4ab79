package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.Direction;
import dev.tuner.core.pruner.NopPruner;
import dev.tuner.core.pruner.Pruner;
import dev.tuner.core.pruner.TrialGroup;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Reporting intermediate values, asking the pruner, and how a pruned trial ends. */
class PruningTest {

    /** Stops a trial once it reported step {@code step}. */
    private static Pruner stopAt(int step) {
        return (study, trial) -> trial.lastStep().orElse(-1) >= step;
    }

    /** Reports 0.1, 0.2, ... at steps 0..9, throwing TrialPruned when the pruner says so; returns 1. */
    private static double trainThrowing(Trial trial) {
        for (int step = 0; step < 10; step++) {
            trial.report(step, (step + 1) / 10.0);
            if (trial.shouldPrune()) {
                throw new TrialPruned();
            }
        }
        return 1.0;
    }

    @Test
    void reportedValuesAreStoredWithTheTrial() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(new NopPruner()).build();
        Trial trial = study.ask();

        trial.report(0, 0.5);
        trial.report(3, 0.75);

        assertThat(study.trials().get(0).intermediateValues()).containsExactly(entry(0, 0.5), entry(3, 0.75));
        assertThatIllegalArgumentException().isThrownBy(() -> trial.report(-1, 0.5)).withMessageContaining("negative");
    }

    @Test
    void shouldPruneAsksThePrunerWithTheTrialAsStoredAndTheStudy() {
        List<Map<Integer, Double>> seen = new CopyOnWriteArrayList<>();
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner((asked, trial) -> {
            seen.add(trial.intermediateValues());
            return asked.trials().size() > 1;
        }).build();
        Trial trial = study.ask();
        trial.report(0, 0.5);

        assertThat(trial.shouldPrune()).isFalse();
        study.ask();
        assertThat(trial.shouldPrune()).isTrue();
        assertThat(seen).containsExactly(Map.of(0, 0.5), Map.of(0, 0.5));
    }

    @Test
    void throwingTrialPrunedEndsTheTrialPrunedWithItsLastValueAndSaysWhere() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(stopAt(2)).build();

        TrialOutcome outcome = study.runTrial(PruningTest::trainThrowing);

        assertThat(outcome.trial().state()).isEqualTo(TrialState.PRUNED);
        assertThat(outcome.trial().value()).hasValue(0.3);
        assertThat(outcome.trial().lastStep()).hasValue(2);
        assertThat(outcome.trial().failure()).isEmpty();
        assertThat(outcome.failure()).containsInstanceOf(TrialPruned.class);
        assertThat(outcome.failure().orElseThrow()).hasMessage("trial #0 pruned at step 2 (value 0.3)");
        assertThat(outcome.failure().orElseThrow().getStackTrace()[0].getMethodName()).isEqualTo("trainThrowing");
        assertThat(study.bestTrial()).isEmpty();
    }

    @Test
    void returningAfterThePrunerSaidStopPrunesToo() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(stopAt(1)).build();

        TrialOutcome outcome = study.runTrial(trial -> {
            for (int step = 0; step < 10; step++) {
                trial.report(step, step);
                if (trial.shouldPrune()) {
                    break;
                }
            }
            return 123.0;
        });

        assertThat(outcome.trial().state()).isEqualTo(TrialState.PRUNED);
        assertThat(outcome.trial().value()).hasValue(1.0);
        assertThat(outcome.failure().orElseThrow()).hasMessage("trial #0 pruned at step 1 (value 1)");
    }

    @Test
    void aTrialThatGoesOnAfterStopAndReportsAgainCompletes() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(stopAt(1)).build();

        TrialOutcome outcome = study.runTrial(trial -> {
            for (int step = 0; step < 5; step++) {
                trial.report(step, step);
                trial.shouldPrune(); // asked, and ignored
            }
            trial.report(5, 5);
            return 5.0;
        });

        assertThat(outcome.trial().state()).isEqualTo(TrialState.COMPLETE);
        assertThat(outcome.trial().value()).hasValue(5.0);
        assertThat(outcome.failure()).isEmpty();
    }

    @Test
    void aWrappedTrialPrunedPrunesAndKeepsItsReason() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(new NopPruner()).build();

        TrialOutcome outcome = study.runTrial(trial -> {
            trial.report(0, 0.25);
            throw new ExecutionException(new TrialPruned("the learning rate diverged"));
        });

        assertThat(outcome.trial().state()).isEqualTo(TrialState.PRUNED);
        assertThat(outcome.failure().orElseThrow())
                .hasMessage("trial #0 pruned at step 0 (value 0.25): the learning rate diverged");
    }

    @Test
    void aTrialPrunedBeforeItReportedHasNoValue() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(new NopPruner()).build();

        TrialOutcome outcome = study.runTrial(trial -> {
            throw new TrialPruned();
        });

        assertThat(outcome.trial().state()).isEqualTo(TrialState.PRUNED);
        assertThat(outcome.trial().value()).isEmpty();
        assertThat(outcome.failure().orElseThrow()).hasMessage("trial #0 pruned before it reported any step");
    }

    @Test
    void tellPrunedEndsAnAskedTrialWithItsLastValue() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(new NopPruner()).build();
        Trial trial = study.ask();
        trial.report(0, 0.1);
        trial.report(7, 0.7);
        trial.report(3, 0.3);

        FrozenTrial told = study.tellPruned(trial);

        assertThat(told.state()).isEqualTo(TrialState.PRUNED);
        assertThat(told.value()).hasValue(0.7);
    }

    @Test
    void optimizePrunesOnTheWatchedThreadOfATrialTimeoutAndCountsPrunedTrialsInTheBudget() {
        Study study = Studies.builder("s", 3).direction(Direction.MAXIMIZE).pruner(stopAt(4)).build();
        List<TrialOutcome> outcomes = new CopyOnWriteArrayList<>();

        OptimizeResult result = study.optimize(PruningTest::trainThrowing, OptimizeSettings.builder().budget(3)
                .trialTimeout(Duration.ofSeconds(30)).callback((s, outcome) -> outcomes.add(outcome)).build());

        assertThat(result.trialsRun()).isEqualTo(3);
        assertThat(study.trials()).extracting(FrozenTrial::state).containsOnly(TrialState.PRUNED);
        assertThat(outcomes).allSatisfy(outcome ->
                assertThat(outcome.failure().orElseThrow().getMessage()).contains("pruned at step 4 (value 0.5)"));
    }

    @Test
    void withoutAPrunerNoTrialIsPruned() {
        Study study = Studies.inMemory("s", 3);

        study.optimize(PruningTest::trainThrowing, 3);

        assertThat(study.pruner()).isInstanceOf(NopPruner.class);
        assertThat(study.trials()).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.intermediateValues()).hasSize(10));
    }

    /** Puts even and odd trials in two groups. */
    private record Parity(int remainder) implements TrialGroup {
        @Override
        public boolean contains(int trialNumber) {
            return trialNumber % 2 == remainder;
        }
    }

    /** Draws at random and remembers which trial numbers each proposal's study showed. */
    private static final class RecordingSampler implements Sampler {
        final RandomSampler random = new RandomSampler(1);
        final List<TrialHistory> studies = new CopyOnWriteArrayList<>();
        final List<List<Integer>> seen = new CopyOnWriteArrayList<>();

        @Override
        public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
            studies.add(study);
            seen.add(study.trials().stream().map(FrozenTrial::number).toList());
            return random.sample(study, trialNumber, name, distribution);
        }

        @Override
        public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
            studies.add(study);
            seen.add(study.trials().stream().map(FrozenTrial::number).toList());
            return Map.of();
        }
    }

    @Test
    void theSamplerSeesOnlyTheTrialsOfTheGroupThePrunerPutsATrialIn() {
        RecordingSampler sampler = new RecordingSampler();
        Pruner grouping = new Pruner() {
            @Override
            public boolean prune(TrialHistory study, FrozenTrial trial) {
                return false;
            }

            @Override
            public Optional<TrialGroup> samplerGroup(TrialHistory study, int trialNumber) {
                return Optional.of(new Parity(trialNumber % 2));
            }
        };
        Study study = Studies.builder("s", sampler).pruner(grouping).build();

        study.optimize(trial -> trial.suggestFloat("x", 0, 1), 6);

        // trial n's two proposals (relative, then x) saw the trials of n's parity up to n
        List<List<Integer>> expected = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            List<Integer> sameParity = new ArrayList<>();
            for (int m = n % 2; m <= n; m += 2) {
                sameParity.add(m);
            }
            expected.add(sameParity);
            expected.add(sameParity);
        }
        assertThat(sampler.seen).isEqualTo(expected);
        // one view per group, kept, so that a sampler's state per study lives on per group
        assertThat(sampler.studies.get(0)).isSameAs(sampler.studies.get(4)).isNotSameAs(sampler.studies.get(2))
                .isNotSameAs(study);
        assertThat(sampler.studies.get(0).name()).isEqualTo("s");
        assertThat(study.trials()).hasSize(6);
    }
}
