package dev.tuner.core.study;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RunnerClock} that moves only when a test {@linkplain #advance advances} it, typically
 * from inside an objective ("this trial took ten minutes"): a timeout then passes exactly where
 * the test says, however busy the machine is. A trial waited for with a deadline fails with a
 * timeout only once the clock has passed that deadline and the trial has not finished.
 */
final class ManualClock implements RunnerClock {

    /** How often a waiting watchdog looks at the clock again; it only sets the latency, not the outcome. */
    private static final long LOOK_AGAIN_MILLIS = 1;

    private final AtomicLong now = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Moves the clock on by {@code elapsed}. */
    void advance(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    @Override
    public <T> T await(Future<T> trial, long deadline) throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                return trial.get(LOOK_AGAIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (now.get() - deadline >= 0) {
                    throw new TimeoutException("the manual clock passed the trial's deadline");
                }
            }
        }
    }
}
