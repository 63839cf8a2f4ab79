package dev.tuner.core.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingPrunerTest extends PrunerContractTest {

    @Override
    Pruner pruner() {
        return Pruners.create("sh", Map.of());
    }

    /** Rungs at steps 1, 3, 9, 27, keeping a third at each. */
    private static SuccessiveHalvingPruner.Builder thirds() {
        return SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(3);
    }

    @Test
    void atARungATrialGoesOnOnlyAmongTheBestThird() {
        History history = new History(Direction.MINIMIZE, thirds().build());
        for (int value = 1; value <= 9; value++) {
            history.pruned(0, value); // nine trials reached rung 1 with 1, ..., 9, whatever became of them
        }

        // ten values at the rung: the best 3 go on
        assertThat(history.prune(history.running(0, 3.0))).isFalse();
        assertThat(history.prune(history.running(0, 3.5))).isTrue();
    }

    @Test
    void theFirstTrialsToReachARungGoOnIfTheyAreTheBestSoFar() {
        History history = new History(Direction.MINIMIZE, thirds().build());
        int first = history.running(0, 5);
        assertThat(history.prune(first)).isFalse();

        int second = history.running(0, 6);
        assertThat(history.prune(second)).isTrue();
        int third = history.running(0, 4);
        assertThat(history.prune(third)).isFalse();
    }

    @Test
    void aRungIsJudgedOnceAtTheFirstReportPastIt() {
        History history = new History(Direction.MINIMIZE, thirds().build());
        int early = history.running(0, 5);
        assertThat(history.prune(early)).isFalse(); // the first at rung 1
        history.complete(0, 1, 1, 1);               // reached rungs 1 and 3 with 1
        StringBuilder judged = new StringBuilder();
        for (int step = 2; step < 12; step++) {
            // others since did better at rung 1, but early was promoted from it already
            history.pruned(0, 1);
            judged.append(history.report(early, step, 5).prune(early) ? "x" : ".");
        }
        // rung 1 is not judged again; rung 3 is, at step 3, where early's 5 is behind the completed trial's 1
        assertThat(judged).hasToString(".x........");
    }

    @Test
    void aReportThatSkipsRungsIsJudgedAtEachOfThem() {
        History history = new History(Direction.MINIMIZE, thirds().build());
        history.complete(0, 1, 1, 1);    // reached rungs 1 and 3 with 1
        int skipping = history.running(0);

        // at step 4 it passed rung 1 (among the best of 2) and rung 3 (behind the completed one's 1)
        assertThat(history.report(skipping, 4, 0.5).prune(skipping)).isFalse();
        int worse = history.running(0);
        assertThat(history.report(worse, 4, 2).prune(worse)).isTrue();
    }

    @Test
    void theMinEarlyStoppingRateSkipsTheLowestRungs() {
        History history = new History(Direction.MINIMIZE, thirds().minEarlyStoppingRate(1).build());
        history.complete(0, 1, 1, 1);
        int trial = history.running(0, 9, 9);

        assertThat(history.prune(trial)).isFalse();                      // step 2: no rung yet
        assertThat(history.report(trial, 3, 9).prune(trial)).isTrue();   // rung 3
    }

    @Test
    void theBootstrapCountPrunesUntilEnoughTrialsReachedARung() {
        History history = new History(Direction.MINIMIZE, thirds().bootstrapCount(2).build());

        assertThat(history.prune(history.running(0, 1))).isTrue();
        assertThat(history.prune(history.running(0, 1))).isTrue();
        assertThat(history.prune(history.running(0, 1))).isFalse();
    }

    @Test
    void aNaNAtARungIsPruned() {
        History history = new History(Direction.MINIMIZE, thirds().build());

        assertThat(history.prune(history.running(0, Double.NaN))).isTrue();
    }

    @Test
    void maximizingKeepsTheLargestValues() {
        History history = new History(Direction.MAXIMIZE, thirds().build());
        for (int value = 1; value <= 9; value++) {
            history.pruned(0, value);
        }

        assertThat(history.prune(history.running(0, 7.0))).isFalse();
        assertThat(history.prune(history.running(0, 6.5))).isTrue();
    }

    @Test
    void anAutomaticMinResourceIsOnePercentOfTheFirstCompletedTrialsSteps() {
        History history = new History(Direction.MINIMIZE, SuccessiveHalvingPruner.builder().reductionFactor(3).build());
        history.running(0, 0, 0, 0, 0); // a fine trial still running
        int trial = history.running(0, 9, 9, 9);
        assertThat(history.prune(trial)).isFalse(); // nothing completed: no rungs yet

        history.complete(new double[300]);         // 300 steps: the first rung is at step 3
        int late = history.running(0, 9, 9);
        assertThat(history.prune(late)).isFalse();  // step 2
        assertThat(history.report(late, 3, 9).prune(late)).isTrue();
    }

    @Test
    void optionsComeByNameWithMessagesThatNameTheKey() {
        assertThat(SuccessiveHalvingPruner.builder().options(Map.of("minResource", "2", "reductionFactor", "3",
                "minEarlyStoppingRate", "1", "bootstrapCount", "4")).build()).hasToString(
                "SuccessiveHalvingPruner[minResource=2, reductionFactor=3, minEarlyStoppingRate=1, bootstrapCount=4]");
        assertThat(SuccessiveHalvingPruner.builder().options(Map.of("minResource", "auto")).build().toString())
                .contains("minResource=auto, reductionFactor=4");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("sh", Map.of("minResource", "0")))
                .withMessageContaining("tuner.sh.minResource=0 is not a whole number of at least 1, or auto");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("sh", Map.of("reductionFactor", "1")))
                .withMessageContaining("reductionFactor must be at least 2, but it is 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("sh", Map.of("eta", "3")))
                .withMessageContaining("the sh pruner has no option 'eta' (tuner.sh.eta)");
    }
}
