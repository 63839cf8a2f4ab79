package dev.tuner.core.study;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The time a {@link StudyRunner} goes by: when an {@code optimize} call's timeout ends, and how long
 * it waits for a trial that has a timeout. In use it is the system's monotonic clock ({@link
 * #SYSTEM}); a test gives the runner one it moves by hand, so that what a timeout does is tested
 * without racing the clock of a busy machine.
 */
interface RunnerClock {

    /** {@link System#nanoTime()}, and a timed {@link Future#get(long, TimeUnit) get} for a trial. */
    RunnerClock SYSTEM = new RunnerClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public <T> T await(Future<T> trial, long deadline)
                throws InterruptedException, ExecutionException, TimeoutException {
            return trial.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
    };

    /** Now, in nanoseconds from an origin of the clock's choosing: only differences mean anything. */
    long nanoTime();

    /**
     * What {@code trial} returns, once it has finished, waiting at most until this clock reads
     * {@code deadline}.
     *
     * @throws ExecutionException if the trial threw
     * @throws TimeoutException if the deadline passed before the trial finished
     * @throws InterruptedException if the waiting thread was interrupted
     */
    <T> T await(Future<T> trial, long deadline) throws InterruptedException, ExecutionException, TimeoutException;
}
