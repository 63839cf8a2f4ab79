package dev.tuner.core.pruner;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hyperband (Li et al., JMLR 2018) over asynchronous successive halving: several brackets of
 * {@link SuccessiveHalvingPruner}, from an aggressive one whose first rung is at
 * {@code minResource} to a cautious one that runs its trials to {@code maxResource}. Each trial is
 * put in one bracket, so a study hedges between pruning early and judging late; the sampler
 * models each bracket apart ({@link #samplerGroup}), since trials stopped at different budgets are
 * not comparable. The usual choice for long trials.
 *
 * <pre>{@code
 * Pruner pruner = HyperbandPruner.builder().minResource(1).maxResource(100).reductionFactor(3).build();
 * Pruner named = Pruners.create("hyperband", Map.of("maxResource", "100"));
 * }</pre>
 *
 * <p>With {@code n = floor(log_η(maxResource / minResource)) + 1} brackets (η the reduction
 * factor), bracket {@code b} is successive halving that skips its {@code b} lowest rungs, and gets
 * trials in proportion to {@code ceil(n · η^s / (s + 1))}, {@code s = n - 1 - b}, as in the paper;
 * the trials are dealt to the brackets in a fixed interleaved order of trial numbers, so every worker
 * puts a trial in the same bracket. Within a bracket, a trial competes only with the trials of that
 * bracket.
 *
 * <p>Options: {@code minResource}, the first rung's step (default 1); {@code maxResource}, the
 * steps of a complete trial (default {@code auto}: the largest step a completed trial reported,
 * plus one; until a trial completes, no pruning and one bracket for the sampler);
 * {@code reductionFactor}, at least 2 (default 3); {@code bootstrapCount}, as for successive halving
 * (default 0).
 */
public final class HyperbandPruner implements Pruner {

    /** {@link Builder#maxResource(int)}'s value that means "from the first completed trial". */
    public static final int AUTO = 0;

    private static final Set<String> OPTIONS = Set.of("minResource", "maxResource", "reductionFactor", "bootstrapCount");

    private final int minResource;
    private final int maxResource;
    private final int reductionFactor;
    private final int bootstrapCount;
    private final Map<String, Brackets> brackets = new ConcurrentHashMap<>();

    private HyperbandPruner(Builder builder) {
        this.minResource = builder.minResource;
        this.maxResource = builder.maxResource;
        this.reductionFactor = builder.reductionFactor;
        this.bootstrapCount = builder.bootstrapCount;
        if (maxResource != AUTO && maxResource < minResource) {
            throw new IllegalArgumentException("maxResource (" + maxResource + ") must be at least minResource ("
                    + minResource + ")");
        }
    }

    /** Starts building a Hyperband pruner; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(TrialHistory study, FrozenTrial trial) {
        SingleObjective.require(study, "HyperbandPruner");
        if (trial.lastStep().isEmpty()) {
            return false;
        }
        List<FrozenTrial> trials = study.trials();
        Optional<Brackets> known = brackets(study.name(), trials);
        if (known.isEmpty()) {
            return false;
        }
        Bracket bracket = known.get().of(trial.number());
        List<FrozenTrial> members = new ArrayList<>();
        for (FrozenTrial other : trials) {
            if (bracket.contains(other.number())) {
                members.add(other);
            }
        }
        return known.get().pruners.get(bracket.index())
                .prune(study.direction(), members, trial, minResource);
    }

    /** The trial's bracket, once the brackets are known. */
    @Override
    public Optional<TrialGroup> samplerGroup(TrialHistory study, int trialNumber) {
        SingleObjective.require(study, "HyperbandPruner");
        Brackets known = brackets.get(study.name());
        Optional<Brackets> of = known != null ? Optional.of(known) : brackets(study.name(), study.trials());
        return of.map(all -> all.of(trialNumber));
    }

    /** How many brackets the pruner runs in the study, once they are known. */
    Optional<Integer> bracketCount(TrialHistory study) {
        return brackets(study.name(), study.trials()).map(all -> all.pruners.size());
    }

    /** The bracket of trial {@code trialNumber}, from 0 (the most aggressive), once the brackets are known. */
    Optional<Integer> bracket(TrialHistory study, int trialNumber) {
        return brackets(study.name(), study.trials()).map(all -> all.of(trialNumber).index());
    }

    private Optional<Brackets> brackets(String studyName, List<FrozenTrial> trials) {
        Brackets known = brackets.get(studyName);
        if (known != null) {
            return Optional.of(known);
        }
        int max = maxResource;
        if (max == AUTO) {
            int largest = Curves.largestLastStep(trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList());
            if (largest < 0) {
                return Optional.empty();
            }
            max = Math.max(minResource, largest + 1);
        }
        brackets.putIfAbsent(studyName, new Brackets(minResource, max, reductionFactor, bootstrapCount));
        return Optional.of(brackets.get(studyName));
    }

    @Override
    public String toString() {
        return "HyperbandPruner[minResource=" + minResource + ", maxResource=" + (maxResource == AUTO ? "auto" : maxResource)
                + ", reductionFactor=" + reductionFactor + ", bootstrapCount=" + bootstrapCount + "]";
    }

    /** A study's brackets: their pruners, and which trial numbers go to which. */
    private static final class Brackets {
        final List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
        /** One cycle of bracket indices; trial {@code n} goes to {@code cycle[n mod length]}. */
        final List<Integer> cycle;

        Brackets(int minResource, int maxResource, int reductionFactor, int bootstrapCount) {
            int count = 1;
            for (long r = (long) minResource * reductionFactor; r <= maxResource; r *= reductionFactor) {
                count++;
            }
            int[] budgets = new int[count];
            for (int b = 0; b < count; b++) {
                int s = count - 1 - b;
                budgets[b] = (int) Math.ceil(count * Math.pow(reductionFactor, s) / (s + 1));
                pruners.add(new SuccessiveHalvingPruner(minResource, reductionFactor, b, bootstrapCount));
            }
            this.cycle = interleave(budgets);
        }

        Bracket of(int trialNumber) {
            return new Bracket(cycle.get(trialNumber % cycle.size()), cycle);
        }

        /**
         * Deals {@code budgets[b]} turns to each bracket {@code b} in one cycle, spread evenly
         * (smooth weighted round robin): each turn goes to the bracket furthest behind its share.
         */
        static List<Integer> interleave(int[] budgets) {
            int total = 0;
            for (int budget : budgets) {
                total += budget;
            }
            long[] credit = new long[budgets.length];
            List<Integer> cycle = new ArrayList<>(total);
            for (int turn = 0; turn < total; turn++) {
                int chosen = 0;
                for (int b = 0; b < budgets.length; b++) {
                    credit[b] += budgets[b];
                    if (credit[b] > credit[chosen]) {
                        chosen = b;
                    }
                }
                credit[chosen] -= total;
                cycle.add(chosen);
            }
            return List.copyOf(cycle);
        }
    }

    /** One bracket of a study: the trials whose number the cycle deals to {@code index}. */
    private record Bracket(int index, List<Integer> cycle) implements TrialGroup {
        @Override
        public boolean contains(int trialNumber) {
            return cycle.get(trialNumber % cycle.size()) == index;
        }
    }

    /** Builds a {@link HyperbandPruner}. */
    public static final class Builder {
        private int minResource = 1;
        private int maxResource = AUTO;
        private int reductionFactor = 3;
        private int bootstrapCount = 0;

        private Builder() {}

        /** The step of the most aggressive bracket's first rung; at least 1. Default: 1. */
        public Builder minResource(int steps) {
            this.minResource = PrunerOptions.requireAtLeast("minResource", steps, 1);
            return this;
        }

        /** The steps of a complete trial, at least {@code minResource}, or {@link #AUTO} (the default). */
        public Builder maxResource(int steps) {
            if (steps != AUTO) {
                PrunerOptions.requireAtLeast("maxResource", steps, 1);
            }
            this.maxResource = steps;
            return this;
        }

        /** Each rung keeps 1 in this many trials; at least 2. Default: 3. */
        public Builder reductionFactor(int factor) {
            this.reductionFactor = PrunerOptions.requireAtLeast("reductionFactor", factor, 2);
            return this;
        }

        /** How many trials must reach a rung before any goes on from it; at least 0. Default: 0. */
        public Builder bootstrapCount(int trials) {
            this.bootstrapCount = PrunerOptions.requireAtLeast("bootstrapCount", trials, 0);
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.hyperband.<name>} give them:
         * {@code minResource}, {@code maxResource} (a number or {@code auto}), {@code reductionFactor},
         * {@code bootstrapCount}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            PrunerOptions read = new PrunerOptions("hyperband", options, OPTIONS);
            if (read.has("minResource")) {
                minResource(read.integer("minResource"));
            }
            if (read.has("maxResource")) {
                maxResource(read.integerOrAuto("maxResource", AUTO));
            }
            if (read.has("reductionFactor")) {
                reductionFactor(read.integer("reductionFactor"));
            }
            if (read.has("bootstrapCount")) {
                bootstrapCount(read.integer("bootstrapCount"));
            }
            return this;
        }

        /** The pruner. */
        public HyperbandPruner build() {
            return new HyperbandPruner(this);
        }
    }
}
