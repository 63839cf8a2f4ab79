package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.Direction;
import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link Storage} promises, run against each implementation by a subclass. */
abstract class StorageContractTest {

    enum Kernel { LINEAR, RBF }

    private final List<Storage> opened = new ArrayList<>();
    private Storage storage;

    /** A new, empty storage. */
    abstract Storage newStorage();

    /**
     * Another storage on what the last {@link #newStorage()} keeps (the same file, the same
     * database), as a second worker opens it; a storage that cannot be shared returns the storage itself.
     */
    abstract Storage sameStoreAgain(Storage storage);

    private Storage open(Storage storage) {
        opened.add(storage);
        return storage;
    }

    @BeforeEach
    void createStudy() {
        storage = open(newStorage());
        storage.createStudy("s", Direction.MINIMIZE);
    }

    @AfterEach
    void closeStorages() {
        opened.forEach(Storage::close);
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
    void intermediateValuesComeBackInStepOrderToEveryReader() {
        int number = storage.createTrial("s");
        storage.setIntermediateValue("s", number, 5, 0.5);
        storage.setIntermediateValue("s", number, 0, 0.9);
        storage.setIntermediateValue("s", number, 2, -1.0e-300);

        for (Storage reader : List.of(storage, open(sameStoreAgain(storage)))) {
            FrozenTrial trial = reader.trial("s", number);
            assertThat(trial.intermediateValues()).containsExactly(entry(0, 0.9), entry(2, -1.0e-300), entry(5, 0.5));
            assertThat(trial.lastStep()).hasValue(5);
            assertThat(reader.trials("s").get(0).intermediateValues()).isEqualTo(trial.intermediateValues());
        }
        assertThat(storage.trial("s", storage.createTrial("s")).intermediateValues()).isEmpty();
    }

    @Test
    void reportingAStepAgainReplacesItsValue() {
        int number = storage.createTrial("s");
        storage.setIntermediateValue("s", number, 3, 0.25);

        storage.setIntermediateValue("s", number, 3, 0.75);

        assertThat(storage.trial("s", number).intermediateValues()).containsExactly(entry(3, 0.75));
        assertThat(open(sameStoreAgain(storage)).trial("s", number).intermediateValues()).containsExactly(entry(3, 0.75));
    }

    @Test
    void intermediateValuesKeepNaNAndTheInfinities() {
        int number = storage.createTrial("s");
        storage.setIntermediateValue("s", number, 0, Double.NaN);
        storage.setIntermediateValue("s", number, 1, Double.POSITIVE_INFINITY);
        storage.setIntermediateValue("s", number, 2, Double.NEGATIVE_INFINITY);

        assertThat(open(sameStoreAgain(storage)).trial("s", number).intermediateValues()).containsExactly(
                entry(0, Double.NaN), entry(1, Double.POSITIVE_INFINITY), entry(2, Double.NEGATIVE_INFINITY));
    }

    @Test
    void aPrunedTrialKeepsItsIntermediateValuesAndLastValue() {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5);
        storage.setIntermediateValue("s", number, 0, 0.9);
        storage.setIntermediateValue("s", number, 1, 0.8);

        storage.finishTrial("s", number, TrialState.PRUNED, OptionalDouble.of(0.8), null);

        FrozenTrial pruned = open(sameStoreAgain(storage)).trial("s", number);
        assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
        assertThat(pruned.value()).hasValue(0.8);
        assertThat(pruned.intermediateValues()).containsExactly(entry(0, 0.9), entry(1, 0.8));
        assertThat(pruned.params()).containsExactly(entry("x", 0.5));
    }

    @Test
    void aFinishedTrialTakesNoMoreIntermediateValues() {
        int number = storage.createTrial("s");
        storage.setIntermediateValue("s", number, 0, 1.0);
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThatIllegalStateException().isThrownBy(() -> storage.setIntermediateValue("s", number, 1, 2.0))
                .withMessageContaining("trial #0")
                .withMessageContaining("already COMPLETE");
        assertThat(storage.trial("s", number).intermediateValues()).containsExactly(entry(0, 1.0));
    }

    @Test
    void aNegativeStepOrAnUnknownTrialIsRejected() {
        int number = storage.createTrial("s");

        assertThatIllegalArgumentException().isThrownBy(() -> storage.setIntermediateValue("s", number, -1, 1.0))
                .withMessageContaining("step -1 is negative");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.setIntermediateValue("s", 7, 0, 1.0))
                .withMessageContaining("no trial #7");
        assertThat(storage.trial("s", number).intermediateValues()).isEmpty();
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
    void aStudyOfSeveralObjectivesKeepsItsDirectionsAndItsTrialsTheirValues() {
        storage.createStudy("mo", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        int trial = storage.createTrial("mo");
        storage.setParam("mo", trial, "x", Uniform.of(0, 1), 0.25);

        storage.finishTrial("mo", trial, TrialState.COMPLETE, TrialResult.of(new double[] {0.961, 12.4}, Map.of()), null);

        Storage second = open(sameStoreAgain(storage));
        second.createStudy("mo", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        FrozenTrial stored = second.trials("mo").get(0);
        assertThat(stored.values()).containsExactly(0.961, 12.4);
        assertThat(stored.constraints()).isEmpty();
        assertThat(stored.isFeasible()).isTrue();
        assertThat(stored.params()).containsExactly(entry("x", 0.25));
        assertThatIllegalStateException().isThrownBy(stored::value).withMessageContaining("read values()");
        assertThat(storage.trial("mo", trial).values()).containsExactly(0.961, 12.4);
    }

    @Test
    void constraintsAreKeptWithOneObjectiveOrSeveralAndInEveryState() {
        storage.createStudy("mo", List.of(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE));
        int several = storage.createTrial("mo");
        int one = storage.createTrial("s");
        int failed = storage.createTrial("s");
        Map<String, Double> constraints = new LinkedHashMap<>();
        constraints.put("latency \"ms\" ü", 2.5);
        constraints.put("size", -1e-300);
        constraints.put("edge", Double.NEGATIVE_INFINITY);

        storage.finishTrial("mo", several, TrialState.COMPLETE, TrialResult.of(new double[] {1, -2, 3e-7}, constraints), null);
        storage.finishTrial("s", one, TrialState.COMPLETE, TrialResult.of(new double[] {0.5}, Map.of("size", 0.0)), null);
        storage.finishTrial("s", failed, TrialState.FAIL, TrialResult.of(new double[0], Map.of("size", 1.0)),
                new TrialFailure("java.lang.IllegalStateException", "boom", "A.b(A.java:3)"));

        Storage second = open(sameStoreAgain(storage));
        second.createStudy("s", Direction.MINIMIZE);
        second.createStudy("mo", List.of(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE));
        FrozenTrial stored = second.trial("mo", several);
        assertThat(stored.values()).containsExactly(1.0, -2.0, 3e-7);
        assertThat(stored.constraints()).containsExactly(entry("latency \"ms\" ü", 2.5), entry("size", -1e-300),
                entry("edge", Double.NEGATIVE_INFINITY));
        assertThat(stored.isFeasible()).isFalse();
        FrozenTrial single = second.trials("s").get(one);
        assertThat(single.value()).hasValue(0.5);
        assertThat(single.constraints()).containsExactly(entry("size", 0.0));
        assertThat(single.isFeasible()).isTrue();
        FrozenTrial fail = second.trial("s", failed);
        assertThat(fail.value()).isEmpty();
        assertThat(fail.constraints()).containsExactly(entry("size", 1.0));
        assertThat(fail.failure()).isPresent();
        assertThat(storage.trial("mo", several).result()).isEqualTo(stored.result());
    }

    @Test
    void aStudysDirectionsAreReadBackByEveryWorkerAndAnUnknownStudyHasNone() {
        storage.createStudy("mo", List.of(Direction.MAXIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE));

        Storage second = open(sameStoreAgain(storage));
        assertThat(second.directions("mo")).hasValue(List.of(Direction.MAXIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE));
        assertThat(second.directions("s")).hasValue(List.of(Direction.MINIMIZE));
        assertThat(storage.directions("mo")).hasValue(List.of(Direction.MAXIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE));
        assertThat(storage.directions("nope")).isEmpty();
        second.createStudy("late", Direction.MAXIMIZE);
        assertThat(storage.directions("late")).hasValue(List.of(Direction.MAXIMIZE));
    }

    @Test
    void creatingAnExistingStudyWithOtherDirectionsThrows() {
        storage.createStudy("mo", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));

        assertThatIllegalStateException()
                .isThrownBy(() -> storage.createStudy("mo", List.of(Direction.MINIMIZE, Direction.MAXIMIZE)))
                .withMessageContaining("study 'mo' exists with directions [MAXIMIZE, MINIMIZE], not [MINIMIZE, MAXIMIZE]");
        assertThatIllegalStateException()
                .isThrownBy(() -> storage.createStudy("s", List.of(Direction.MINIMIZE, Direction.MINIMIZE)))
                .withMessageContaining("study 's' exists with directions [MINIMIZE], not [MINIMIZE, MINIMIZE]");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.createStudy("none", List.of()))
                .withMessageContaining("needs at least one direction");
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

    @Test
    void paramsOfEveryKindOfDistributionComeBackEqual() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("uniform", Uniform.of(-10, 10).quantized(0.5));
        space.put("loguniform", LogUniform.of(1e-5, 0.1));
        space.put("normal", Normal.of(0.5, 0.2).clipped(0, 1));
        space.put("lognormal", LogNormal.of(0, 1));
        space.put("intuniform", IntUniform.of(1, 1024).onLogScale());
        space.put("intstep", IntUniform.of(0, 100).withStep(5));
        space.put("bool", Bool.of());
        space.put("choice", Choice.of("relu", 16, 32L, 0.5, true, Kernel.RBF));
        space.put("priority", PriorityChoice.of("adam", "sgd"));
        space.put("fixed", Fixed.of("rbf"));
        space.put("custom", new Squares(12));
        Map<String, Double> internals = Map.ofEntries(Map.entry("uniform", -9.5), Map.entry("loguniform", 3.0e-4),
                Map.entry("normal", 0.123456789012345), Map.entry("lognormal", 2.718281828459045),
                Map.entry("intuniform", 512.0), Map.entry("intstep", 35.0), Map.entry("bool", 1.0),
                Map.entry("choice", 5.0), Map.entry("priority", 1.0), Map.entry("fixed", 0.0), Map.entry("custom", 7.0));
        int number = storage.createTrial("s");
        space.forEach((knob, distribution) -> storage.setParam("s", number, knob, distribution, internals.get(knob)));
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(-1.0e-300), null);

        for (Storage reader : List.of(storage, open(sameStoreAgain(storage)))) {
            FrozenTrial trial = reader.trial("s", number);
            assertThat(trial.suggestions()).containsOnlyKeys(space.keySet());
            assertThat(List.copyOf(trial.suggestions().keySet())).containsExactlyElementsOf(space.keySet());
            space.forEach((knob, distribution) -> assertThat(trial.suggestions().get(knob))
                    .isEqualTo(new Suggestion(distribution, internals.get(knob))));
            assertThat(trial.params()).containsEntry("choice", Kernel.RBF).containsEntry("custom", 49L)
                    .containsEntry("intuniform", 512L).containsEntry("bool", true);
            assertThat(trial.value()).hasValue(-1.0e-300);
        }
    }

    @Test
    void knobsDrawnTogetherWithTheStartAreReadInItAndStoredAfterIt() {
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
        int earlier = storage.createTrial("s");
        storage.finishTrial("s", earlier, TrialState.COMPLETE, OptionalDouble.of(1), null);

        int number = storage.together(() -> {
            int started = storage.startTrialWithinBudget("s", 10, counted).orElseThrow().number();
            assertThat(storage.trials("s")).extracting(FrozenTrial::number).containsExactly(earlier, started);
            storage.setParam("s", started, "x", Uniform.of(0, 1), 0.25);
            storage.setParam("s", started, "y", IntUniform.of(1, 8), 3);
            assertThat(storage.trials("s").get(1).params()).as("read in the unit").containsExactly(entry("x", 0.25), entry("y", 3L));
            assertThat(storage.trial("s", started).params()).containsExactly(entry("x", 0.25), entry("y", 3L));
            return started;
        });
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(2), null);

        Storage second = open(sameStoreAgain(storage));
        assertThat(second.trial("s", number).params()).containsExactly(entry("x", 0.25), entry("y", 3L));
        assertThat(second.trials("s")).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(storage.trial("s", number).value()).hasValue(2);
    }

    @Test
    void knobsDrawnDeferredAreReadAtOnceAndStoredWithTheFinish() {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "x", Uniform.of(0, 1), 0.25);
        storage.setParamDeferred("s", number, "y", IntUniform.of(1, 8), 3);
        storage.setParamDeferred("s", number, "z", Uniform.of(0, 1), 0.75);

        assertThat(storage.trial("s", number).params()).as("this storage's reads")
                .containsExactly(entry("x", 0.25), entry("y", 3L), entry("z", 0.75));
        assertThat(storage.trials("s").get(0).params()).containsExactly(entry("x", 0.25), entry("y", 3L), entry("z", 0.75));
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);

        FrozenTrial finished = open(sameStoreAgain(storage)).trial("s", number);
        assertThat(finished.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(finished.params()).containsExactly(entry("x", 0.25), entry("y", 3L), entry("z", 0.75));
        assertThat(storage.trial("s", number).params()).containsExactly(entry("x", 0.25), entry("y", 3L), entry("z", 0.75));
    }

    @Test
    void knobsDrawnDeferredAreStoredWithTheNextReportedValue() {
        int number = storage.createTrial("s");
        storage.setParamDeferred("s", number, "y", IntUniform.of(1, 8), 3);

        storage.setIntermediateValue("s", number, 0, 0.5);

        FrozenTrial running = open(sameStoreAgain(storage)).trial("s", number);
        assertThat(running.state()).isEqualTo(TrialState.RUNNING);
        assertThat(running.params()).containsExactly(entry("y", 3L));
        assertThat(running.intermediateValues()).containsExactly(entry(0, 0.5));
    }

    @Test
    void knobsDrawnDeferredTogetherWithTheStartAreStoredAfterIt() {
        int number = storage.together(() -> {
            int started = storage.startTrial("s").number();
            storage.setParamDeferred("s", started, "x", Uniform.of(0, 1), 0.25);
            return started;
        });

        assertThat(open(sameStoreAgain(storage)).trial("s", number).params()).containsExactly(entry("x", 0.25));
    }

    @Test
    void knobsDrawnDeferredForSeveralTrialsGoEachWithItsOwnTrial() {
        int first = storage.createTrial("s");
        int second = storage.createTrial("s");
        storage.setParamDeferred("s", first, "x", Uniform.of(0, 1), 0.25);
        storage.setParamDeferred("s", second, "x", Uniform.of(0, 1), 0.5);
        storage.setParamDeferred("s", first, "y", IntUniform.of(1, 8), 2);

        storage.finishTrial("s", first, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThat(storage.trials("s")).extracting(FrozenTrial::params)
                .containsExactly(Map.of("x", 0.25, "y", 2L), Map.of("x", 0.5));
        assertThat(open(sameStoreAgain(storage)).trial("s", first).params()).containsExactly(entry("x", 0.25), entry("y", 2L));
        storage.finishTrial("s", second, TrialState.PRUNED, OptionalDouble.empty(), null);
        assertThat(open(sameStoreAgain(storage)).trial("s", second).params()).containsExactly(entry("x", 0.5));
    }

    @Test
    void aKnobDrawnDeferredForAFinishedTrialIsRefused() {
        int number = storage.createTrial("s");
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThatIllegalStateException().isThrownBy(() -> storage.setParamDeferred("s", number, "x", Uniform.of(0, 1), 0.5))
                .withMessageContaining("already COMPLETE");
        assertThat(storage.trial("s", number).params()).isEmpty();
    }

    @Test
    void closingWritesTheKnobsHeldBackForTrialsLeftRunning() {
        int number = storage.createTrial("s");
        storage.setParamDeferred("s", number, "x", Uniform.of(0, 1), 0.25);

        storage.close();

        assertThat(open(sameStoreAgain(storage)).trial("s", number).params()).containsExactly(entry("x", 0.25));
    }

    @Test
    void aKnobDrawnTogetherForAFinishedTrialIsRefused() {
        int number = storage.createTrial("s");
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThatIllegalStateException().isThrownBy(() -> storage.together(() -> {
            storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5);
            return null;
        })).withMessageContaining("already COMPLETE");
        assertThat(storage.trial("s", number).params()).isEmpty();
    }

    @Test
    void aSecondStorageOnTheSameStoreSeesTheTrialsOfTheFirst() {
        Storage second = open(sameStoreAgain(storage));
        second.createStudy("s", Direction.MINIMIZE);
        int first = storage.createTrial("s");
        storage.setParam("s", first, "x", Uniform.of(0, 1), 0.25);

        int next = second.createTrial("s");
        second.finishTrial("s", first, TrialState.PRUNED, OptionalDouble.of(3), null);

        assertThat(next).isEqualTo(first + 1);
        List<FrozenTrial> trials = storage.trials("s");
        assertThat(trials).extracting(FrozenTrial::number).containsExactly(first, next);
        assertThat(trials.get(0).state()).isEqualTo(TrialState.PRUNED);
        assertThat(trials.get(0).value()).hasValue(3);
        assertThat(trials.get(0).params()).containsExactly(entry("x", 0.25));
        assertThat(storage.trial("s", next).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void failuresKeepEveryField() {
        Storage second = open(sameStoreAgain(storage));
        int number = storage.createTrial("s");
        TrialFailure failure = new TrialFailure("com.acme.Oops", "line one\nline \"two\" ü", "");

        storage.finishTrial("s", number, TrialState.FAIL, OptionalDouble.empty(), failure);

        assertThat(second.trial("s", number).failure()).hasValue(failure);
        assertThat(second.trial("s", number).value()).isEmpty();
        assertThat(second.trial("s", number).finished()).isPresent();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentTrialsGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> {
                    int number = storage.createTrial("s");
                    storage.setParam("s", number, "x", Uniform.of(0, 1), number / 1000.0);
                    storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(number), null);
                    return number;
                });
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> number : pool.invokeAll(tasks)) {
                numbers.add(number.get());
            }

            assertThat(numbers).doesNotHaveDuplicates().hasSize(200).allSatisfy(n -> assertThat(n).isBetween(0, 199));
            assertThat(storage.trials("s")).hasSize(200).allSatisfy(trial -> {
                assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(trial.value()).hasValue(trial.number());
                assertThat(trial.params()).containsExactly(entry("x", trial.number() / 1000.0));
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBudgetStopsNewTrialsOnceSpent() {
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED);
        int failed = storage.createTrial("s");
        storage.finishTrial("s", failed, TrialState.FAIL, OptionalDouble.empty(), new TrialFailure("E", "", ""));

        assertThat(storage.createTrialWithinBudget("s", 2, counted)).hasValue(1);
        assertThat(storage.createTrialWithinBudget("s", 2, counted)).hasValue(2);
        assertThat(storage.createTrialWithinBudget("s", 2, counted)).isEmpty();
        assertThat(storage.createTrialWithinBudget("s", 3, EnumSet.allOf(TrialState.class))).isEmpty();
        assertThat(storage.trials("s")).hasSize(3);
        assertThatIllegalArgumentException().isThrownBy(() -> storage.createTrialWithinBudget("s", -1, counted))
                .withMessageContaining("at least 0");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBudgetIsExactUnderConcurrentWorkers() throws Exception {
        int budget = 60;
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
        List<Storage> workers = List.of(storage, open(sameStoreAgain(storage)), open(sameStoreAgain(storage)));
        ExecutorService pool = Executors.newFixedThreadPool(workers.size() * 2);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int w = 0; w < workers.size() * 2; w++) {
                Storage worker = workers.get(w % workers.size());
                tasks.add(() -> {
                    int ran = 0;
                    OptionalInt number;
                    while ((number = worker.createTrialWithinBudget("s", budget, counted)).isPresent()) {
                        worker.finishTrial("s", number.getAsInt(), TrialState.COMPLETE, OptionalDouble.of(1), null);
                        ran++;
                    }
                    return ran;
                });
            }
            int ran = 0;
            for (Future<Integer> count : pool.invokeAll(tasks)) {
                ran += count.get();
            }

            assertThat(ran).isEqualTo(budget);
            assertThat(storage.trials("s")).hasSize(budget).extracting(FrozenTrial::number).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEnqueuedTrialWaitsWithItsValuesAsText() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("z", "0.25");
        values.put("act", "relu \"quoted\" ü");
        values.put("a", "7");
        int before = storage.createTrial("s");

        int number = storage.enqueueTrial("s", values);

        assertThat(number).isEqualTo(before + 1);
        for (Storage reader : List.of(storage, open(sameStoreAgain(storage)))) {
            FrozenTrial waiting = reader.trial("s", number);
            assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
            assertThat(waiting.enqueuedValues()).containsExactly(entry("z", "0.25"), entry("act", "relu \"quoted\" ü"),
                    entry("a", "7"));
            assertThat(waiting.suggestions()).isEmpty();
            assertThat(waiting.value()).isEmpty();
            assertThat(waiting.finished()).isEmpty();
            assertThat(reader.trials("s")).extracting(FrozenTrial::state)
                    .containsExactly(TrialState.RUNNING, TrialState.WAITING);
            assertThat(reader.trial("s", before).enqueuedValues()).isEmpty();
        }
    }

    @Test
    void startingATrialClaimsTheOldestWaitingOneBeforeAddingOne() {
        int running = storage.createTrial("s");
        int first = storage.enqueueTrial("s", Map.of("x", "1"));
        int second = storage.enqueueTrial("s", Map.of("x", "2"));
        int empty = storage.enqueueTrial("s", Map.of());

        StartedTrial a = storage.startTrial("s");
        StartedTrial b = storage.startTrial("s");
        int c = storage.createTrial("s");
        StartedTrial d = storage.startTrial("s");

        assertThat(a).isEqualTo(new StartedTrial(first, Map.of("x", "1")));
        assertThat(b).isEqualTo(new StartedTrial(second, Map.of("x", "2")));
        assertThat(c).isEqualTo(empty);
        assertThat(d).isEqualTo(new StartedTrial(empty + 1, Map.of()));
        assertThat(running).isLessThan(first);
        FrozenTrial claimed = open(sameStoreAgain(storage)).trial("s", first);
        assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
        assertThat(claimed.enqueuedValues()).containsExactly(entry("x", "1"));
        assertThat(claimed.started()).isAfterOrEqualTo(storage.trial("s", running).started());
        assertThat(storage.trials("s")).extracting(FrozenTrial::state).containsOnly(TrialState.RUNNING);
    }

    @Test
    void aClaimedTrialRunsAsAnyOther() {
        int number = storage.enqueueTrial("s", Map.of("x", "0.5"));
        storage.startTrial("s");

        storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5);
        storage.setIntermediateValue("s", number, 0, 0.75);
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(0.25), null);

        FrozenTrial done = open(sameStoreAgain(storage)).trial("s", number);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.params()).containsExactly(entry("x", 0.5));
        assertThat(done.intermediateValues()).containsExactly(entry(0, 0.75));
        assertThat(done.enqueuedValues()).containsExactly(entry("x", "0.5"));
    }

    @Test
    void aWaitingTrialTakesNoValuesAndCannotBeFinishedBeforeItIsClaimed() {
        int number = storage.enqueueTrial("s", Map.of("x", "0.5"));

        assertThatIllegalStateException().isThrownBy(() -> storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5))
                .withMessageContaining("trial #0 of study 's' is WAITING")
                .withMessageContaining("ask the study for a trial");
        assertThatIllegalStateException().isThrownBy(() -> storage.setIntermediateValue("s", number, 0, 1.0))
                .withMessageContaining("is WAITING");
        assertThatIllegalStateException()
                .isThrownBy(() -> storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null))
                .withMessageContaining("is WAITING");
        FrozenTrial waiting = storage.trial("s", number);
        assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
        assertThat(waiting.suggestions()).isEmpty();
        assertThat(waiting.intermediateValues()).isEmpty();
    }

    @Test
    void waitingTrialsSpendNoBudgetAndThoseBeyondItKeepWaiting() {
        Set<TrialState> all = EnumSet.allOf(TrialState.class);
        int done = storage.createTrial("s");
        storage.finishTrial("s", done, TrialState.COMPLETE, OptionalDouble.of(1), null);
        for (int i = 0; i < 3; i++) {
            storage.enqueueTrial("s", Map.of("i", String.valueOf(i)));
        }

        assertThat(storage.startTrialWithinBudget("s", 1, all)).isEmpty();
        Optional<StartedTrial> first = storage.startTrialWithinBudget("s", 3, all);
        Optional<StartedTrial> second = storage.startTrialWithinBudget("s", 3, all);
        Optional<StartedTrial> third = open(sameStoreAgain(storage)).startTrialWithinBudget("s", 3, all);

        assertThat(first).hasValue(new StartedTrial(1, Map.of("i", "0")));
        assertThat(second).hasValue(new StartedTrial(2, Map.of("i", "1")));
        assertThat(third).isEmpty();
        assertThat(storage.trial("s", 3).state()).isEqualTo(TrialState.WAITING);
        assertThat(storage.createTrialWithinBudget("s", 4, EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE)))
                .hasValue(3);
        assertThat(storage.trials("s")).hasSize(4);
    }

    @Test
    void enqueuedTrialsSurviveClosingTheStorage() {
        storage.enqueueTrial("s", Map.of("x", "0.125"));
        storage.enqueueTrial("s", Map.of("x", "0.875"));
        storage.startTrial("s");
        storage.close();

        Storage reopened = open(sameStoreAgain(storage));

        assertThat(reopened.trials("s")).extracting(FrozenTrial::state)
                .containsExactly(TrialState.RUNNING, TrialState.WAITING);
        assertThat(reopened.startTrial("s")).isEqualTo(new StartedTrial(1, Map.of("x", "0.875")));
        assertThat(reopened.startTrial("s").enqueuedValues()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void workersSharingTheStoreClaimEachEnqueuedTrialExactlyOnce() throws Exception {
        int enqueued = 40;
        int budget = 60;
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
        List<Storage> workers = List.of(storage, open(sameStoreAgain(storage)), open(sameStoreAgain(storage)));
        for (Storage worker : workers) {
            worker.createStudy("s", Direction.MINIMIZE);
        }
        for (int i = 0; i < enqueued / 2; i++) {
            storage.enqueueTrial("s", Map.of("i", String.valueOf(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size() * 2 + 1);
        try {
            List<Callable<List<StartedTrial>>> tasks = new ArrayList<>();
            tasks.add(() -> {  // a worker that enqueues while the others run
                for (int i = enqueued / 2; i < enqueued; i++) {
                    workers.get(1).enqueueTrial("s", Map.of("i", String.valueOf(i)));
                }
                return List.of();
            });
            for (int w = 0; w < workers.size() * 2; w++) {
                Storage worker = workers.get(w % workers.size());
                tasks.add(() -> {
                    List<StartedTrial> mine = new ArrayList<>();
                    Optional<StartedTrial> started;
                    while ((started = worker.startTrialWithinBudget("s", budget, counted)).isPresent()) {
                        int number = started.get().number();
                        worker.setParam("s", number, "x", Uniform.of(0, 1000), number);
                        worker.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(number), null);
                        mine.add(started.get());
                    }
                    return mine;
                });
            }
            List<StartedTrial> all = new ArrayList<>();
            for (Future<List<StartedTrial>> mine : pool.invokeAll(tasks)) {
                all.addAll(mine.get());
            }
            // the enqueuer may finish after the workers spent the budget: its late trials wait
            List<FrozenTrial> trials = storage.trials("s");
            List<String> claimed = all.stream().filter(started -> !started.enqueuedValues().isEmpty())
                    .map(started -> started.enqueuedValues().get("i")).toList();
            List<String> waiting = trials.stream().filter(trial -> trial.state() == TrialState.WAITING)
                    .map(trial -> trial.enqueuedValues().get("i")).toList();

            assertThat(all).hasSize(budget).extracting(StartedTrial::number).doesNotHaveDuplicates();
            List<String> claimedOrWaiting = new ArrayList<>(claimed);
            claimedOrWaiting.addAll(waiting);
            assertThat(claimedOrWaiting).containsExactlyInAnyOrderElementsOf(numbers(enqueued));
            assertThat(trials).hasSize(budget + waiting.size());
            assertThat(trials).filteredOn(trial -> trial.state() == TrialState.COMPLETE).hasSize(budget)
                    .allSatisfy(trial -> assertThat(trial.params()).containsEntry("x", (double) trial.number()));
            for (StartedTrial started : all) {
                assertThat(storage.trial("s", started.number()).enqueuedValues()).isEqualTo(started.enqueuedValues());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void workersStartingWithoutABudgetClaimEachWaitingTrialOnce() throws Exception {
        int enqueued = 30;
        for (int i = 0; i < enqueued; i++) {
            storage.enqueueTrial("s", Map.of("i", String.valueOf(i)));
        }
        List<Storage> workers = List.of(storage, open(sameStoreAgain(storage)), open(sameStoreAgain(storage)));
        ExecutorService pool = Executors.newFixedThreadPool(workers.size() * 2);
        try {
            List<Callable<List<StartedTrial>>> tasks = new ArrayList<>();
            for (int w = 0; w < workers.size() * 2; w++) {
                Storage worker = workers.get(w % workers.size());
                tasks.add(() -> {
                    List<StartedTrial> mine = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        StartedTrial started = worker.startTrial("s");
                        worker.finishTrial("s", started.number(), TrialState.COMPLETE, OptionalDouble.of(1), null);
                        mine.add(started);
                    }
                    return mine;
                });
            }
            List<StartedTrial> all = new ArrayList<>();
            for (Future<List<StartedTrial>> mine : pool.invokeAll(tasks)) {
                all.addAll(mine.get());
            }

            assertThat(all).hasSize(48).extracting(StartedTrial::number).doesNotHaveDuplicates()
                    .allSatisfy(number -> assertThat(number).isBetween(0, 47));
            assertThat(all).filteredOn(started -> !started.enqueuedValues().isEmpty())
                    .extracting(started -> started.enqueuedValues().get("i"))
                    .containsExactlyInAnyOrderElementsOf(numbers(enqueued));
            assertThat(storage.trials("s")).hasSize(48).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedTrialIsRetriedOnceHoweverManyWorkersAsk() throws Exception {
        int failed = storage.createTrial("s");
        storage.setParam("s", failed, "x", Uniform.of(0, 1), 0.5);
        storage.finishTrial("s", failed, TrialState.FAIL, OptionalDouble.empty(), new TrialFailure("E", "worker died", ""));
        List<Storage> workers = List.of(storage, open(sameStoreAgain(storage)), open(sameStoreAgain(storage)));
        ExecutorService pool = Executors.newFixedThreadPool(workers.size() * 2);
        List<OptionalInt> retries = new ArrayList<>();
        try {
            List<Callable<OptionalInt>> tasks = new ArrayList<>();
            for (int w = 0; w < workers.size() * 2; w++) {
                Storage worker = workers.get(w % workers.size());
                tasks.add(() -> worker.enqueueRetry("s", failed, Map.of("x", "0.5")));
            }
            for (Future<OptionalInt> retry : pool.invokeAll(tasks)) {
                retries.add(retry.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(retries).filteredOn(OptionalInt::isPresent).singleElement().isEqualTo(OptionalInt.of(failed + 1));
        assertThat(storage.trial("s", failed + 1).state()).isEqualTo(TrialState.WAITING);
        assertThat(storage.trial("s", failed + 1).enqueuedValues()).containsExactly(entry("x", "0.5"));
        assertThat(storage.trials("s")).hasSize(2);
        storage.close();
        Storage reopened = open(sameStoreAgain(storage));
        assertThat(reopened.enqueueRetry("s", failed, Map.of("x", "0.5"))).isEmpty();
    }

    @Test
    void aRetryIsNotRetriedAndOnlyFailedTrialsAre() {
        int failed = storage.createTrial("s");
        storage.finishTrial("s", failed, TrialState.FAIL, OptionalDouble.empty(), new TrialFailure("E", "", ""));
        int retry = storage.enqueueRetry("s", failed, Map.of()).orElseThrow();
        assertThat(storage.startTrial("s").number()).isEqualTo(retry);
        storage.finishTrial("s", retry, TrialState.FAIL, OptionalDouble.empty(), new TrialFailure("E", "", ""));
        int complete = storage.createTrial("s");
        storage.finishTrial("s", complete, TrialState.COMPLETE, OptionalDouble.of(1), null);

        assertThat(open(sameStoreAgain(storage)).enqueueRetry("s", retry, Map.of())).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> storage.enqueueRetry("s", complete, Map.of()))
                .withMessageContaining("trial #2 of study 's' is COMPLETE, not FAIL, so there is nothing to retry");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.enqueueRetry("s", 9, Map.of()))
                .withMessageContaining("no trial #9");
        assertThat(storage.trials("s")).hasSize(3);
    }

    @Test
    void aTrialShowsTheWorkerThatStartedItOnceFinishedAndToAnotherWorker() {
        Worker self = new Worker(currentHost(), ProcessHandle.current().pid());
        int number = storage.createTrial("s");
        assertThat(storage.trial("s", number).worker()).contains(self);
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);
        int waiting = storage.enqueueTrial("s", Map.of("x", "0.5"));

        Storage other = open(sameStoreAgain(storage));
        assertThat(other.trial("s", number).worker()).contains(self);
        assertThat(other.trial("s", waiting).worker()).as("a trial no worker claimed yet").isEmpty();
        assertThat(other.startTrial("s").number()).isEqualTo(waiting);
        assertThat(storage.trial("s", waiting).worker()).contains(self);
    }

    @Test
    void anAddedTrialKeepsEverythingItCarriesUnderTheStudysNextNumber() {
        storage.finishTrial("s", storage.createTrial("s"), TrialState.COMPLETE, OptionalDouble.of(1), null);
        Map<String, Suggestion> params = new LinkedHashMap<>();
        params.put("lr", new Suggestion(LogUniform.of(1e-4, 1e-1), Math.log(3e-3)));
        params.put("kernel", new Suggestion(Choice.of(Kernel.class), 1));
        params.put("layers", new Suggestion(IntUniform.of(1, 8), 3));
        TreeMap<Integer, Double> reported = new TreeMap<>(Map.of(0, 0.5, 1, Double.NaN, 4, Double.NEGATIVE_INFINITY));
        Instant started = Instant.parse("2025-03-01T10:15:30.123456789Z");
        FrozenTrial elsewhere = new FrozenTrial(41, TrialState.COMPLETE, TrialResult.of(new double[] {0.25},
                Map.of("latency", 2.5)), params, Optional.empty(), started, Optional.of(started.plusMillis(1500)),
                reported, Map.of("ignored", "1"), Optional.of(new Worker("gpu-box", 4711)));

        int number = storage.addTrial("s", elsewhere);

        assertThat(number).as("the study's next number, not the trial's own").isEqualTo(1);
        FrozenTrial expected = new FrozenTrial(1, TrialState.COMPLETE, elsewhere.result(), params, Optional.empty(),
                Instant.parse("2025-03-01T10:15:30.123456Z"), Optional.of(Instant.parse("2025-03-01T10:15:31.623456Z")),
                reported, Map.of(), Optional.of(new Worker("gpu-box", 4711)));
        assertThat(storage.trial("s", number)).isEqualTo(expected);
        assertThat(open(sameStoreAgain(storage)).trials("s")).hasSize(2).last().isEqualTo(expected);
        assertThat(storage.createTrial("s")).as("the trial after it").isEqualTo(2);
    }

    @Test
    void addedPrunedAndFailedTrialsKeepTheirStateAndFailureAndAnUnknownWorkerStaysUnknown() {
        storage.createStudy("two", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        Instant started = Instant.parse("2025-03-01T10:15:30Z");
        TrialFailure failure = new TrialFailure("ValueError", "nan loss", "train.py:12");
        FrozenTrial failed = new FrozenTrial(0, TrialState.FAIL, TrialResult.none(), Map.of(), Optional.of(failure),
                started, Optional.of(started.plusSeconds(2)), new TreeMap<>(), Map.of(), Optional.empty());
        FrozenTrial pruned = new FrozenTrial(1, TrialState.PRUNED, TrialResult.none(),
                Map.of("x", new Suggestion(Uniform.of(0, 1), 0.5)), Optional.empty(), started,
                Optional.of(started.plusSeconds(3)), new TreeMap<>(Map.of(2, 0.75)), Map.of(), Optional.empty());
        FrozenTrial front = new FrozenTrial(0, TrialState.COMPLETE, TrialResult.of(new double[] {0.9, 12.5},
                Map.of()), Map.of(), Optional.empty(), started, Optional.of(started.plusSeconds(4)), new TreeMap<>(),
                Map.of(), Optional.empty());

        storage.addTrial("s", failed);
        storage.addTrial("s", pruned);
        storage.addTrial("two", front);

        for (Storage reader : List.of(storage, open(sameStoreAgain(storage)))) {
            assertThat(reader.trials("s")).containsExactly(failed, pruned);
            assertThat(reader.trials("two")).containsExactly(front);
        }
    }

    @Test
    void onlyAFinishedTrialIsAddedAndARefusedOneLeavesNothing() {
        Instant started = Instant.parse("2025-03-01T10:15:30Z");
        for (TrialState state : List.of(TrialState.RUNNING, TrialState.WAITING)) {
            FrozenTrial unfinished = new FrozenTrial(7, state, TrialResult.none(), Map.of(), Optional.empty(), started,
                    Optional.empty(), new TreeMap<>(), Map.of(), Optional.empty());
            assertThatIllegalArgumentException().isThrownBy(() -> storage.addTrial("s", unfinished))
                    .withMessageContaining("trial #7 to add to study 's' is " + state)
                    .withMessageContaining("only a finished trial (COMPLETE, PRUNED or FAIL, with its finish time)");
        }
        FrozenTrial undated = new FrozenTrial(7, TrialState.COMPLETE, TrialResult.of(1), Map.of(), Optional.empty(),
                started, Optional.empty(), new TreeMap<>(), Map.of(), Optional.empty());
        assertThatIllegalArgumentException().isThrownBy(() -> storage.addTrial("s", undated))
                .withMessageContaining("is COMPLETE without a finish time");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.addTrial("missing", new FrozenTrial(0,
                TrialState.COMPLETE, TrialResult.of(1), Map.of(), Optional.empty(), started, Optional.of(started),
                new TreeMap<>(), Map.of(), Optional.empty()))).withMessageContaining("'missing'");
        FrozenTrial twoValues = new FrozenTrial(7, TrialState.COMPLETE, TrialResult.of(new double[] {1, 2}, Map.of()),
                Map.of(), Optional.empty(), started, Optional.of(started), new TreeMap<>(), Map.of(), Optional.empty());
        assertThatIllegalArgumentException().isThrownBy(() -> storage.addTrial("s", twoValues))
                .withMessageContaining("is COMPLETE with 2 values [1.0, 2.0], but the study has 1 directions [MINIMIZE]");
        FrozenTrial negativeStep = new FrozenTrial(7, TrialState.PRUNED, TrialResult.none(), Map.of(), Optional.empty(),
                started, Optional.of(started), new TreeMap<>(Map.of(-1, 0.5, 0, 0.75)), Map.of(), Optional.empty());
        assertThatIllegalArgumentException().isThrownBy(() -> storage.addTrial("s", negativeStep))
                .withMessageContaining("reported a value at step -1; steps are 0 and above");
        assertThat(storage.trials("s")).isEmpty();
        assertThat(open(sameStoreAgain(storage)).trials("s")).isEmpty();
    }

    @Test
    void objectiveNamesAreKeptForEveryWorkerAndTheLastNamingWins() {
        storage.createStudy("two", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        assertThat(storage.objectiveNames("two")).isEmpty();
        assertThat(storage.objectiveNames("missing")).isEmpty();

        storage.nameObjectives("two", List.of("accuracy", "latency"));
        storage.nameObjectives("s", List.of("loss"));

        assertThat(open(sameStoreAgain(storage)).objectiveNames("two")).contains(List.of("accuracy", "latency"));
        assertThat(open(sameStoreAgain(storage)).objectiveNames("s")).contains(List.of("loss"));
        storage.nameObjectives("two", List.of("top1", "latencyMs"));
        Storage other = open(sameStoreAgain(storage));
        assertThat(other.objectiveNames("two")).contains(List.of("top1", "latencyMs"));
        assertThat(other.directions("two")).contains(List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
    }

    @Test
    void objectiveNamesThatDoNotNameEachObjectiveOnceAreRefusedSayingWhy() {
        storage.createStudy("two", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.nameObjectives("two", List.of("accuracy")))
                .withMessageContaining("study 'two' has 2 objectives [MAXIMIZE, MINIMIZE], but 1 names [accuracy]");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.nameObjectives("two", List.of("a", "a")))
                .withMessageContaining("'a' twice");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.nameObjectives("two", List.of("a", " ")))
                .withMessageContaining("one of them blank");
        assertThatIllegalArgumentException().isThrownBy(() -> storage.nameObjectives("missing", List.of("a")))
                .withMessageContaining("no study named 'missing'");
        assertThat(open(sameStoreAgain(storage)).objectiveNames("two")).isEmpty();
    }

    /** The host name as the storages record it: the kernel's, as {@code WorkerId} reads it. */
    private static String currentHost() {
        return WorkerId.current().host();
    }

    /** The texts 0 to {@code count - 1}: the values the concurrent tests enqueue. */
    private static List<String> numbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(String.valueOf(i));
        }
        return numbers;
    }
}
