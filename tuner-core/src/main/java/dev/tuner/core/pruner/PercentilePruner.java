package dev.tuner.core.pruner;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Stops a trial whose best reported value so far is worse than a percentile of the values the
 * completed trials reported at the same step: with {@code percentile = 25}, a trial must stay
 * among the best quarter of the completed trials to go on.
 *
 * <pre>{@code
 * Pruner pruner = PercentilePruner.builder(25).startupTrials(5).warmupSteps(3).build();
 * Pruner named = Pruners.create("percentile", Map.of("percentile", "25", "warmupSteps", "3"));
 * }</pre>
 *
 * <p>The rule, at each step the trial reports: no pruning while fewer than {@code startupTrials}
 * trials completed, before step {@code warmupSteps}, at steps that are not the trial's first
 * report in an interval of {@code interval} steps counted from {@code warmupSteps}, or when fewer
 * than {@code minTrials} completed trials reported this step. Otherwise the trial's best value
 * (NaN ignored; a trial that reported only NaN is pruned) is compared with the given percentile
 * (linear interpolation between ranks, as NumPy's default) of the completed trials' values at
 * this step, on the better side: the lower values when minimizing, the higher when maximizing.
 * A trial that is worse stops. {@link MedianPruner} is this pruner at the 50th percentile.
 */
public final class PercentilePruner implements Pruner {

    private static final Set<String> OPTIONS = Set.of("percentile", "startupTrials", "warmupSteps", "interval", "minTrials");

    private final double percentile;
    private final int startupTrials;
    private final int warmupSteps;
    private final int interval;
    private final int minTrials;

    private PercentilePruner(Builder builder) {
        this.percentile = builder.percentile;
        this.startupTrials = builder.startupTrials;
        this.warmupSteps = builder.warmupSteps;
        this.interval = builder.interval;
        this.minTrials = builder.minTrials;
    }

    /**
     * Starts building a pruner that keeps the trials within the best {@code percentile} percent.
     *
     * @param percentile in [0, 100]
     */
    public static Builder builder(double percentile) {
        return new Builder().percentile(percentile);
    }

    @Override
    public boolean prune(TrialHistory study, FrozenTrial trial) {
        SingleObjective.require(study, "PercentilePruner");
        if (trial.lastStep().isEmpty()) {
            return false;
        }
        int step = trial.lastStep().getAsInt();
        if (step < warmupSteps || !firstInInterval(trial, step)) {
            return false;
        }
        int completed = 0;
        double[] atStep = new double[8];
        int count = 0;
        for (FrozenTrial other : study.trials()) {
            if (other.state() != TrialState.COMPLETE) {
                continue;
            }
            completed++;
            Double value = other.intermediateValues().get(step);
            if (value != null && !Double.isNaN(value)) {
                if (count == atStep.length) {
                    atStep = Arrays.copyOf(atStep, 2 * count);
                }
                atStep[count++] = value;
            }
        }
        if (completed == 0 || completed < startupTrials) {
            return false;
        }
        double best = Curves.best(trial, study.direction());
        if (Double.isNaN(best)) {
            return true;
        }
        if (count == 0 || count < minTrials) {
            return false;
        }
        double threshold = percentileOf(Arrays.copyOf(atStep, count),
                study.direction() == Direction.MAXIMIZE ? 100 - percentile : percentile);
        return Curves.better(threshold, best, study.direction());
    }

    /** Whether {@code step} is the trial's first report at or after the last interval boundary before it. */
    private boolean firstInInterval(FrozenTrial trial, int step) {
        int boundary = (step - warmupSteps) / interval * interval + warmupSteps;
        return Curves.stepBefore(trial, step) < boundary;
    }

    /** The {@code p}-th percentile, linear between ranks (NumPy's default, R's type 7). */
    static double percentileOf(double[] values, double p) {
        if (p <= 0) {
            double min = values[0];
            for (double value : values) {
                min = Math.min(min, value);
            }
            return min;
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }

    double percentile() {
        return percentile;
    }

    @Override
    public String toString() {
        return "PercentilePruner[percentile=" + percentile + ", startupTrials=" + startupTrials + ", warmupSteps="
                + warmupSteps + ", interval=" + interval + ", minTrials=" + minTrials + "]";
    }

    /** Builds a {@link PercentilePruner}; every option but the percentile has a default. */
    public static final class Builder {
        private double percentile = 50;
        private int startupTrials = 5;
        private int warmupSteps = 0;
        private int interval = 1;
        private int minTrials = 1;

        private Builder() {}

        /** The share of completed trials, in percent, that a trial must stay within; in [0, 100]. */
        public Builder percentile(double percentile) {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile must lie in [0, 100], but it is " + percentile);
            }
            this.percentile = percentile;
            return this;
        }

        /** How many trials must complete before any is pruned; at least 0. Default: 5. */
        public Builder startupTrials(int trials) {
            this.startupTrials = PrunerOptions.requireAtLeast("startupTrials", trials, 0);
            return this;
        }

        /** The first step at which a trial may be pruned; at least 0. Default: 0. */
        public Builder warmupSteps(int steps) {
            this.warmupSteps = PrunerOptions.requireAtLeast("warmupSteps", steps, 0);
            return this;
        }

        /** Prune at most once per this many steps after the warm-up; at least 1. Default: 1. */
        public Builder interval(int steps) {
            this.interval = PrunerOptions.requireAtLeast("interval", steps, 1);
            return this;
        }

        /** How many completed trials must have reported a step for it to be judged; at least 1. Default: 1. */
        public Builder minTrials(int trials) {
            this.minTrials = PrunerOptions.requireAtLeast("minTrials", trials, 1);
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.percentile.<name>} give them:
         * {@code percentile}, {@code startupTrials}, {@code warmupSteps}, {@code interval}, {@code minTrials}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            return options("percentile", options, OPTIONS);
        }

        Builder options(String pruner, Map<String, String> options, Set<String> known) {
            PrunerOptions read = new PrunerOptions(pruner, options, known);
            if (read.has("percentile")) {
                percentile(read.real("percentile"));
            }
            if (read.has("startupTrials")) {
                startupTrials(read.integer("startupTrials"));
            }
            if (read.has("warmupSteps")) {
                warmupSteps(read.integer("warmupSteps"));
            }
            if (read.has("interval")) {
                interval(read.integer("interval"));
            }
            if (read.has("minTrials")) {
                minTrials(read.integer("minTrials"));
            }
            return this;
        }

        /** The pruner. */
        public PercentilePruner build() {
            return new PercentilePruner(this);
        }
    }
}
