package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.WorkerDiedException;
import dev.tuner.core.study.OptimizeResult.StopReason;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OptimizeTest {

    private final InMemoryStorage storage = new InMemoryStorage();

    private static double quadratic(Trial trial) {
        double x = trial.suggestFloat("x", -10, 10);
        return x * x;
    }

    @Test
    void theBudgetCountsTheStudysTrialsNotThisCallsOnes() {
        Study study = Studies.on(storage, "s", 5);
        study.optimize(OptimizeTest::quadratic, 30);

        OptimizeResult result = study.optimize(OptimizeTest::quadratic, OptimizeSettings.builder().budget(50).build());

        assertThat(result.trialsRun()).isEqualTo(20);
        assertThat(result.reason()).isEqualTo(StopReason.BUDGET_SPENT);
        assertThat(study.trials()).hasSize(50);
    }

    @Test
    void parallelWorkersRunTrialsAtOnceAndSpendTheBudgetExactly() {
        Study study = Studies.on(storage, "s", 5);
        CountDownLatch together = new CountDownLatch(4);
        AtomicInteger overlapped = new AtomicInteger();

        study.optimize(trial -> {
            together.countDown();
            // the first four trials wait for each other: only parallel workers get past this without waiting it out
            if (together.await(60, TimeUnit.SECONDS)) {
                overlapped.incrementAndGet();
            }
            return quadratic(trial);
        }, OptimizeSettings.builder().budget(40).parallelism(4).build());

        assertThat(overlapped.get()).as("trials that did not wait the gate out").isEqualTo(40);
        assertThat(study.trials()).hasSize(40)
                .allMatch(trial -> trial.state() == TrialState.COMPLETE);
        assertThat(study.trials().stream().map(FrozenTrial::number).distinct()).hasSize(40);
    }

    @Test
    void callbacksHearOfEachTrialBeforeItsObjectiveRunsOnTheThreadThatRunsIt() {
        Study study = Studies.on(storage, "s", 5);
        List<String> heard = new CopyOnWriteArrayList<>();
        Objective objective = new Objective() {
            @Override
            public void prepare(Trial trial) {
                trial.suggestFloat("x", -10, 10);
            }

            @Override
            public double evaluate(Trial trial) {
                heard.add("evaluate #" + trial.number() + " on " + Thread.currentThread().getName());
                return quadratic(trial);
            }
        };

        study.optimize(objective, OptimizeSettings.builder().budget(2).callback(new TrialCallback() {
            @Override
            public void beforeTrial(Study called, Trial trial) {
                FrozenTrial stored = called.trials().get(trial.number());
                heard.add("before #" + trial.number() + " " + stored.state() + " " + trial.params().keySet()
                        + " on " + Thread.currentThread().getName());
            }

            @Override
            public void afterTrial(Study called, TrialOutcome outcome) {
                heard.add("after #" + outcome.trial().number() + " " + outcome.trial().state()
                        + " on " + Thread.currentThread().getName());
            }
        }).build());

        assertThat(heard).containsExactly(
                "before #0 RUNNING [x] on tuner-worker-1", "evaluate #0 on tuner-worker-1", "after #0 COMPLETE on tuner-worker-1",
                "before #1 RUNNING [x] on tuner-worker-1", "evaluate #1 on tuner-worker-1", "after #1 COMPLETE on tuner-worker-1");
    }

    @Test
    void aTrialWhoseBeforeCallbackThrowsIsToldFailedAndTheStudyStops() {
        Study study = Studies.on(storage, "s", 5);
        AtomicInteger evaluated = new AtomicInteger();

        assertThatIllegalStateException()
                .isThrownBy(() -> study.optimize(trial -> evaluated.incrementAndGet(), OptimizeSettings.builder()
                        .budget(3).callback(new TrialCallback() {
                            @Override
                            public void beforeTrial(Study called, Trial trial) {
                                throw new IllegalArgumentException("no listener");
                            }

                            @Override
                            public void afterTrial(Study called, TrialOutcome outcome) {}
                        }).build()))
                .withMessageContaining("no listener");

        assertThat(evaluated).hasValue(0);
        assertThat(study.trials()).singleElement().satisfies(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.FAIL);
            assertThat(trial.failure()).map(TrialFailure::message).contains("no listener");
        });
    }

    @Test
    void runTrialCallsTheCallbackAroundTheObjective() {
        Study study = Studies.on(storage, "s", 5);
        List<String> heard = new CopyOnWriteArrayList<>();

        study.runTrial(trial -> {
            heard.add("evaluate");
            return quadratic(trial);
        }, new TrialCallback() {
            @Override
            public void beforeTrial(Study called, Trial trial) {
                heard.add("before #" + trial.number());
            }

            @Override
            public void afterTrial(Study called, TrialOutcome outcome) {
                heard.add("after " + outcome.trial().state());
            }
        });

        assertThat(heard).containsExactly("before #0", "evaluate", "after COMPLETE");
    }

    /** Runs {@code objective} as {@link Study#optimize(Objective, OptimizeSettings)} does, going by {@code clock}. */
    private static OptimizeResult optimize(Study study, ManualClock clock, Objective objective, OptimizeSettings settings) {
        return new StudyRunner(study, objective, settings, clock).run();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // were the watchdog never to fire, trial #1 would wait for ever
    void aTrialPastItsTimeoutIsInterruptedAndFailsWithTheReasonAndTheStudyGoesOn() throws InterruptedException {
        Study study = Studies.on(storage, "s", 5);
        ManualClock clock = new ManualClock();
        Duration timeout = Duration.ofMinutes(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        OptimizeResult result = optimize(study, clock, trial -> {
            double x = trial.suggestFloat("x", -10, 10);
            if (trial.number() == 1) {
                clock.advance(timeout); // the trial has now run for its whole timeout
                try {
                    new CountDownLatch(1).await(); // never counted down: only the watchdog's interrupt ends the wait
                } catch (InterruptedException expected) {
                    interrupted.countDown();
                    throw expected;
                }
            }
            if (trial.number() == 2) {
                clock.advance(timeout.minusNanos(1)); // just within its timeout
            }
            return x * x;
        }, OptimizeSettings.builder().budget(4).trialTimeout(timeout).build());

        assertThat(interrupted.await(60, TimeUnit.SECONDS)).as("the watchdog interrupted trial #1").isTrue();
        assertThat(result).isEqualTo(new OptimizeResult(4, StopReason.BUDGET_SPENT));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE);
        TrialFailure failure = trials.get(1).failure().orElseThrow();
        assertThat(failure.type()).isEqualTo(TrialTimeoutException.class.getName());
        assertThat(failure.message()).isEqualTo("trial #1 ran past its timeout of PT1M and was interrupted;"
                + " raise the trial timeout, or make the objective faster");
        assertThat(trials.get(1).params()).containsOnlyKeys("x");
    }

    /** The system's clock, as optimize uses it: real time is the point, so the trial sleeps far longer than its timeout. */
    @Test
    void aTrialPastItsTimeoutInRealTimeIsInterrupted() throws InterruptedException {
        Study study = Studies.on(storage, "s", 5);
        CountDownLatch interrupted = new CountDownLatch(1);

        study.optimize(trial -> {
            trial.suggestFloat("x", -10, 10);
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException expected) {
                interrupted.countDown();
                throw expected;
            }
            return 0;
        }, OptimizeSettings.builder().budget(1).trialTimeout(Duration.ofSeconds(1)).build());

        assertThat(interrupted.await(60, TimeUnit.SECONDS)).as("the watchdog interrupted the trial").isTrue();
        assertThat(study.trials()).singleElement().satisfies(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.FAIL);
            assertThat(trial.failure().orElseThrow().message()).startsWith("trial #0 ran past its timeout of PT1S");
        });
    }

    @Test
    void theTimeoutStopsStartingTrialsAndTheRunningOneFinishes() {
        Study study = Studies.on(storage, "s", 5);
        ManualClock clock = new ManualClock();

        OptimizeResult result = optimize(study, clock, trial -> {
            clock.advance(Duration.ofSeconds(10)); // each trial takes ten seconds
            return quadratic(trial);
        }, OptimizeSettings.builder().budget(100_000).timeout(Duration.ofSeconds(35)).build());

        // trials start at 0, 10, 20 and 30 s; the one started at 30 s finishes at 40 s, past the timeout
        assertThat(result).isEqualTo(new OptimizeResult(4, StopReason.TIMEOUT));
        assertThat(study.trials()).hasSize(4).allMatch(trial -> trial.state() == TrialState.COMPLETE);
    }

    @Test
    void noTrialStartsOnceTheTimeoutIsReachedExactly() {
        Study study = Studies.on(storage, "s", 5);
        ManualClock clock = new ManualClock();

        OptimizeResult result = optimize(study, clock, trial -> {
            clock.advance(Duration.ofSeconds(10));
            return quadratic(trial);
        }, OptimizeSettings.builder().budget(100_000).timeout(Duration.ofSeconds(30)).build());

        assertThat(result).isEqualTo(new OptimizeResult(3, StopReason.TIMEOUT));
    }

    /** The system's clock, as optimize uses it: the call cannot end before its timeout, whatever the machine's load. */
    @Test
    void theTimeoutInRealTimeStopsStartingTrials() {
        Study study = Studies.on(storage, "s", 5);
        Duration timeout = Duration.ofMillis(500);
        long before = System.nanoTime();

        OptimizeResult result = study.optimize(trial -> {
            Thread.sleep(10); // the budget would take a quarter of an hour at least
            return quadratic(trial);
        }, OptimizeSettings.builder().budget(100_000).timeout(timeout).build());

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(timeout);
        assertThat(result.reason()).isEqualTo(StopReason.TIMEOUT);
        assertThat(study.trials()).hasSize(result.trialsRun()).allMatch(trial -> trial.state() == TrialState.COMPLETE);
    }

    @Test
    void callbacksSeeEveryTrialAndAFailureStillCounts() {
        Study study = Studies.on(storage, "s", 5);
        List<Integer> seen = new CopyOnWriteArrayList<>();

        study.optimize(trial -> {
            if (trial.number() == 2) {
                throw new IllegalStateException("boom");
            }
            return quadratic(trial);
        }, OptimizeSettings.builder().budget(5).callback((s, outcome) -> seen.add(outcome.trial().number())).build());

        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(study.trials().get(2).failure().orElseThrow().message()).isEqualTo("boom");
    }

    @Test
    void retryFailedMakesUpForFailedTrials() {
        Study study = Studies.on(storage, "s", 5);

        study.optimize(trial -> {
            if (trial.number() % 2 == 0) {
                throw new IllegalStateException("even trials fail");
            }
            return quadratic(trial);
        }, OptimizeSettings.builder().budget(5).retryFailed(true).build());

        assertThat(study.trials()).filteredOn(trial -> trial.state() == TrialState.COMPLETE).hasSize(5);
        assertThat(study.trials()).filteredOn(trial -> trial.state() == TrialState.FAIL).hasSize(5);
    }

    /** A trial that read x and n, then lost its worker, failed as a storage fails it. */
    private int trialOfADeadWorker(Study study) {
        Trial trial = study.ask();
        trial.suggestFloat("x", -10, 10);
        trial.suggestInt("n", 1, 100);
        storage.finishTrial(study.name(), trial.number(), TrialState.FAIL, java.util.OptionalDouble.empty(),
                new TrialFailure(WorkerDiedException.class.getName(), "worker died: killed", ""));
        return trial.number();
    }

    @Test
    void retryFailedRunsATrialWhoseWorkerDiedAgainWithItsValuesOnce() {
        Study study = Studies.on(storage, "s", 5);
        int died = trialOfADeadWorker(study);
        FrozenTrial lost = study.trials().get(died);
        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();

        study.optimize(trial -> {
            double value = quadratic(trial) + trial.suggestInt("n", 1, 100);
            seen.add(trial.params());
            return value;
        }, OptimizeSettings.builder().budget(3).retryFailed(true).build());

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isEqualTo(lost.params());
        assertThat(seen.subList(1, 3)).doesNotContain(lost.params());
        FrozenTrial retry = study.trials().get(died + 1);
        assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(retry.enqueuedValues()).containsOnlyKeys("x", "n");

        // a second call, or another worker, finds it retried already
        study.optimize(OptimizeTest::quadratic, OptimizeSettings.builder().budget(4).retryFailed(true).build());
        assertThat(study.trials()).hasSize(5).filteredOn(trial -> !trial.enqueuedValues().isEmpty()).hasSize(1);
    }

    @Test
    void aTrialWhoseWorkerDiedIsNotRetriedWithoutRetryFailed() {
        Study study = Studies.on(storage, "s", 5);
        trialOfADeadWorker(study);

        study.optimize(OptimizeTest::quadratic, OptimizeSettings.builder().budget(3).build());

        assertThat(study.trials()).hasSize(3).allSatisfy(trial -> assertThat(trial.enqueuedValues()).isEmpty());
    }

    @Test
    void aRetryWhoseWorkerDiedTooIsNotRetriedAgain() {
        Study study = Studies.on(storage, "s", 5);
        int died = trialOfADeadWorker(study);
        study.enqueueRetry(study.trials().get(died));
        int diedAgain = trialOfADeadWorker(study);  // takes the retry, and loses its worker too

        study.optimize(OptimizeTest::quadratic, OptimizeSettings.builder().budget(2).retryFailed(true).build());

        assertThat(diedAgain).isEqualTo(died + 1);
        assertThat(study.trials()).hasSize(4).filteredOn(trial -> !trial.enqueuedValues().isEmpty())
                .extracting(FrozenTrial::number).containsExactly(diedAgain);
    }

    @Test
    void retryingAnObjectiveThatAlwaysFailsEnds() {
        Study study = Studies.on(storage, "s", 5);

        OptimizeResult result = study.optimize(trial -> {
            throw new IllegalStateException("always");
        }, OptimizeSettings.builder().budget(3).retryFailed(true).build());

        assertThat(result.reason()).isEqualTo(StopReason.BUDGET_SPENT);
        // it gives up once more trials failed than the budget
        assertThat(study.trials()).hasSize(4);
    }

    @Test
    void aTargetValueStopsTheSearchInEitherDirection() {
        Study minimizing = Studies.on(storage, "s", 5);
        OptimizeResult reached = minimizing.optimize(OptimizeTest::quadratic,
                OptimizeSettings.builder().budget(10_000).stopWhen(StopCondition.targetValue(1.0)).build());

        assertThat(reached.reason()).isEqualTo(StopReason.STOP_CONDITION);
        assertThat(minimizing.bestTrial().orElseThrow().value().getAsDouble()).isLessThanOrEqualTo(1.0);
        assertThat(minimizing.trials()).hasSize(reached.trialsRun());

        Study maximizing = Studies.builder("m", 5).direction(Direction.MAXIMIZE).storage(storage).build();
        maximizing.optimize(OptimizeTest::quadratic,
                OptimizeSettings.builder().budget(10_000).stopWhen(StopCondition.targetValue(99.0)).build());
        assertThat(maximizing.bestTrial().orElseThrow().value().getAsDouble()).isGreaterThanOrEqualTo(99.0);
    }

    @Test
    void noImprovementForStopsAfterThatManyTrialsWithoutABetterValue() {
        Study study = Studies.on(storage, "s", 5);
        AtomicInteger calls = new AtomicInteger();

        OptimizeResult result = study.optimize(trial -> {
            trial.suggestFloat("x", 0, 1);
            // improves for five trials, then never again
            return calls.getAndIncrement() < 5 ? -calls.get() : 0;
        }, OptimizeSettings.builder().budget(1000).stopWhen(StopCondition.noImprovementFor(10)).build());

        assertThat(result.reason()).isEqualTo(StopReason.STOP_CONDITION);
        assertThat(result.trialsRun()).isEqualTo(15);
    }

    @Test
    void withSeveralObjectivesNoImprovementForWaitsForTheParetoSetToStopGrowing() {
        Study study = Studies.builder("mo", 5).directions(Direction.MAXIMIZE, Direction.MINIMIZE).storage(storage).build();
        AtomicInteger calls = new AtomicInteger();

        OptimizeResult result = study.optimize(Objective.several(trial -> {
            trial.suggestFloat("x", 0, 1);
            int call = calls.getAndIncrement();
            // five trials trade accuracy for latency, each joining the front; then only dominated ones
            return call < 5 ? new double[] {call, call} : new double[] {-1, 10};
        }), OptimizeSettings.builder().budget(1000).stopWhen(StopCondition.noImprovementFor(10)).build());

        assertThat(result.reason()).isEqualTo(StopReason.STOP_CONDITION);
        assertThat(result.trialsRun()).isEqualTo(15);
        assertThat(study.bestTrials()).hasSize(5);
    }

    @Test
    void aTargetValueRefusesAStudyOfSeveralObjectives() {
        Study study = Studies.builder("mo", 5).directions(Direction.MAXIMIZE, Direction.MINIMIZE)
                .objectiveNames("accuracy", "latency").storage(storage).build();

        assertThatThrownBy(() -> study.optimize(Objective.several(trial -> new double[] {trial.suggestFloat("x", 0, 1), 1}),
                OptimizeSettings.builder().budget(10).stopWhen(StopCondition.targetValue(0.9)).build()))
                .hasStackTraceContaining("StopCondition.targetValue(0.9) cannot stop study 'mo': it has 2 objectives"
                        + " [accuracy, latency] and no one value to reach 0.9; stop it with noImprovementFor(trials)");
    }

    @Test
    void aFailingCallbackStopsTheCallAndKeepsTheTrials() {
        Study study = Studies.on(storage, "s", 5);

        assertThatIllegalStateException()
                .isThrownBy(() -> study.optimize(OptimizeTest::quadratic, OptimizeSettings.builder().budget(10)
                        .callback((s, outcome) -> {
                            throw new IllegalArgumentException("callback broke");
                        }).build()))
                .withMessageContaining("callback broke")
                .withMessageContaining("kept");
        assertThat(study.trials()).hasSize(1);
    }

    @Test
    void invalidSettingsSayWhat() {
        assertThatIllegalArgumentException().isThrownBy(() -> OptimizeSettings.builder().budget(-1).build())
                .withMessageContaining("budget");
        assertThatIllegalArgumentException().isThrownBy(() -> OptimizeSettings.builder().parallelism(0).build())
                .withMessageContaining("parallelism");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptimizeSettings.builder().trialTimeout(Duration.ZERO).build())
                .withMessageContaining("trial timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> StopCondition.noImprovementFor(0));
    }
}
