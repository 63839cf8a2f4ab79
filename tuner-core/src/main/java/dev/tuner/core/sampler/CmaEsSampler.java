package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * CMA-ES, the covariance matrix adaptation evolution strategy (Hansen's tutorial, arXiv
 * 1604.00772), as an ask/tell sampler: each generation draws λ trials from a multivariate normal,
 * and once they finished, moves the normal's mean towards the best of them and adapts its step
 * size and shape. It suits numeric knobs that interact, with a budget of some tens of trials per
 * knob and more; with few trials, or knobs that are mostly categorical, {@link TpeSampler} does
 * better.
 *
 * <pre>{@code
 * Sampler cmaes = CmaEsSampler.builder().seed(42).build();                      // the defaults
 * Sampler bigger = CmaEsSampler.builder().seed(42).populationSize(32).restarts(false).build();
 * Sampler named = Samplers.create("cmaes", 42, Map.of("fallback", "random"));
 * }</pre>
 *
 * <h2>What it searches, and what it leaves to the fallback</h2>
 * <ul>
 *   <li>CMA-ES proposes, jointly when a trial starts, the knobs that every complete trial held
 *       with the same distribution, of these kinds: uniform (quantized or not), log-uniform (not
 *       quantized) and int (with a step or on a log scale). It searches the unit cube: each range
 *       scaled to [0, 1], a log knob's logarithm scaled so, and a knob with a grid of values
 *       relaxed to a continuous coordinate rounded onto the grid (cells of equal width), with the
 *       margin of CMA-ES with margin (Hamano et al., GECCO 2022; {@code CmaEsMargin}), so that a
 *       run does not stall on one value. Points outside the cube are drawn again (up to 100
 *       times, then clipped), so the normal keeps its shape inside the box.</li>
 *   <li>Every other knob (choices, booleans, normal and log-normal knobs, quantized log-uniform
 *       ones, custom distributions), a knob of a conditional branch, and every knob of the first
 *       {@code startupTrials} (5) trials, is drawn by the fallback sampler when the trial reads it: by
 *       default a univariate {@link TpeSampler} with the same seed (univariate, so that it never
 *       models the knobs CMA-ES owns; each knob is fitted on its own history), or {@link
 *       RandomSampler} with {@code fallback=random}.</li>
 * </ul>
 *
 * <h2>State from the history alone</h2>
 * <p>The storage is the truth, and several workers may share a study, so the sampler keeps no
 * state of its own that the history could not give: it replays the study's trials in number order
 * and recomputes the runs. The member that generation g of run r proposes for trial t is drawn
 * from the stream of (seed, t, "cmaes:r:g"); so a trial belongs to the current generation exactly
 * when its knobs are the ones that generation proposes for its number (a trial proposed from an
 * older generation, enqueued with its values or made by another sampler is no member and is
 * skipped). A generation is told once it holds λ finished members, in number order, that did
 * not FAIL (a failed member is replaced by the next one); PRUNED members rank as the worst. A
 * member still RUNNING holds its generation back: until it finishes, new trials get further draws
 * of the same generation, each from its own stream, so parallel workers get distinct candidates
 * (they are no members of the next generation and add no information: with more workers than
 * λ, or trials of very uneven length, parallelism wastes trials). A trial still running that has
 * not read its knobs holds the replay back as well, since it may yet become a member. The replay
 * is cached per study and reads only what changed, so a proposal costs O(new trials · n²); a
 * resumed study, or a second worker, replays the history once and reaches the same state.
 *
 * <h2>Start, warm start and restarts</h2>
 * <ul>
 *   <li>The first run starts at the cube's centre with σ = 1/6 (the optimum within 3σ of the
 *       mean) and C = I; or, when at least 20 trials before the run's first trial completed with
 *       the knobs before it started, warm: from the best 10% of them ({@code CmaEsWarmStart},
 *       after Nomura et al., AAAI 2021). So a study first explored by another sampler continues
 *       from what it found. "Before it started" compares the times the storage recorded, a rule
 *       every worker can check afterwards; where clocks of several machines disagree about the
 *       order, the run starts cold.</li>
 *   <li>Population λ = 4 + ⌊3 ln n⌋ for n knobs, unless set. A run restarts (IPOP: Auger and
 *       Hansen 2005; twice the population, a mean drawn from the cube) when its values stall
 *       (TolFun 10<sup>-12</sup> over the recent generations, or two generations of flat
 *       values), its steps vanish (TolX), or C's condition number passes 10<sup>14</sup>.</li>
 *   <li>The knobs CMA-ES searches are fixed by the complete trials; when a later trial lacks one
 *       (a conditional space), the space shrinks and the replay starts over in it.</li>
 * </ul>
 *
 * <p>Seeded: the same seed, space and history give the same proposals; single-threaded studies
 * are reproducible. The eigendecomposition of C is renewed lazily, every
 * {@code λ / ((c₁ + c_μ) n 10)} generations, as the tutorial advises.
 *
 * <p>Defaults: λ = 4 + ⌊3 ln n⌋ ({@code populationSize} 0), σ₀ = 1/6 ({@code sigma0}), restarts,
 * warm start and the margin on, 5 start-up trials, fallback {@code tpe}; {@link Builder} and
 * {@link Builder#options} set each. Measurements: {@code benchmarks/README.md}, section
 * "Measurements" (proposal latency and the history's replay; CMA-ES against TPE and GP).
 */
public final class CmaEsSampler implements Sampler {

    private final long seed;
    private final int populationSize;
    private final double sigma0;
    private final boolean restarts;
    private final boolean warmStart;
    private final boolean margin;
    private final int startupTrials;
    private final Sampler fallback;
    private final String fallbackName;
    private final Map<TrialHistory, CmaEsHistory> histories = Collections.synchronizedMap(new WeakHashMap<>());

    /** A CMA-ES sampler with the default settings. */
    public CmaEsSampler(long seed) {
        this(builder().seed(seed));
    }

    private CmaEsSampler(Builder builder) {
        this.seed = builder.seed;
        this.populationSize = builder.populationSize;
        this.sigma0 = builder.sigma0;
        this.restarts = builder.restarts;
        this.warmStart = builder.warmStart;
        this.margin = builder.margin;
        this.startupTrials = builder.startupTrials;
        this.fallbackName = builder.fallback;
        this.fallback = builder.fallback.equals("random")
                ? new RandomSampler(builder.seed)
                : TpeSampler.builder().seed(builder.seed).multivariate(false).build();
    }

    /** Starts building a CMA-ES sampler; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** No: CMA-ES adapts its search distribution to one objective value. */
    @Override
    public boolean samplesSeveralObjectives() {
        return false;
    }

    /** Knobs CMA-ES did not propose when the trial started are drawn by the fallback sampler. */
    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        SingleObjective.require(study, "CmaEsSampler");
        return fallback.sample(study, trialNumber, name, distribution);
    }

    @Override
    public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
        SingleObjective.require(study, "CmaEsSampler");
        CmaEsHistory history = history(study);
        CmaEsRun.Candidate candidate;
        CmaEsSpace space;
        synchronized (history) {
            candidate = history.propose(study.trials(), trialNumber);
            space = history.space();
            if (candidate == null || history.complete() < startupTrials) {
                return Map.of();
            }
        }
        Map<String, Suggestion> proposal = new LinkedHashMap<>();
        for (int k = 0; k < space.dimension(); k++) {
            proposal.put(space.names().get(k), new Suggestion(space.distributions().get(k), candidate.internals()[k]));
        }
        return proposal;
    }

    /** The replay this sampler keeps for {@code study}. */
    CmaEsHistory history(TrialHistory study) {
        return histories.computeIfAbsent(study, s -> new CmaEsHistory(seed, s.direction(),
                new CmaEsRestarts(seed, populationSize, sigma0, restarts), warmStart, margin));
    }

    @Override
    public String toString() {
        return "CmaEsSampler[seed=" + seed + ", populationSize=" + (populationSize == 0 ? "auto" : populationSize)
                + ", sigma0=" + sigma0 + ", restarts=" + restarts + ", warmStart=" + warmStart + ", margin=" + margin
                + ", startupTrials="
                + startupTrials + ", fallback=" + fallbackName + "]";
    }

    /** Builds a {@link CmaEsSampler}; every option has a default. */
    public static final class Builder {
        private long seed = Seeds.fresh();
        private int populationSize;
        private double sigma0 = 1.0 / 6;
        private boolean restarts = true;
        private boolean warmStart = true;
        private boolean margin = true;
        private int startupTrials = 5;
        private String fallback = "tpe";

        private Builder() {}

        /** The seed; the same seed, space and history give the same proposals. Default: a fresh seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The population λ of the first run, at least 2; 0 for {@code 4 + floor(3 ln n)} with n the
         * number of knobs CMA-ES searches. Default: 0.
         */
        public Builder populationSize(int populationSize) {
            if (populationSize != 0 && populationSize < 2) {
                throw new IllegalArgumentException("populationSize must be 0 (automatic) or at least 2, but it is "
                        + populationSize);
            }
            this.populationSize = populationSize;
            return this;
        }

        /** The first step size, in units of each knob's (scaled) range; in (0, 1]. Default: 1/6. */
        public Builder sigma0(double sigma0) {
            if (!(sigma0 > 0 && sigma0 <= 1)) {
                throw new IllegalArgumentException("sigma0 must lie in (0, 1] (a fraction of each knob's range), but it is "
                        + sigma0);
            }
            this.sigma0 = sigma0;
            return this;
        }

        /** Whether a stalled run restarts with twice the population (IPOP). Default: true. */
        public Builder restarts(boolean restarts) {
            this.restarts = restarts;
            return this;
        }

        /** Whether the first run starts from the best of the study's earlier trials, when there are 20 or more. Default: true. */
        public Builder warmStart(boolean warmStart) {
            this.warmStart = warmStart;
            return this;
        }

        /**
         * Whether knobs with a grid of values (ints, quantized reals) keep a margin: a least
         * probability of leaving the value the search sits on (CMA-ES with margin, Hamano et al.
         * 2022). Default: true.
         */
        public Builder margin(boolean margin) {
            this.margin = margin;
            return this;
        }

        /**
         * How many trials must be complete before CMA-ES proposes; the fallback draws until then; at
         * least 1. Default: 5, as {@link TpeSampler}'s: enough for a conditional space to show its
         * branches before CMA-ES claims the knobs every complete trial held.
         */
        public Builder startupTrials(int startupTrials) {
            if (startupTrials < 1) {
                throw new IllegalArgumentException("startupTrials must be at least 1 (CMA-ES learns its knobs from a"
                        + " complete trial), but it is " + startupTrials);
            }
            this.startupTrials = startupTrials;
            return this;
        }

        /** The sampler of the knobs CMA-ES does not search: {@code tpe} (univariate) or {@code random}. Default: tpe. */
        public Builder fallback(String fallback) {
            String name = fallback.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("tpe") && !name.equals("random")) {
                throw new IllegalArgumentException("the CMA-ES fallback must be 'tpe' or 'random', but it is '" + fallback
                        + "'");
            }
            this.fallback = name;
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.cmaes.<name>} give them:
         * {@code populationSize}, {@code sigma0}, {@code restarts}, {@code warmStart},
         * {@code margin}, {@code startupTrials}, {@code fallback}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            options.forEach((name, value) -> {
                try {
                    switch (name) {
                        case "populationSize" -> populationSize(Integer.parseInt(value.trim()));
                        case "sigma0" -> sigma0(Double.parseDouble(value.trim()));
                        case "restarts" -> restarts(parseBoolean(name, value));
                        case "warmStart" -> warmStart(parseBoolean(name, value));
                        case "margin" -> margin(parseBoolean(name, value));
                        case "startupTrials" -> startupTrials(Integer.parseInt(value.trim()));
                        case "fallback" -> fallback(value);
                        default -> throw new IllegalArgumentException("unknown CMA-ES option '" + name
                                + "' (tuner.cmaes." + name + "); use populationSize, sigma0, restarts, warmStart,"
                                + " margin, startupTrials or fallback");
                    }
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("tuner.cmaes." + name + "=" + value + " is not a number");
                }
            });
            return this;
        }

        /** The sampler. */
        public CmaEsSampler build() {
            return new CmaEsSampler(this);
        }

        private static boolean parseBoolean(String name, String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw new IllegalArgumentException("tuner.cmaes." + name + " must be true or false, but it is '"
                            + value + "'");
            }
        }
    }
}
