package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.sampler.TpeHistory.ColumnKey;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TpeHistoryTest {

    static final Uniform X = Uniform.of(0, 100);
    static final ColumnKey X_KEY = new ColumnKey("x", X);

    final InMemoryStorage storage = new InMemoryStorage();

    TpeHistoryTest() {
        storage.createStudy("s", Direction.MINIMIZE);
    }

    /** A trial with x = its value, finished in {@code state} with the objective value {@code value}. */
    int trial(double x, TrialState state, double value) {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "x", X, x);
        if (state == TrialState.COMPLETE) {
            storage.finishTrial("s", number, state, OptionalDouble.of(value), null);
        } else if (state == TrialState.FAIL) {
            storage.finishTrial("s", number, state, OptionalDouble.empty(), TrialFailure.of(new RuntimeException()));
        }
        return number;
    }

    static TpeSettings settings(boolean liar) {
        TpeSettings d = TpeSampler.builder().seed(1).build().settings();
        return new TpeSettings(d.multivariate(), d.startupTrials(), d.candidates(), 0.1, 25, d.priorWeight(),
                d.bandwidthScale(), d.priorSpread(), d.minBandwidth(), d.magicClip(), d.continuousClip(),
                d.categoricalClip(), 0, liar);
    }

    static double[] values(double[][] points, int count) {
        return Arrays.copyOf(points[0], count);
    }

    @Test
    void theBestGammaShareIsGoodAndTheRestBadOldestFirst() {
        // x = 30 + i with value (i - 10)^2: the best are i = 10, then 9 and 11
        for (int i = 0; i < 20; i++) {
            trial(30 + i, TrialState.COMPLETE, (i - 10) * (i - 10));
        }
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(storage.trials("s"), -1);

        TpeHistory.Split split = history.split(List.of(X_KEY), settings(true));

        assertThat(values(split.below(), split.belowCount())).containsExactly(40, 39);
        assertThat(split.aboveCount()).isEqualTo(18);
        assertThat(values(split.above(), split.aboveCount())).startsWith(30, 31).endsWith(48, 49)
                .doesNotContain(40, 39);
    }

    @Test
    void maximizingRanksTheLargestValuesFirst() {
        for (int i = 0; i < 20; i++) {
            trial(i, TrialState.COMPLETE, i);
        }
        TpeHistory history = new TpeHistory(Direction.MAXIMIZE);
        history.refresh(storage.trials("s"), -1);

        TpeHistory.Split split = history.split(List.of(X_KEY), settings(true));

        assertThat(values(split.below(), split.belowCount())).containsExactly(19, 18);
    }

    @Test
    void failedTrialsAreIgnored() {
        for (int i = 0; i < 10; i++) {
            trial(i, TrialState.COMPLETE, i);
            trial(50 + i, TrialState.FAIL, 0);
        }
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(storage.trials("s"), -1);

        TpeHistory.Split split = history.split(List.of(X_KEY), settings(true));

        assertThat(history.observations()).isEqualTo(10);
        assertThat(split.belowCount() + split.aboveCount()).isEqualTo(10);
        assertThat(Arrays.stream(values(split.above(), split.aboveCount())).max().orElseThrow()).isLessThan(50);
    }

    /** A pruned trial with x = its value that reported {@code values} at steps 0, 1, ...; its value is the last one. */
    int pruned(double x, double... values) {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "x", X, x);
        for (int step = 0; step < values.length; step++) {
            storage.setIntermediateValue("s", number, step, values[step]);
        }
        storage.finishTrial("s", number, TrialState.PRUNED,
                values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[values.length - 1]), null);
        return number;
    }

    @Test
    void prunedTrialsRankAfterCompleteOnesByTheStepTheyReachedThenByTheirLastValue() {
        trial(10, TrialState.COMPLETE, 50);
        pruned(72, -100, -100);          // best value, but stopped early
        pruned(73);                      // reported nothing
        pruned(70, 9, 8, 5);             // reached step 2 with 5
        pruned(74, 9, 8, Double.NaN);    // reached step 2, diverged
        pruned(71, 9, 8, 1);             // reached step 2 with 1: the best pruned one
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(storage.trials("s"), -1);
        TpeSettings d = settings(true);
        TpeSettings everyoneGood = new TpeSettings(d.multivariate(), d.startupTrials(), d.candidates(), 1.0, 25,
                d.priorWeight(), d.bandwidthScale(), d.priorSpread(), d.minBandwidth(), d.magicClip(),
                d.continuousClip(), d.categoricalClip(), 0, true);

        TpeHistory.Split split = history.split(List.of(X_KEY), everyoneGood);

        assertThat(history.observations()).isEqualTo(6);
        assertThat(values(split.below(), split.belowCount())).containsExactly(10, 71, 70, 74, 72, 73);
    }

    @Test
    void readsAViewWhoseTrialNumbersAreNotPositions() {
        // a sampler's view of one Hyperband bracket: trials #1, #3, #5 only, #3 still running at first
        for (int i = 0; i < 6; i++) {
            trial(i, i == 3 ? TrialState.RUNNING : TrialState.COMPLETE, 10 - i);
        }
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(odd(storage.trials("s")), -1);
        assertThat(history.observations()).isEqualTo(2);

        storage.finishTrial("s", 3, TrialState.COMPLETE, OptionalDouble.of(-1), null);
        trial(6, TrialState.COMPLETE, 0);
        trial(7, TrialState.COMPLETE, 0);
        history.refresh(odd(storage.trials("s")), -1);

        assertThat(history.observations()).isEqualTo(4);
        assertThat(values(history.split(List.of(X_KEY), settings(true)).below(), 1)).containsExactly(3.0);
    }

    private static List<dev.tuner.core.trial.FrozenTrial> odd(List<dev.tuner.core.trial.FrozenTrial> trials) {
        return trials.stream().filter(trial -> trial.number() % 2 == 1).toList();
    }

    @Test
    void runningTrialsCountAsBadWithTheConstantLiar() {
        for (int i = 0; i < 10; i++) {
            trial(i, TrialState.COMPLETE, i);
        }
        int worker = trial(77, TrialState.RUNNING, 0);
        int current = trial(88, TrialState.RUNNING, 0);
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(storage.trials("s"), current);

        TpeHistory.Split lying = history.split(List.of(X_KEY), settings(true));
        TpeHistory.Split honest = history.split(List.of(X_KEY), settings(false));

        assertThat(values(lying.above(), lying.aboveCount())).contains(77.0).doesNotContain(88.0);
        assertThat(values(honest.above(), honest.aboveCount())).doesNotContain(77.0, 88.0);
        assertThat(values(lying.below(), lying.belowCount())).doesNotContain(77.0);

        // once the other worker finishes, it is read as a finished trial
        storage.finishTrial("s", worker, TrialState.COMPLETE, OptionalDouble.of(-1), null);
        history.refresh(storage.trials("s"), current);
        assertThat(values(history.split(List.of(X_KEY), settings(true)).below(), 1)).containsExactly(77.0);
    }

    @Test
    void waitingTrialsAreNeitherObservedNorLiedAboutUntilTheyRunAndFinish() {
        for (int i = 0; i < 10; i++) {
            trial(i, TrialState.COMPLETE, i);
        }
        int current = trial(88, TrialState.RUNNING, 0);
        int waiting = storage.enqueueTrial("s", java.util.Map.of("x", "55"));
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(storage.trials("s"), current);

        TpeHistory.Split lying = history.split(List.of(X_KEY), settings(true));

        assertThat(storage.trial("s", waiting).state()).isEqualTo(TrialState.WAITING);
        assertThat(history.observations()).isEqualTo(10);
        assertThat(lying.belowCount() + lying.aboveCount()).isEqualTo(10);

        // claimed by a worker and finished, it is read as any finished trial
        assertThat(storage.createTrial("s")).isEqualTo(waiting);
        storage.setParam("s", waiting, "x", X, 55);
        storage.finishTrial("s", waiting, TrialState.COMPLETE, OptionalDouble.of(-1), null);
        history.refresh(storage.trials("s"), current);
        assertThat(history.observations()).isEqualTo(11);
        assertThat(values(history.split(List.of(X_KEY), settings(true)).below(), 1)).containsExactly(55.0);
    }

    @Test
    void knobsActiveTogetherFormAGroupAndSplitOnlyTheTrialsThatHoldThem() {
        Choice model = Choice.of("A", "B");
        Uniform xa = Uniform.of(-5, 5);
        IntUniform ka = IntUniform.of(1, 10);
        Uniform yb = Uniform.of(0, 1);
        for (int i = 0; i < 12; i++) {
            int number = storage.createTrial("s");
            storage.setParam("s", number, "model", model, i % 2);
            if (i % 2 == 0) {
                storage.setParam("s", number, "x_a", xa, i / 4.0);
                storage.setParam("s", number, "k_a", ka, 1 + i / 2);
            } else {
                storage.setParam("s", number, "y_b", yb, i / 100.0);
            }
            storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(i), null);
        }
        TpeHistory history = new TpeHistory(Direction.MINIMIZE);
        history.refresh(storage.trials("s"), -1);

        assertThat(history.groups()).containsExactlyInAnyOrder(
                List.of(new ColumnKey("model", model)),
                List.of(new ColumnKey("x_a", xa), new ColumnKey("k_a", ka)),
                List.of(new ColumnKey("y_b", yb)));
        TpeHistory.Split branchA = history.split(
                List.of(new ColumnKey("x_a", xa), new ColumnKey("k_a", ka)), settings(true));
        assertThat(branchA.belowCount() + branchA.aboveCount()).isEqualTo(6);
        // the best of branch A is trial 0: x_a = 0, k_a = 1 (model index 0)
        assertThat(branchA.below()[0][0]).isEqualTo(0.0);
        assertThat(branchA.below()[1][0]).isEqualTo(0.0);
    }
}
