package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.Direction;
import dev.tuner.core.sampler.TpeHistory.ColumnKey;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-objective TPE: the split by fronts and hypervolume, the weights, and whole studies. */
class TpeMultiObjectiveTest {

    static final Uniform X = Uniform.of(0, 100);
    static final ColumnKey X_KEY = new ColumnKey("x", X);

    final InMemoryStorage storage = new InMemoryStorage();

    TpeMultiObjectiveTest() {
        // the second objective is maximized: its values are given negated, so that the signed points read (a, b)
        storage.createStudy("s", List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
    }

    /** A complete trial with x = {@code x} whose signed objectives are (a, b). */
    void trial(double x, double a, double b) {
        int number = storage.createTrial("s");
        storage.setParam("s", number, "x", X, x);
        storage.finishTrial("s", number, TrialState.COMPLETE, TrialResult.of(new double[] {a, -b}, Map.of()), null);
    }

    /** Trials 0..2 the front (1,4), (2,2), (4,1); the rest dominated. */
    TpeHistory history(int trials) {
        trial(0, 1, 4);
        trial(1, 2, 2);
        trial(2, 4, 1);
        for (int i = 3; i < trials; i++) {
            trial(i, 5 + i, 5 + i);
        }
        TpeHistory history = new TpeHistory(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), true);
        history.refresh(storage.trials("s"), -1);
        return history;
    }

    @Test
    void theGoodGroupIsTakenFromTheFirstFrontByHypervolumeWhenItEndsInsideIt() {
        // 20 trials: 2 good, from the front of 3; (2,2) adds the most hypervolume, then (1,4) and (4,1) tie
        TpeHistory.Split split = history(20).split(List.of(X_KEY), TpeSampler.builder().seed(1).build().settings());

        assertThat(Arrays.copyOf(split.below()[0], split.belowCount())).containsExactly(1, 0);
        assertThat(split.belowWeights()).as("equal weights by default").isNull();
        assertThat(split.aboveCount()).isEqualTo(18);
        assertThat(Arrays.copyOf(split.above()[0], split.aboveCount())).startsWith(2, 3).doesNotContain(0, 1);
    }

    @Test
    void withHypervolumeWeightsEachGoodTrialWeighsItsShareOfTheGoodGroupsHypervolume() {
        // 30 trials: 3 good, the whole front, each weighing its exclusive contribution over the largest
        TpeSettings settings = TpeSampler.builder().seed(1).hypervolumeWeights(true).build().settings();
        TpeHistory.Split split = history(30).split(List.of(X_KEY), settings);

        assertThat(Arrays.copyOf(split.below()[0], split.belowCount())).containsExactly(0, 1, 2);
        assertThat(split.belowWeights()).containsExactly(new double[] {0.1, 1, 0.1}, within(1e-9));
    }

    @Test
    void aTrialThatFinishesLaterReordersTheFronts() {
        TpeHistory history = history(20);
        TpeSettings settings = TpeSampler.builder().seed(1).build().settings();
        history.split(List.of(X_KEY), settings);
        trial(99, 0, 0); // dominates every other trial
        history.refresh(storage.trials("s"), -1);

        TpeHistory.Split split = history.split(List.of(X_KEY), settings);

        assertThat(Arrays.copyOf(split.below()[0], split.belowCount())).containsExactly(99, 1, 0);
    }

    @Test
    void aStudyOfTwoObjectivesRunsThroughOptimizeAndBeatsRandomSearch() {
        double[] tpe = new double[5];
        double[] random = new double[5];
        for (int seed = 0; seed < 5; seed++) {
            tpe[seed] = Zdt1.hypervolume(new TpeSampler(seed), 80);
            random[seed] = Zdt1.hypervolume(new RandomSampler(seed), 80);
        }
        Arrays.sort(tpe);
        Arrays.sort(random);
        assertThat(tpe[2]).isGreaterThan(random[2]);
    }
}
