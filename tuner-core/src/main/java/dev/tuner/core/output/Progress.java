package dev.tuner.core.output;

import dev.tuner.Direction;
import dev.tuner.core.pareto.Domination;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a running study stands, as one line for a console: trials done out of the budget, the best
 * value so far, the rate, and the time left at that rate.
 *
 * <pre>
 * 120/200 trials · best 0.2513 (#87) · 35.2 trials/s · ETA 2s
 * 120/200 trials · Pareto set 7 (14 infeasible) · 35.2 trials/s · ETA 2s
 * </pre>
 *
 * <p>A study of several objectives has no best value: its line counts the trials of its Pareto set so
 * far (those meeting every constraint that no other beats on every objective) and those that broke a
 * constraint.
 *
 * <p>Not thread-safe: the caller serializes {@link #record} and {@link #line}.
 */
public final class Progress {

    private final int budget;
    private final int alreadyDone;
    private final Direction direction;
    private final List<Direction> directions;
    private final long startNanos;
    private int done;
    private int failed;
    private int infeasible;
    private FrozenTrial best;
    /** The Pareto set so far, of a study of several objectives, each trial's values signed to minimize. */
    private final List<double[]> front = new ArrayList<>();

    /**
     * Progress of a study that starts now.
     *
     * @param budget the trials the study will hold when it ends
     * @param alreadyDone the trials it held when this run started (a resumed study), not counted in the rate
     */
    public Progress(int budget, int alreadyDone, Direction direction, long startNanos) {
        this(budget, alreadyDone, List.of(direction), startNanos);
    }

    /**
     * Progress of a study of one objective or several that starts now.
     *
     * @param budget the trials the study will hold when it ends
     * @param alreadyDone the trials it held when this run started (a resumed study), not counted in the rate
     * @param directions the direction of each objective
     */
    public Progress(int budget, int alreadyDone, List<Direction> directions, long startNanos) {
        this.budget = budget;
        this.alreadyDone = alreadyDone;
        this.directions = List.copyOf(directions);
        this.direction = this.directions.get(0);
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
        if (trial.state() != TrialState.COMPLETE) {
            return;
        }
        if (!trial.isFeasible()) {
            infeasible++;
            return;
        }
        if (directions.size() > 1) {
            joinFront(trial);
        } else if (best == null || TrialHistory.isBetter(trial, best, direction)) {
            best = trial;
        }
    }

    /** Adds a feasible trial to the front unless a member beats it, dropping the members it beats. */
    private void joinFront(FrozenTrial trial) {
        if (trial.result().size() != directions.size()) {
            return;
        }
        double[] point = new double[directions.size()];
        for (int i = 0; i < point.length; i++) {
            double value = trial.result().value(i);
            point[i] = directions.get(i) == Direction.MAXIMIZE ? -value : value;
        }
        for (double[] member : front) {
            if (Domination.dominates(member, point)) {
                return;
            }
        }
        front.removeIf(member -> Domination.dominates(point, member));
        front.add(point);
    }

    /** The line at {@code nowNanos}, on the same clock as the start. */
    public String line(long nowNanos) {
        int total = Math.min(budget, alreadyDone + done);
        StringBuilder line = new StringBuilder();
        line.append(total).append('/').append(budget).append(" trials");
        if (failed > 0) {
            line.append(" (").append(failed).append(" failed)");
        }
        if (directions.size() > 1) {
            line.append(" · Pareto set ").append(front.size());
            if (infeasible > 0) {
                line.append(" (").append(infeasible).append(" infeasible)");
            }
        } else if (best != null) {
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
