package dev.tuner.core.output;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.util.List;

/**
 * Where a running study stands, as one line for a console: trials done out of the budget, the best
 * value so far, the rate, and the time left at that rate.
 *
 * <pre>
 * 120/200 trials · best 0.2513 (#87) · 35.2 trials/s · ETA 2s
 * </pre>
 *
 * <p>Not thread-safe: the caller serializes {@link #record} and {@link #line}.
 */
public final class Progress {

    private final int budget;
    private final int alreadyDone;
    private final Direction direction;
    private final long startNanos;
    private int done;
    private int failed;
    private FrozenTrial best;

    /**
     * Progress of a study that starts now.
     *
     * @param budget the trials the study will hold when it ends
     * @param alreadyDone the trials it held when this run started (a resumed study), not counted in the rate
     */
    public Progress(int budget, int alreadyDone, Direction direction, long startNanos) {
        this.budget = budget;
        this.alreadyDone = alreadyDone;
        this.direction = direction;
        this.startNanos = startNanos;
    }

    /**
     * Takes the trials a resumed study already held into the best so far, so that the line's best is
     * the study's; they count neither as this run's trials nor in the rate.
     */
    public void resumeFrom(List<FrozenTrial> stored) {
        stored.forEach(this::considerForBest);
    }

    /** Counts a finished trial of this run. */
    public void record(FrozenTrial trial) {
        done++;
        if (trial.state() == TrialState.FAIL) {
            failed++;
        }
        considerForBest(trial);
    }

    private void considerForBest(FrozenTrial trial) {
        if (trial.state() == TrialState.COMPLETE && (best == null || TrialHistory.isBetter(trial, best, direction))) {
            best = trial;
        }
    }

    /** The line at {@code nowNanos}, on the same clock as the start. */
    public String line(long nowNanos) {
        int total = Math.min(budget, alreadyDone + done);
        StringBuilder line = new StringBuilder();
        line.append(total).append('/').append(budget).append(" trials");
        if (failed > 0) {
            line.append(" (").append(failed).append(" failed)");
        }
        if (best != null) {
            line.append(" · best ").append(Numbers.compact(best.value().getAsDouble()))
                    .append(" (#").append(best.number()).append(')');
        }
        double seconds = (nowNanos - startNanos) / 1e9;
        if (done > 0 && seconds > 0) {
            double rate = done / seconds;
            line.append(" · ").append(Numbers.compact(rate)).append(" trials/s");
            int left = budget - total;
            if (left > 0) {
                line.append(" · ETA ").append(duration(Duration.ofMillis(Math.round(left / rate * 1000))));
            }
        }
        return line.toString();
    }

    /** {@code 45s}, {@code 12m 5s}, {@code 3h 20m}: precise enough for an estimate. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
