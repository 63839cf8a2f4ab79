package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private static FrozenTrial complete(int number, double value) {
        return new FrozenTrial(number, TrialState.COMPLETE, OptionalDouble.of(value), Map.of(), Optional.empty(),
                Instant.EPOCH, Optional.of(Instant.EPOCH));
    }

    private static FrozenTrial failed(int number) {
        return new FrozenTrial(number, TrialState.FAIL, OptionalDouble.empty(), Map.of(),
                Optional.of(TrialFailure.of(new IllegalStateException("x"))), Instant.EPOCH, Optional.of(Instant.EPOCH));
    }

    @Test
    void showsTrialsBestRateAndTimeLeft() {
        Progress progress = new Progress(100, 0, Direction.MINIMIZE, 0);
        progress.record(complete(0, 3.0));
        progress.record(complete(1, 1.5));
        progress.record(complete(2, 2.0));
        progress.record(failed(3));

        assertThat(progress.line(2 * SECOND)).isEqualTo("4/100 trials (1 failed) · best 1.5 (#1) · 2 trials/s · ETA 48s");
    }

    @Test
    void theBestFollowsTheDirection() {
        Progress progress = new Progress(10, 0, Direction.MAXIMIZE, 0);
        progress.record(complete(0, 3.0));
        progress.record(complete(1, 7.0));
        progress.record(complete(2, 5.0));

        assertThat(progress.line(SECOND)).contains("best 7 (#1)");
    }

    @Test
    void aResumedStudyCountsItsStoredTrialsButNotInItsRate() {
        Progress progress = new Progress(200, 150, Direction.MINIMIZE, 0);
        progress.record(complete(150, 1.0));

        assertThat(progress.line(SECOND)).startsWith("151/200 trials").contains("1 trials/s").endsWith("ETA 49s");
    }

    @Test
    void aResumedStudysBestIsTheBestOfAllItsTrials() {
        Progress progress = new Progress(5, 3, Direction.MINIMIZE, 0);
        progress.resumeFrom(java.util.List.of(complete(0, 2.0), failed(1), complete(2, 0.5)));
        progress.record(complete(3, 1.0));

        assertThat(progress.line(SECOND)).startsWith("4/5 trials · best 0.5 (#2) · 1 trials/s");
    }

    @Test
    void beforeAnyTrialThereIsNoRate() {
        assertThat(new Progress(5, 0, Direction.MINIMIZE, 0).line(SECOND)).isEqualTo("0/5 trials");
    }

    @Test
    void longEstimatesReadInMinutesAndHours() {
        assertThat(Progress.duration(Duration.ofSeconds(725))).isEqualTo("12m 5s");
        assertThat(Progress.duration(Duration.ofMinutes(200))).isEqualTo("3h 20m");
    }

    private static FrozenTrial told(int number, double accuracy, double latency, double constraint) {
        return new FrozenTrial(number, TrialState.COMPLETE, TrialResult.of(new double[] {accuracy, latency},
                Map.of("latency", constraint)), Map.of(), Optional.empty(), Instant.EPOCH, Optional.of(Instant.EPOCH),
                java.util.Collections.emptySortedMap(), Map.of());
    }

    @Test
    void withSeveralObjectivesItCountsTheParetoSetSoFarAndTheInfeasible() {
        Progress progress = new Progress(10, 0, List.of(Direction.MAXIMIZE, Direction.MINIMIZE), 0);
        progress.resumeFrom(List.of(told(0, 0.8, 10, -1)));
        progress.record(told(1, 0.9, 12, -1));   // joins
        progress.record(told(2, 0.7, 15, -1));   // beaten by both
        progress.record(told(3, 0.95, 5, 3));    // would beat all, but breaks its constraint
        progress.record(told(4, 0.85, 9, -1));   // beats #0

        assertThat(progress.line(SECOND)).startsWith("4/10 trials · Pareto set 2 (1 infeasible) · ");
    }
}
