package dev.tuner.core.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RetryClock} whose time moves only when it is slept on, at once: no test waits out a backoff. */
final class FakeClock implements RetryClock {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private volatile long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(long nanos) {
        pauses.add(Duration.ofNanos(nanos));
        now += nanos;
    }

    /** The pauses slept, in order. */
    List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    /** How long all pauses took together. */
    Duration slept() {
        return Duration.ofNanos(now);
    }
}
