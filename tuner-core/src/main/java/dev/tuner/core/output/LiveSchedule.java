package dev.tuner.core.output;

import java.time.Duration;

/**
 * When a running study's report is rewritten: once {@code everyTrials} trials finished since the last
 * write, or {@code every} passed, whichever comes first; but never sooner after a write than nine
 * times what that write took, so that rewriting takes at most a tenth of the run's time however
 * large the study grows (a page of 100,000 trials takes a good part of a second). Times are the
 * milliseconds of one clock. Not thread-safe: {@link LiveReport} serializes it.
 */
final class LiveSchedule {

    /** The share of a run's time that rewriting its report may take, at most. */
    static final double SHARE = 0.1;

    private final int everyTrials;
    private final long everyMillis;
    private long lastEnd;
    private long quietUntil;
    private int finishedSince;
    private int countedAtStart;

    /** A schedule whose time counts from {@code startMillis}, the run's start. */
    LiveSchedule(int everyTrials, Duration every, long startMillis) {
        this.everyTrials = everyTrials;
        this.everyMillis = every.toMillis();
        this.lastEnd = startMillis;
        this.quietUntil = startMillis;
    }

    /** Counts a trial that finished. */
    void finished() {
        finishedSince++;
    }

    /** Whether a write is due at {@code nowMillis}. */
    boolean due(long nowMillis) {
        return nowMillis >= quietUntil && (finishedSince >= everyTrials || nowMillis - lastEnd >= everyMillis);
    }

    /** Notes that a write starts: it shows the trials finished so far. */
    void writing() {
        countedAtStart = finishedSince;
    }

    /**
     * Records a write that ran from {@code startMillis} to {@code endMillis}: the trials it showed
     * are no longer counted, those that finished while it ran still are.
     */
    void written(long startMillis, long endMillis) {
        long cost = Math.max(0, endMillis - startMillis);
        lastEnd = endMillis;
        quietUntil = endMillis + (long) Math.ceil(cost * (1 - SHARE) / SHARE);
        finishedSince -= countedAtStart;
        countedAtStart = 0;
    }

    /** How long after {@code nowMillis} the next write falls due if no trial finishes, at least 0. */
    long untilDue(long nowMillis) {
        return Math.max(0, Math.max(quietUntil, lastEnd + everyMillis) - nowMillis);
    }
}
