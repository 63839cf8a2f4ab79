package dev.tuner.core.pruner;

import static dev.tuner.core.pruner.History.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianPrunerTest extends PrunerContractTest {

    @Override
    Pruner pruner() {
        return Pruners.create("median", Map.of());
    }

    /** Five completed trials that held 1, 2, 3, 4 and 5 at every step: the median is 3. */
    private static History fiveCompleted(Direction direction, MedianPruner pruner) {
        History history = new History(direction, pruner);
        for (int value = 1; value <= 5; value++) {
            history.complete(flat(value, 10));
        }
        return history;
    }

    @Test
    void prunesOnlyOnceTheStartupTrialsCompleted() {
        History history = new History(Direction.MINIMIZE, MedianPruner.builder().build());
        for (int value = 1; value <= 4; value++) {
            history.complete(flat(value, 10));
        }
        int trial = history.running(9);
        history.running(0); // running trials do not count

        assertThat(history.prune(trial)).isFalse();
        history.complete(flat(5, 10));
        assertThat(history.prune(trial)).isTrue();
    }

    @Test
    void comparesTheTrialsBestValueSoFarWithTheMedianAtThisStep() {
        History history = fiveCompleted(Direction.MINIMIZE, MedianPruner.builder().build());

        assertThat(history.prune(history.running(9, 9, 3.1))).isTrue();
        assertThat(history.prune(history.running(9, 9, 3.0))).isFalse();     // the median itself goes on
        assertThat(history.prune(history.running(2.9, 9, 9))).isFalse();     // its best was better
    }

    @Test
    void maximizingKeepsTheTrialsAboveTheMedian() {
        History history = fiveCompleted(Direction.MAXIMIZE, MedianPruner.builder().build());

        assertThat(history.prune(history.running(2.9))).isTrue();
        assertThat(history.prune(history.running(3.1))).isFalse();
    }

    @Test
    void noPruningBeforeTheWarmUpSteps() {
        History history = fiveCompleted(Direction.MINIMIZE, MedianPruner.builder().warmupSteps(3).build());
        int trial = history.running(9, 9, 9);

        assertThat(history.prune(trial)).isFalse();
        assertThat(history.report(trial, 3, 9).prune(trial)).isTrue();
    }

    @Test
    void judgesOnlyTheFirstReportInEachIntervalAfterTheWarmUp() {
        History history = fiveCompleted(Direction.MINIMIZE, MedianPruner.builder().warmupSteps(1).interval(3).build());
        int trial = history.running(9);
        StringBuilder judged = new StringBuilder();
        for (int step = 1; step < 10; step++) {
            judged.append(history.report(trial, step, 9).prune(trial) ? step : ".");
        }
        // steps 1, 4 and 7 open an interval
        assertThat(judged).hasToString("1..4..7..");

        // a report that skips an interval's first step is judged at the first step it reports in it
        int skipping = history.running(9, 9);
        assertThat(history.report(skipping, 5, 9).prune(skipping)).isTrue();
        assertThat(history.report(skipping, 6, 9).prune(skipping)).isFalse();
    }

    @Test
    void aStepTooFewCompletedTrialsReportedIsNotJudged() {
        History history = new History(Direction.MINIMIZE, MedianPruner.builder().startupTrials(0).minTrials(2).build());
        history.complete(flat(1, 5));
        history.complete(flat(1, 3));
        int trial = history.running(9, 9, 9, 9);

        assertThat(history.prune(trial)).isFalse(); // step 3: one completed trial reported it
        int shorter = history.running(9, 9, 9);
        assertThat(history.prune(shorter)).isTrue(); // step 2: both did
    }

    @Test
    void optionsComeByNameWithMessagesThatNameTheKey() {
        MedianPruner pruner = MedianPruner.builder().options(Map.of("startupTrials", "1", "warmupSteps", "2",
                "interval", "3", "minTrials", "4")).build();

        assertThat(pruner).hasToString("MedianPruner[percentile=50.0, startupTrials=1, warmupSteps=2, interval=3, minTrials=4]");
        assertThatIllegalArgumentException().isThrownBy(() -> MedianPruner.builder().options(Map.of("percentile", "10")))
                .withMessageContaining("the median pruner has no option 'percentile' (tuner.median.percentile)")
                .withMessageContaining("interval, minTrials, startupTrials, warmupSteps");
        assertThatIllegalArgumentException().isThrownBy(() -> MedianPruner.builder().options(Map.of("warmupSteps", "x")))
                .withMessageContaining("tuner.median.warmupSteps=x is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> MedianPruner.builder().interval(0))
                .withMessageContaining("interval must be at least 1");
    }
}
