package dev.tuner.core.pruner;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import java.util.Map;
import java.util.Set;

/**
 * Stops a trial whose best reported value so far is worse than the median of the values the
 * completed trials reported at the same step: the {@link PercentilePruner} at the 50th percentile.
 * A safe first choice; it needs a few completed trials (5 by default) before it prunes.
 *
 * <pre>{@code
 * Pruner pruner = MedianPruner.builder().startupTrials(5).warmupSteps(10).interval(1).build();
 * Pruner named = Pruners.create("median", Map.of("warmupSteps", "10"));
 * }</pre>
 *
 * <p>{@code startupTrials}: completed trials before any is pruned (default 5); {@code warmupSteps}:
 * the first step at which a trial may be pruned (default 0); {@code interval}: judge once per this
 * many steps (default 1); {@code minTrials}: completed trials that must have reported a step for it
 * to be judged (default 1).
 */
public final class MedianPruner implements Pruner {

    private static final Set<String> OPTIONS = Set.of("startupTrials", "warmupSteps", "interval", "minTrials");

    private final PercentilePruner rule;

    private MedianPruner(PercentilePruner rule) {
        this.rule = rule;
    }

    /** Starts building a median pruner; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(TrialHistory study, FrozenTrial trial) {
        SingleObjective.require(study, "MedianPruner");
        return rule.prune(study, trial);
    }

    @Override
    public String toString() {
        return "MedianPruner" + rule.toString().substring("PercentilePruner".length());
    }

    /** Builds a {@link MedianPruner}. */
    public static final class Builder {
        private final PercentilePruner.Builder rule = PercentilePruner.builder(50);

        private Builder() {}

        /** How many trials must complete before any is pruned; at least 0. Default: 5. */
        public Builder startupTrials(int trials) {
            rule.startupTrials(trials);
            return this;
        }

        /** The first step at which a trial may be pruned; at least 0. Default: 0. */
        public Builder warmupSteps(int steps) {
            rule.warmupSteps(steps);
            return this;
        }

        /** Prune at most once per this many steps after the warm-up; at least 1. Default: 1. */
        public Builder interval(int steps) {
            rule.interval(steps);
            return this;
        }

        /** How many completed trials must have reported a step for it to be judged; at least 1. Default: 1. */
        public Builder minTrials(int trials) {
            rule.minTrials(trials);
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.median.<name>} give them:
         * {@code startupTrials}, {@code warmupSteps}, {@code interval}, {@code minTrials}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            rule.options("median", options, OPTIONS);
            return this;
        }

        /** The pruner. */
        public MedianPruner build() {
            return new MedianPruner(rule.build());
        }
    }
}
