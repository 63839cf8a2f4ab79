package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic
 * algorithm: NSGA-II", IEEE TEC 6(2), 2002), named {@code nsga2}: a genetic algorithm for one or
 * several objectives, with constraints by Deb's constrained domination.
 *
 * <pre>{@code
 * Sampler nsga2 = Nsga2Sampler.builder().seed(42).populationSize(20).build();
 * Sampler named = Samplers.create("nsga2", 42, Map.of("populationSize", "20", "crossover", "uniform"));
 * }</pre>
 *
 * <ul>
 *   <li>Generations by trial number: trials {@code 0..populationSize-1} are generation 0, drawn at
 *       random; each later trial is a child of the parents of its generation ({@link Nsga2Population}:
 *       the elite of the previous parents and the previous generation's complete trials, by front
 *       and crowding distance). Any worker that knows a trial's number and the history proposes the
 *       same child, so studies run across workers and are reproducible by seed.</li>
 *   <li>A child: with probability {@code crossoverProb} two parents each won by a binary tournament
 *       (constrained domination, a random one of two that neither dominates) are crossed, otherwise
 *       one random parent is copied; then each knob mutates with probability {@code mutationProb}
 *       (default {@code 1 / knobs}).</li>
 *   <li>Crossover {@code sbx} (default): simulated binary crossover on numeric knobs, in the model
 *       space TPE uses (log for a log knob, an int knob's grid rounded after); a choice takes one
 *       parent's option. {@code uniform}: every knob from either parent with probability
 *       {@code swappingProb}.</li>
 *   <li>Mutation {@code polynomial} (default): Deb's polynomial mutation of numeric knobs, a
 *       random option for a choice. {@code uniform}: a fresh draw from the knob's distribution.</li>
 *   <li>Knobs that not every parent held (another branch of a conditional space), and distributions
 *       without a model range, are drawn at random.</li>
 * </ul>
 */
public final class Nsga2Sampler implements Sampler {

    private final long seed;
    private final int populationSize;
    private final boolean sbx;
    private final boolean polynomial;
    private final double crossoverProb;
    private final double swappingProb;
    private final double mutationProb;
    private final double crossoverEta;
    private final double mutationEta;
    private final Map<TrialHistory, Nsga2Population> populations = Collections.synchronizedMap(new WeakHashMap<>());

    private Nsga2Sampler(Builder builder) {
        this.seed = builder.seed;
        this.populationSize = builder.populationSize;
        this.sbx = builder.sbx;
        this.polynomial = builder.polynomial;
        this.crossoverProb = builder.crossoverProb;
        this.swappingProb = builder.swappingProb;
        this.mutationProb = builder.mutationProb;
        this.crossoverEta = builder.crossoverEta;
        this.mutationEta = builder.mutationEta;
    }

    /** Starts building an NSGA-II sampler; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        return distribution.sample(Seeds.generator(seed, trialNumber, name));
    }

    @Override
    public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
        Nsga2Population population = populations.computeIfAbsent(study,
                s -> new Nsga2Population(populationSize, s.directions()));
        List<Nsga2Population.Member> parents;
        synchronized (population) {
            int generation = population.generation(trialNumber);
            if (generation == 0) {
                return Map.of();
            }
            parents = population.parents(study.trials(), generation);
        }
        if (parents.isEmpty()) {
            return Map.of();
        }
        Map<String, Distribution> space = sharedSpace(parents, study);
        if (space.isEmpty()) {
            return Map.of();
        }
        UniformRandomProvider rng = Seeds.generator(seed, trialNumber, "nsga2");
        Map<String, Suggestion> first;
        Map<String, Suggestion> second;
        boolean cross = rng.nextDouble() < crossoverProb && parents.size() > 1;
        if (cross) {
            first = tournament(parents, rng).trial().suggestions();
            second = tournament(parents, rng).trial().suggestions();
        } else {
            first = parents.get(rng.nextInt(parents.size())).trial().suggestions();
            second = first;
        }
        double mutation = Double.isNaN(mutationProb) ? 1.0 / space.size() : mutationProb;
        Map<String, Suggestion> child = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> entry : space.entrySet()) {
            Distribution distribution = entry.getValue();
            TpeParam param = TpeParam.of(distribution);
            double a = first.get(entry.getKey()).internal();
            double b = second.get(entry.getKey()).internal();
            double value = cross ? crossover(param, a, b, rng) : a;
            if (rng.nextDouble() < mutation) {
                value = mutate(param, distribution, value, rng);
            }
            child.put(entry.getKey(), new Suggestion(distribution, value));
        }
        return child;
    }

    /**
     * The knobs every parent and every complete trial held with the same distribution, of a kind
     * NSGA-II can vary, in the first parent's order. As for TPE's relative step, a knob only some
     * trials held (one branch of a conditional space) is left to {@link #sample}: the child may
     * take another branch.
     */
    private static Map<String, Distribution> sharedSpace(List<Nsga2Population.Member> parents, TrialHistory study) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (Map.Entry<String, Suggestion> entry : parents.get(0).trial().suggestions().entrySet()) {
            if (TpeParam.of(entry.getValue().distribution()) != null) {
                space.put(entry.getKey(), entry.getValue().distribution());
            }
        }
        for (Nsga2Population.Member parent : parents) {
            space.entrySet().removeIf(knob -> !holds(parent.trial(), knob));
        }
        for (FrozenTrial trial : study.trials()) {
            if (trial.state() == TrialState.COMPLETE) {
                space.entrySet().removeIf(knob -> !holds(trial, knob));
            }
        }
        return space;
    }

    private static boolean holds(FrozenTrial trial, Map.Entry<String, Distribution> knob) {
        Suggestion held = trial.suggestions().get(knob.getKey());
        return held != null && held.distribution().equals(knob.getValue());
    }

    private static Nsga2Population.Member tournament(List<Nsga2Population.Member> parents, UniformRandomProvider rng) {
        Nsga2Population.Member a = parents.get(rng.nextInt(parents.size()));
        Nsga2Population.Member b = parents.get(rng.nextInt(parents.size()));
        if (Nsga2Population.beats(a, b)) {
            return a;
        }
        if (Nsga2Population.beats(b, a)) {
            return b;
        }
        return rng.nextBoolean() ? a : b;
    }

    /** A child's internal value of one knob from its parents' internal values {@code a} and {@code b}. */
    private double crossover(TpeParam param, double a, double b, UniformRandomProvider rng) {
        boolean numeric = param.numeric() && !param.drawnFromPrior();
        if (!sbx || !numeric) {
            return rng.nextDouble() < swappingProb ? b : a;
        }
        if (rng.nextDouble() >= swappingProb) {
            return a;
        }
        double model = Nsga2Variation.sbx(param.toModel(a), param.toModel(b), param.modelLow(), param.modelHigh(),
                crossoverEta, rng);
        return param.toInternal(model);
    }

    private double mutate(TpeParam param, Distribution distribution, double value, UniformRandomProvider rng) {
        if (!polynomial || param.drawnFromPrior()) {
            return distribution.sample(rng);
        }
        if (!param.numeric()) {
            return rng.nextInt(param.cells());
        }
        double model = Nsga2Variation.polynomial(param.toModel(value), param.modelLow(), param.modelHigh(), mutationEta,
                rng);
        return param.toInternal(model);
    }

    @Override
    public String toString() {
        return "Nsga2Sampler[seed=" + seed + ", populationSize=" + populationSize + ", crossover="
                + (sbx ? "sbx" : "uniform") + ", mutation=" + (polynomial ? "polynomial" : "uniform") + "]";
    }

    /** Builds an {@link Nsga2Sampler}; every option has a default. */
    public static final class Builder {
        private long seed = Seeds.fresh();
        private int populationSize = 20;
        private boolean sbx = true;
        private boolean polynomial = true;
        private double crossoverProb = 0.9;
        private double swappingProb = 0.5;
        private double mutationProb = Double.NaN;
        private double crossoverEta = 20;
        private double mutationEta = 20;

        private Builder() {}

        /** The seed; the same seed, space and history give the same children. Default: a fresh seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How many trials form a generation, and how many parents each generation has; at least 2.
         * Default: 20 (Optuna's 50 left a 200-trial study four generations; 20 did better at 100 and
         * 200 trials on the training problems of {@code benchmarks/run mo}, worse at 50).
         */
        public Builder populationSize(int populationSize) {
            if (populationSize < 2) {
                throw new IllegalArgumentException("NSGA-II option populationSize must be at least 2, but it is "
                        + populationSize);
            }
            this.populationSize = populationSize;
            return this;
        }

        /** {@code sbx} (simulated binary crossover of numeric knobs) or {@code uniform}. Default: sbx. */
        public Builder crossover(String crossover) {
            this.sbx = switch (crossover.trim().toLowerCase(Locale.ROOT)) {
                case "sbx" -> true;
                case "uniform" -> false;
                default -> throw new IllegalArgumentException("NSGA-II option crossover must be sbx or uniform, but it is '"
                        + crossover + "'");
            };
            return this;
        }

        /** {@code polynomial} (Deb's polynomial mutation of numeric knobs) or {@code uniform} (a fresh draw). Default: polynomial. */
        public Builder mutation(String mutation) {
            this.polynomial = switch (mutation.trim().toLowerCase(Locale.ROOT)) {
                case "polynomial" -> true;
                case "uniform" -> false;
                default -> throw new IllegalArgumentException("NSGA-II option mutation must be polynomial or uniform,"
                        + " but it is '" + mutation + "'");
            };
            return this;
        }

        /** The probability that a child is a crossover of two parents rather than a copy of one, in [0, 1]. Default: 0.9. */
        public Builder crossoverProb(double crossoverProb) {
            this.crossoverProb = probability("crossoverProb", crossoverProb);
            return this;
        }

        /** The probability that a knob is crossed (sbx) or taken from the second parent (uniform), in [0, 1]. Default: 0.5. */
        public Builder swappingProb(double swappingProb) {
            this.swappingProb = probability("swappingProb", swappingProb);
            return this;
        }

        /** The probability that each knob of a child mutates, in [0, 1]. Default: 1 / the number of knobs. */
        public Builder mutationProb(double mutationProb) {
            this.mutationProb = probability("mutationProb", mutationProb);
            return this;
        }

        /** SBX's distribution index; at least 0, larger keeps children nearer their parents. Default: 20. */
        public Builder crossoverEta(double crossoverEta) {
            this.crossoverEta = atLeastZero("crossoverEta", crossoverEta);
            return this;
        }

        /** Polynomial mutation's distribution index; at least 0, larger makes smaller steps. Default: 20. */
        public Builder mutationEta(double mutationEta) {
            this.mutationEta = atLeastZero("mutationEta", mutationEta);
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.nsga2.<name>} give them:
         * {@code populationSize}, {@code crossover}, {@code mutation}, {@code crossoverProb},
         * {@code swappingProb}, {@code mutationProb}, {@code crossoverEta}, {@code mutationEta}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            options.forEach((name, value) -> {
                try {
                    switch (name) {
                        case "populationSize" -> populationSize(Integer.parseInt(value.trim()));
                        case "crossover" -> crossover(value);
                        case "mutation" -> mutation(value);
                        case "crossoverProb" -> crossoverProb(Double.parseDouble(value.trim()));
                        case "swappingProb" -> swappingProb(Double.parseDouble(value.trim()));
                        case "mutationProb" -> mutationProb(Double.parseDouble(value.trim()));
                        case "crossoverEta" -> crossoverEta(Double.parseDouble(value.trim()));
                        case "mutationEta" -> mutationEta(Double.parseDouble(value.trim()));
                        default -> throw new IllegalArgumentException("unknown NSGA-II option '" + name
                                + "' (tuner.nsga2." + name + "); use populationSize, crossover, mutation, crossoverProb,"
                                + " swappingProb, mutationProb, crossoverEta or mutationEta");
                    }
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("NSGA-II option " + name + " (tuner.nsga2." + name + ") must be a"
                            + " number, but it is '" + value + "'");
                }
            });
            return this;
        }

        /** The sampler. */
        public Nsga2Sampler build() {
            return new Nsga2Sampler(this);
        }

        private static double probability(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("NSGA-II option " + name + " must lie in [0, 1], but it is " + value);
            }
            return value;
        }

        private static double atLeastZero(String name, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("NSGA-II option " + name + " must be at least 0 and finite, but it is "
                        + value);
            }
            return value;
        }
    }
}
