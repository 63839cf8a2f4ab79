package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.BEST_TEST;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.study.TrialTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** tuner.parallelism, tuner.timeout and tuner.trial.timeout, through the platform. */
class ParallelStudyTest {

    @TempDir
    Path outputDir;

    @Test
    void parallelTrialsOverlapAndEachIsReportedOnce() {
        OverlappingTestCase.arrived.set(0);
        OverlappingTestCase.overlapped.set(0);
        OverlappingTestCase.gate = new CountDownLatch(3);

        EngineExecutionResults results = execute(OverlappingTestCase.class, outputDir,
                "tuner.parallelism", "3", "tuner.seed", "1");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(12 + BEST_TEST).succeeded(12 + BEST_TEST));
        assertThat(OverlappingTestCase.overlapped.get()).as("trials that did not wait the gate out").isEqualTo(12);
        assertThat(TunerKit.trialNames(results)).doesNotHaveDuplicates();
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    /**
     * Real time, since the engine reads tuner.trial.timeout and the study goes by the system's clock
     * (tuner-core's OptimizeTest tests the timeout on a clock it moves): the first trial sleeps a
     * minute against a timeout of 2 s, and the others, which return at once, are far within it.
     */
    @Test
    void aTrialPastTheTrialTimeoutFailsAndTheStudyGoesOn() throws InterruptedException {
        FirstTrialHangsTestCase.calls.set(0);
        FirstTrialHangsTestCase.interrupted = new CountDownLatch(1);

        EngineExecutionResults results = execute(FirstTrialHangsTestCase.class, outputDir,
                "tuner.trial.timeout", "2s", "tuner.seed", "3", "tuner.trials", "3");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(3 + BEST_TEST).failed(1).succeeded(2 + BEST_TEST));
        assertThat(TunerKit.finishedTrials(results).get(0)).is(event(finishedWithFailure(
                instanceOf(TrialTimeoutException.class), message(text -> text.startsWith("trial #0 ran past its timeout of PT2S")))));
        assertThat(FirstTrialHangsTestCase.interrupted.await(60, TimeUnit.SECONDS))
                .as("the timed-out trial was interrupted").isTrue();
        assertThat(FirstTrialHangsTestCase.calls.get()).isEqualTo(3);
    }

    @Test
    void aBadDurationOrThreadCountNamesTheSetting() {
        EngineExecutionResults badTimeout = execute(FirstTrialHangsTestCase.class, outputDir,
                "tuner.trial.timeout", "soon");
        EngineExecutionResults badThreads = execute(FirstTrialHangsTestCase.class, outputDir,
                "tuner.parallelism", "0");

        org.junit.platform.engine.UniqueId study = studyId(FirstTrialHangsTestCase.class, "objective(double)");
        badTimeout.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(study),
                finishedWithFailure(message(text -> text.contains("tuner.trial.timeout=soon")
                        && text.contains("90s, 10m")))));
        badThreads.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(study),
                finishedWithFailure(message(text -> text.contains("tuner.parallelism=0")))));
    }

    static class OverlappingTestCase {
        static final AtomicInteger arrived = new AtomicInteger();
        static final AtomicInteger overlapped = new AtomicInteger();
        static volatile CountDownLatch gate;

        @Tune(trials = 12)
        double objective(@Uniform(min = 0, max = 1) double x) throws InterruptedException {
            arrived.incrementAndGet();
            gate.countDown();
            // only trials running at the same time get past the gate without waiting it out
            if (gate.await(60, TimeUnit.SECONDS)) {
                overlapped.incrementAndGet();
            }
            return x;
        }
    }

    static class FirstTrialHangsTestCase {
        static final AtomicInteger calls = new AtomicInteger();
        static volatile CountDownLatch interrupted = new CountDownLatch(1);

        @Tune(trials = 3)
        double objective(@Uniform(min = -1, max = 1) double x) throws InterruptedException {
            if (calls.getAndIncrement() == 0) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException expected) {
                    interrupted.countDown();
                    throw expected;
                }
            }
            return x;
        }
    }
}
