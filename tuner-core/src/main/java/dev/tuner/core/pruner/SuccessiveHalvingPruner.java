package dev.tuner.core.pruner;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asynchronous successive halving (ASHA; Li et al., MLSys 2020): trials climb rungs of growing
 * budget, and at each rung only the best {@code 1/reductionFactor} of the trials that reached it
 * go on. Asynchronous: a trial is judged against the trials that reached the rung before it, so
 * no trial waits for others, and parallel workers need no synchronization.
 *
 * <pre>{@code
 * Pruner pruner = SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(3).build();
 * Pruner named = Pruners.create("sh", Map.of("minResource", "1", "reductionFactor", "3"));
 * }</pre>
 *
 * <p>Rung {@code k} lies at step {@code minResource · reductionFactor^(minEarlyStoppingRate + k)}.
 * When a trial first reports at or past a rung's step, that value is its value at the rung; it is
 * ranked among the values at that rung of every trial of the study that reached it (whatever their
 * state now), and it goes on only if it is among the best {@code max(1, n / reductionFactor)} of
 * those {@code n}. A rung is judged once, at the trial's first report past it, so call
 * {@link dev.tuner.core.trial.Trial#shouldPrune()} after every report. A value of NaN is pruned.
 *
 * <p>Options: {@code minResource}, the first rung's step (default {@code auto}: once a trial has
 * completed, 1% of its steps, at least 1; no pruning before that); {@code reductionFactor}, at least
 * 2 (default 4); {@code minEarlyStoppingRate}, how many rungs to skip at the bottom (default 0);
 * {@code bootstrapCount}, how many trials must reach a rung before any is promoted from it (default 0).
 */
public final class SuccessiveHalvingPruner implements Pruner {

    /** {@link Builder#minResource(int)}'s value that means "from the first completed trial". */
    public static final int AUTO = 0;

    private static final Set<String> OPTIONS = Set.of("minResource", "reductionFactor", "minEarlyStoppingRate",
            "bootstrapCount");

    private final int minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;
    private final Map<String, Integer> autoMinResource = new ConcurrentHashMap<>();

    private SuccessiveHalvingPruner(Builder builder) {
        this(builder.minResource, builder.reductionFactor, builder.minEarlyStoppingRate, builder.bootstrapCount);
    }

    SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.bootstrapCount = bootstrapCount;
    }

    /** Starts building a successive-halving pruner; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(TrialHistory study, FrozenTrial trial) {
        SingleObjective.require(study, "SuccessiveHalvingPruner");
        if (trial.lastStep().isEmpty()) {
            return false;
        }
        List<FrozenTrial> trials = study.trials();
        int resource = minResource == AUTO ? autoMinResource(study.name(), trials) : minResource;
        return resource != AUTO && prune(study.direction(), trials, trial, resource);
    }

    /** 1% of the steps of the first completed trial seen, at least 1; {@link #AUTO} while none completed. */
    private int autoMinResource(String studyName, List<FrozenTrial> trials) {
        Integer known = autoMinResource.get(studyName);
        if (known != null) {
            return known;
        }
        int largest = Curves.largestLastStep(trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList());
        if (largest < 0) {
            return AUTO;
        }
        int resource = Math.max(1, (largest + 1) / 100);
        autoMinResource.putIfAbsent(studyName, resource);
        return autoMinResource.get(studyName);
    }

    /** The rule, with the competitors given: the study's trials, or one Hyperband bracket's. */
    boolean prune(Direction direction, List<FrozenTrial> trials, FrozenTrial trial, int minResource) {
        int step = trial.lastStep().getAsInt();
        for (int rung = 0; ; rung++) {
            long resource = rungStep(minResource, rung);
            if (resource > step) {
                return false;
            }
            int at = (int) resource;
            if (Curves.stepBefore(trial, step) >= at) {
                continue; // the trial passed this rung at an earlier report, and was promoted then
            }
            double value = trial.intermediateValues().get(step);
            if (Double.isNaN(value)) {
                return true;
            }
            if (!promoted(direction, trials, trial.number(), at, value)) {
                return true;
            }
        }
    }

    /** The step of rung {@code rung}, saturating rather than overflowing. */
    private long rungStep(int minResource, int rung) {
        long resource = minResource;
        for (int i = 0; i < minEarlyStoppingRate + rung; i++) {
            resource *= reductionFactor;
            if (resource > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return resource;
    }

    /** Whether {@code value} is among the best {@code 1/reductionFactor} of the values at the rung at step {@code at}. */
    private boolean promoted(Direction direction, List<FrozenTrial> trials, int number, int at, double value) {
        double[] values = new double[trials.size() + 1];
        int count = 0;
        for (FrozenTrial other : trials) {
            if (other.number() == number) {
                continue;
            }
            Double reached = Curves.firstAtOrAfter(other, at);
            if (reached != null && !Double.isNaN(reached)) {
                values[count++] = reached;
            }
        }
        values[count++] = value;
        if (count <= bootstrapCount) {
            return false;
        }
        Arrays.sort(values, 0, count);
        int kept = Math.max(1, count / reductionFactor);
        double worstKept = direction == Direction.MAXIMIZE ? values[count - kept] : values[kept - 1];
        return !Curves.better(worstKept, value, direction);
    }

    @Override
    public String toString() {
        return "SuccessiveHalvingPruner[minResource=" + (minResource == AUTO ? "auto" : minResource)
                + ", reductionFactor=" + reductionFactor + ", minEarlyStoppingRate=" + minEarlyStoppingRate
                + ", bootstrapCount=" + bootstrapCount + "]";
    }

    /** Builds a {@link SuccessiveHalvingPruner}. */
    public static final class Builder {
        private int minResource = AUTO;
        private int reductionFactor = 4;
        private int minEarlyStoppingRate = 0;
        private int bootstrapCount = 0;

        private Builder() {}

        /** The step of the first rung, at least 1, or {@link #AUTO} (the default). */
        public Builder minResource(int steps) {
            if (steps != AUTO) {
                PrunerOptions.requireAtLeast("minResource", steps, 1);
            }
            this.minResource = steps;
            return this;
        }

        /** Each rung keeps 1 in this many trials, and lies this many times further than the one below; at least 2. Default: 4. */
        public Builder reductionFactor(int factor) {
            this.reductionFactor = PrunerOptions.requireAtLeast("reductionFactor", factor, 2);
            return this;
        }

        /** How many rungs to skip at the bottom; at least 0. Default: 0. */
        public Builder minEarlyStoppingRate(int rungs) {
            this.minEarlyStoppingRate = PrunerOptions.requireAtLeast("minEarlyStoppingRate", rungs, 0);
            return this;
        }

        /** How many trials must reach a rung before any goes on from it; at least 0. Default: 0. */
        public Builder bootstrapCount(int trials) {
            this.bootstrapCount = PrunerOptions.requireAtLeast("bootstrapCount", trials, 0);
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.sh.<name>} give them:
         * {@code minResource} (a number or {@code auto}), {@code reductionFactor},
         * {@code minEarlyStoppingRate}, {@code bootstrapCount}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            PrunerOptions read = new PrunerOptions("sh", options, OPTIONS);
            if (read.has("minResource")) {
                minResource(read.integerOrAuto("minResource", AUTO));
            }
            if (read.has("reductionFactor")) {
                reductionFactor(read.integer("reductionFactor"));
            }
            if (read.has("minEarlyStoppingRate")) {
                minEarlyStoppingRate(read.integer("minEarlyStoppingRate"));
            }
            if (read.has("bootstrapCount")) {
                bootstrapCount(read.integer("bootstrapCount"));
            }
            return this;
        }

        /** The pruner. */
        public SuccessiveHalvingPruner build() {
            return new SuccessiveHalvingPruner(this);
        }
    }
}
