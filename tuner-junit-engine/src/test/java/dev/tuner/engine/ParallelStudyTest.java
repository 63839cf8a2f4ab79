package dev.tuner.engine;

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

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(12).succeeded(12));
        assertThat(OverlappingTestCase.overlapped.get()).isGreaterThanOrEqualTo(3);
        assertThat(TunerKit.trialNames(results)).doesNotHaveDuplicates();
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void aTrialPastTheTrialTimeoutFailsAndTheStudyGoesOn() {
        EngineExecutionResults results = execute(SlowWhenPositiveTestCase.class, outputDir,
                "tuner.trial.timeout", "300ms", "tuner.seed", "3", "tuner.trials", "6");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(6));
        results.testEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
                instanceOf(TrialTimeoutException.class), message(text -> text.contains("ran past its timeout")))));
        results.testEvents().assertThatEvents().haveAtLeastOne(event(
                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
    }

    @Test
    void aBadDurationOrThreadCountNamesTheSetting() {
        EngineExecutionResults badTimeout = execute(SlowWhenPositiveTestCase.class, outputDir,
                "tuner.trial.timeout", "soon");
        EngineExecutionResults badThreads = execute(SlowWhenPositiveTestCase.class, outputDir,
                "tuner.parallelism", "0");

        org.junit.platform.engine.UniqueId study = studyId(SlowWhenPositiveTestCase.class, "objective(double)");
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
            // only trials running at the same time get past the gate at once
            if (gate.await(10, TimeUnit.SECONDS)) {
                overlapped.incrementAndGet();
            }
            return x;
        }
    }

    static class SlowWhenPositiveTestCase {
        @Tune(trials = 6)
        double objective(@Uniform(min = -1, max = 1) double x) throws InterruptedException {
            if (x > 0) {
                Thread.sleep(30_000);
            }
            return x;
        }
    }
}
