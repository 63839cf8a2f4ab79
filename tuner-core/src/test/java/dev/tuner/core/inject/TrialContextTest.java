package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.tuner.Tune;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.Trial;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which thread serves which trial, and when that ends; no agent needed. */
@SuppressWarnings("try") // scopes are opened for their effect, only closed
class TrialContextTest {

    private final Study study = Studies.inMemory("context", 1);

    static class ThrowingTestCase {
        static Optional<Trial> seen = Optional.empty();

        @Tune
        double objective() {
            seen = TrialContext.current();
            throw new IllegalStateException("diverged");
        }
    }

    @Test
    void aWrappedRunnableServesTheTrialOnAThreadThatExistedBeforeWhileTheTrialRuns() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicReference<Optional<Trial>> seen = new AtomicReference<>();
        try {
            pool.submit(() -> {}).get();  // its thread exists before the trial, so it inherits nothing
            Trial trial = study.ask();
            Runnable wrapped;
            try (TrialContext.Scope scope = TrialContext.bind(trial)) {
                wrapped = TrialContext.wrap(() -> seen.set(TrialContext.current()));
                pool.submit(wrapped).get();
                assertThat(seen.get()).containsSame(trial);
                pool.submit(() -> seen.set(TrialContext.current())).get();
                assertThat(seen.get()).as("not wrapped").isEmpty();
            }
            pool.submit(wrapped).get();
            assertThat(seen.get()).as("after the trial").isEmpty();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aThreadThatInheritedATrialSeesNoneOnceTheTrialEnds() throws Exception {
        Trial trial = study.ask();
        AtomicReference<Optional<Trial>> during = new AtomicReference<>();
        AtomicReference<Optional<Trial>> after = new AtomicReference<>();
        Object ended = new Object();
        Thread worker;
        TrialContext.Scope scope = TrialContext.bind(trial);
        try {
            worker = new Thread(() -> {
                during.set(TrialContext.current());
                synchronized (ended) {
                    try {
                        ended.wait(10_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                after.set(TrialContext.current());
            });
            worker.start();
            while (during.get() == null) {
                Thread.onSpinWait();
            }
        } finally {
            scope.close();
        }
        synchronized (ended) {
            ended.notifyAll();
        }
        worker.join();

        assertThat(during.get()).containsSame(trial);
        assertThat(after.get()).isEmpty();
    }

    @Test
    void closingAScopeTwiceDoesNothingMore() {
        Trial outer = study.ask();
        Trial inner = study.ask();
        try (TrialContext.Scope outerScope = TrialContext.bind(outer)) {
            TrialContext.Scope innerScope = TrialContext.bind(inner);
            innerScope.close();
            innerScope.close();
            assertThat(TrialContext.current()).containsSame(outer);
        }
        assertThat(TrialContext.current()).isEmpty();
    }

    @Test
    void aTrialIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> TrialContext.bind(null)).withMessage("trial");
    }

    @Test
    void theObjectiveRunsInItsTrialAndLeavesNoneBehindEvenWhenItThrows() {
        MethodObjective objective = MethodObjective.of(TuneMethods.tuneMethod(ThrowingTestCase.class));

        TrialOutcome outcome = study.runTrial(objective);

        assertThat(outcome.failure()).get().extracting(Throwable::getMessage).isEqualTo("diverged");
        assertThat(ThrowingTestCase.seen).get().extracting(Trial::number).isEqualTo(outcome.trial().number());
        assertThat(TrialContext.current()).isEmpty();
    }
}
