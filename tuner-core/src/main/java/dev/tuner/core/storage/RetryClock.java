package dev.tuner.core.storage;

import java.util.concurrent.TimeUnit;

/**
 * The time in which a {@link JdbcSession} measures an outage of its database, and its pauses
 * between attempts: the system's, or in tests one that only pretends to wait, so that no test
 * waits out a backoff.
 */
interface RetryClock {

    /** The system's monotonic time and {@link TimeUnit#sleep}. */
    RetryClock SYSTEM = new RetryClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    /** Now, in nanoseconds from an arbitrary origin, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code nanos} nanoseconds, or until interrupted. */
    void sleep(long nanos) throws InterruptedException;
}
