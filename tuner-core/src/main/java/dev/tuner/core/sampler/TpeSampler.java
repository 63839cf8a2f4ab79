package dev.tuner.core.sampler;

import dev.tuner.core.sampler.TpeHistory.ColumnKey;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011; Watanabe, arXiv
 * 2304.11127), named {@code tpe}; the default sampler, {@link AutoSampler}, hands it conditional
 * spaces, normal, log-normal and custom knobs, and studies that pruned a trial. After a few random
 * trials it splits the finished trials at a quantile into good and bad, fits a Parzen estimator
 * l(x) to the good and g(x) to the bad, draws candidates from l and proposes the one with the
 * largest l(x)/g(x).
 *
 * <pre>{@code
 * Sampler tpe = new TpeSampler(42);                                      // the defaults
 * Sampler custom = TpeSampler.builder().seed(42).multivariate(false).candidates(48).build();
 * Sampler named = Samplers.create("tpe", 42, Map.of("startupTrials", "10"));
 * }</pre>
 *
 * <h2>How it models the space</h2>
 * <ul>
 *   <li>Each knob lives in a model space: a log knob's logarithm, a choice's option index, and for
 *       a knob with a grid of values (an int range, or a real one quantized by {@code q}) the
 *       values' cells: each value owns the part of the range that rounds to it (in log space for a
 *       log int or a quantized log-uniform or log-normal knob), and a kernel gives it the mass of
 *       that cell. Kernels are Gaussians truncated to the range, so no mass is lost at the bounds;
 *       a choice's kernel keeps {@code 1 - b} on the observed option and spreads {@code b} over
 *       all of them. A grid of more than 2<sup>20</sup> values is modelled as continuous, its
 *       proposals rounded onto it.</li>
 *   <li>Each estimator has one prior component besides one component per observation: centred
 *       and as wide as the range for a uniform or log-uniform knob, uniform over a choice's
 *       options, and the knob's own normal for a normal or log-normal knob (of {@code log x} for
 *       a log-normal), whose range is its clip bounds or, without them, {@code mean ± 5 sd}.</li>
 *   <li>A {@link dev.tuner.core.space.CustomDistribution CustomDistribution} with finite
 *       {@code low()} and {@code high()} is an ordered value in that range: its kernels are
 *       Gaussians there, its candidates are the distribution's own draws ({@code sample}, so
 *       every proposal is a value it contains), ranked by l/g with the other knobs. One without
 *       finite bounds, and any other distribution TPE does not know, is drawn independently
 *       from its prior, as {@link RandomSampler} draws it.</li>
 *   <li>Bandwidth: Scott's rule for a product kernel in d dimensions, {@code spread · n^(-1/(d+4))},
 *       the spread being the observations' standard deviation shrunk towards the prior's by one
 *       pseudo-observation; at least 1% of the range, and for linear int knobs at least
 *       {@code range / (1 + n)} (Bergstra's "magic clip"). A choice's {@code b} is
 *       {@code min(1, 2 / (1 + n))}. The few good trials thus get broad kernels and the many bad
 *       ones sharp kernels, so l/g favours values near good trials that the search has not tried
 *       much: without this, int and categorical knobs locked onto the first value that looked
 *       good.</li>
 *   <li>The good group is the best {@code ceil(0.1 n)} trials, at most 25. Bad trials older than
 *       the latest 25 weigh less, linearly down to 1/n, so g follows where the search is now.</li>
 *   <li>Multivariate mode (the default) groups the knobs by the set of knobs active together:
 *       the knobs of a group were held by the same finished trials, so a conditional space (a
 *       branch choice, then knobs of that branch only) gets one group for the choice and one per
 *       branch. Each group is proposed as one joint vector, fitted on the trials that held it:
 *       when a trial starts, the groups that every finished trial held; a conditional group when
 *       the trial first reads one of its knobs (the rest of the group is kept for the trial's
 *       next reads, and dropped when it finishes), so a trial gets proposals only for the branch
 *       it takes. Knobs never seen before, or read with another range, are proposed one by one.
 *       Univariate mode proposes every knob on its own: those every trial held when the trial
 *       starts, from one read of the history, the others when read.</li>
 *   <li>FAIL trials are ignored. RUNNING trials of other workers count as bad (constant liar), so
 *       parallel workers spread out. PRUNED trials rank after every complete one, those that
 *       reached a later step first, then by their last reported value (as Optuna ranks them).
 *       Under a {@link dev.tuner.core.pruner.HyperbandPruner} the study handed in holds only the
 *       trial's bracket, and a history is kept per bracket.</li>
 * </ul>
 *
 * <h2>Several objectives and constraints</h2>
 * <ul>
 *   <li>A study of several objectives is ranked as multi-objective TPE ranks it (Ozaki et al., JAIR
 *       2022; {@link MultiObjectiveRanking}): complete trials by non-dominated front, the front that
 *       the good group ends inside cut by greedy hypervolume subset selection; with
 *       {@code hypervolumeWeights} the good trials weigh by their hypervolume contributions.</li>
 *   <li>Constraints ({@code Trial.constrain}, feasible at most 0), with one objective or several: by
 *       default c-TPE (Watanabe and Hutter, IJCAI 2023), one good/bad split and density ratio per
 *       constraint multiplied into the acquisition; {@code constraints=rank} ranks infeasible trials
 *       behind every feasible and pruned one instead, by total violation (Optuna's rule). A study of
 *       one objective without constraints is sampled exactly as before either way.</li>
 * </ul>
 *
 * <h2>Defaults</h2>
 * <p>Multivariate; 5 random start-up trials; 16 candidates; the good group the best 10% of the
 * finished trials ({@code gamma} 0.1), at most 25 ({@code maxBelow}); prior weight 1; bandwidth
 * factor 0.8 ({@code bandwidthScale}) and prior spread 1; least bandwidth 1% of the range; magic
 * clip 1 on linear int knobs only ({@code continuousClip} 0); {@code categoricalClip} 2; the latest
 * 25 bad trials weigh fully ({@code recentWindow}); constant liar on; good trials weigh equally with
 * several objectives ({@code hypervolumeWeights} false); constraints by c-TPE ({@code constraints} ctpe). {@link Builder} and
 * {@link Builder#options} set each.
 *
 * <p>Measurements: {@code benchmarks/README.md}, section "Measurements", "TPE's defaults" (how each
 * default was chosen, what was tried and not kept).
 */
public final class TpeSampler implements Sampler {

    private final long seed;
    private final TpeSettings settings;
    private final Map<TrialHistory, TpeHistory> histories = Collections.synchronizedMap(new WeakHashMap<>());

    /** A TPE sampler with the default settings. */
    public TpeSampler(long seed) {
        this(builder().seed(seed));
    }

    private TpeSampler(Builder builder) {
        this.seed = builder.seed;
        this.settings = new TpeSettings(builder.multivariate, builder.startupTrials, builder.candidates,
                builder.gamma, builder.maxBelow, builder.priorWeight, builder.bandwidthScale, builder.priorSpread,
                builder.minBandwidth, builder.magicClip, builder.continuousClip, builder.categoricalClip, builder.recentWindow, builder.constantLiar,
                builder.hypervolumeWeights, builder.constraints);
    }

    /** Starts building a TPE sampler; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        TpeParam param = TpeParam.of(distribution);
        if (param != null) {
            TpeHistory history = history(study);
            synchronized (history) {
                history.refresh(study.trials(), trialNumber);
                if (history.observations() >= settings.startupTrials()) {
                    return propose(history, trialNumber, new ColumnKey(name, distribution), param);
                }
            }
        }
        return distribution.sample(Seeds.generator(seed, trialNumber, name));
    }

    /**
     * A knob's value when the trial first reads it and the relative step did not propose it: in
     * multivariate mode, its group (the knobs active together with it, less those the trial already
     * holds) is proposed jointly now and the rest of the group kept for when the trial reads them;
     * otherwise, or for a knob of no group, the knob on its own.
     */
    private double propose(TpeHistory history, int trialNumber, ColumnKey key, TpeParam param) {
        if (settings.multivariate()) {
            Suggestion kept = history.takePending(trialNumber, key.name(), key.distribution());
            if (kept != null) {
                return kept.internal();
            }
            List<ColumnKey> group = history.openGroupOf(key);
            if (group != null) {
                Map<String, Suggestion> proposal = proposeGroup(history, group, trialNumber);
                Suggestion mine = proposal.remove(key.name());
                history.keepPending(trialNumber, proposal);
                return mine.internal();
            }
        }
        double[] best = propose(history, List.of(key), new TpeParam[] {param}, rng(trialNumber, "tpe:" + key.name()));
        return param.toInternal(best[0]);
    }

    /**
     * Proposes, when a trial starts, the knobs that every finished trial held: in multivariate mode
     * each group of them jointly, otherwise each on its own. The knobs of conditional groups (those
     * some trials lacked, such as the knobs of one branch) are left to {@link #sample}, which
     * proposes a group jointly when the trial first reads one of its knobs: a trial gets
     * proposals only for the branch it takes.
     */
    @Override
    public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
        TpeHistory history = history(study);
        synchronized (history) {
            history.refresh(study.trials(), trialNumber);
            history.clearPending(trialNumber);
            if (history.observations() < settings.startupTrials()) {
                return Map.of();
            }
            Map<String, Suggestion> proposal = new LinkedHashMap<>();
            for (List<ColumnKey> group : history.groups()) {
                if (!history.alwaysActive(group)) {
                    continue;
                }
                if (settings.multivariate()) {
                    proposal.putAll(proposeGroup(history, group, trialNumber));
                    continue;
                }
                // every knob on its own, as sample(...) would propose it, but from one read of the history
                for (ColumnKey key : group) {
                    TpeParam param = history.column(key).param;
                    double[] best = propose(history, List.of(key), new TpeParam[] {param},
                            rng(trialNumber, "tpe:" + key.name()));
                    proposal.put(key.name(), new Suggestion(key.distribution(), param.toInternal(best[0])));
                }
            }
            return proposal;
        }
    }

    /** A joint proposal for the knobs {@code keys}, keyed by name, in their order. */
    private Map<String, Suggestion> proposeGroup(TpeHistory history, List<ColumnKey> keys, int trialNumber) {
        TpeParam[] params = new TpeParam[keys.size()];
        StringBuilder label = new StringBuilder("tpe-group");
        for (int k = 0; k < params.length; k++) {
            params[k] = history.column(keys.get(k)).param;
            label.append(':').append(keys.get(k).name());
        }
        double[] best = propose(history, keys, params, rng(trialNumber, label.toString()));
        Map<String, Suggestion> proposal = new LinkedHashMap<>();
        for (int k = 0; k < params.length; k++) {
            ColumnKey key = keys.get(k);
            proposal.put(key.name(), new Suggestion(key.distribution(), params[k].toInternal(best[k])));
        }
        return proposal;
    }

    /**
     * The model values that maximize l(x)/g(x) among candidates drawn from l; with c-TPE and
     * constraints, those that maximize the product of every split's acquisition ({@link #constrained}).
     */
    private double[] propose(TpeHistory history, List<ColumnKey> keys, TpeParam[] params, UniformRandomProvider rng) {
        TpeHistory.Split split = history.splitReusing(keys, settings);
        ParzenEstimator below = ParzenEstimator.fit(params, split.below(), split.belowCount(), split.belowWeights(),
                settings);
        ParzenEstimator above = ParzenEstimator.fit(params, split.above(), split.aboveCount(), split.aboveWeights(),
                settings);
        if (settings.constraints() == TpeSettings.Constraints.CTPE && !history.constraintNames().isEmpty()) {
            return constrained(history, keys, params, split.quantile(), below, above, rng);
        }
        double[][] candidates = below.sample(rng, settings.candidates());
        double[] good = below.logPdf(candidates);
        double[] bad = above.logPdf(candidates);
        int best = 0;
        for (int c = 1; c < good.length; c++) {
            if (good[c] - bad[c] > good[best] - bad[best]) {
                best = c;
            }
        }
        double[] chosen = new double[params.length];
        for (int k = 0; k < params.length; k++) {
            chosen[k] = candidates[k][best];
        }
        return chosen;
    }

    /**
     * c-TPE (Watanabe and Hutter, "c-TPE: Tree-structured Parzen Estimator with Inequality
     * Constraints for Expensive Hyperparameter Optimization", IJCAI 2023): besides the objective's
     * split, one per constraint ({@link TpeHistory#constraintSplit}), each with its quantile
     * {@code γ} (its share of good observations). TPE's l/g is, up to a constant, expected
     * improvement {@code (γ + (1 - γ) g/l)^-1}; c-TPE maximizes the product of that over the
     * objective and every constraint, the constraints' terms being the probability-of-feasibility
     * factors. A constraint every trial met has {@code γ = 1}, a constant factor. Candidates are
     * drawn from every split's l, as many from each as TPE draws.
     */
    private double[] constrained(TpeHistory history, List<ColumnKey> keys, TpeParam[] params, double quantile,
            ParzenEstimator below, ParzenEstimator above, UniformRandomProvider rng) {
        List<ParzenEstimator> goods = new java.util.ArrayList<>(List.of(below));
        List<ParzenEstimator> bads = new java.util.ArrayList<>(List.of(above));
        List<Double> quantiles = new java.util.ArrayList<>(List.of(quantile));
        for (String constraint : history.constraintNames()) {
            TpeHistory.Split split = history.constraintSplit(keys, constraint, settings);
            if (split.belowCount() == 0) {
                continue;
            }
            goods.add(ParzenEstimator.fit(params, split.below(), split.belowCount(), null, settings));
            bads.add(ParzenEstimator.fit(params, split.above(), split.aboveCount(), null, settings));
            quantiles.add(split.quantile());
        }
        int each = settings.candidates();
        double[][] candidates = new double[params.length][each * goods.size()];
        for (int e = 0; e < goods.size(); e++) {
            double[][] drawn = goods.get(e).sample(rng, each);
            for (int k = 0; k < params.length; k++) {
                System.arraycopy(drawn[k], 0, candidates[k], e * each, each);
            }
        }
        double[] score = new double[each * goods.size()];
        for (int e = 0; e < goods.size(); e++) {
            double[] good = goods.get(e).logPdf(candidates);
            double[] bad = bads.get(e).logPdf(candidates);
            double logGamma = Math.log(quantiles.get(e) + MultiObjectiveRanking.TINY);
            double logRest = Math.log(1 - quantiles.get(e) + MultiObjectiveRanking.TINY);
            for (int c = 0; c < score.length; c++) {
                score[c] -= logAddExp(logGamma, logRest + bad[c] - good[c]);
            }
        }
        int best = 0;
        for (int c = 1; c < score.length; c++) {
            if (score[c] > score[best]) {
                best = c;
            }
        }
        double[] chosen = new double[params.length];
        for (int k = 0; k < params.length; k++) {
            chosen[k] = candidates[k][best];
        }
        return chosen;
    }

    private static double logAddExp(double a, double b) {
        double top = Math.max(a, b);
        if (top == Double.NEGATIVE_INFINITY) {
            return top;
        }
        return top + Math.log(Math.exp(a - top) + Math.exp(b - top));
    }

    TpeSettings settings() {
        return settings;
    }

    /** The history this sampler keeps for {@code study}. */
    TpeHistory history(TrialHistory study) {
        return histories.computeIfAbsent(study,
                s -> new TpeHistory(s.directions(), settings.constraints() == TpeSettings.Constraints.RANK));
    }

    private UniformRandomProvider rng(int trialNumber, String label) {
        return Seeds.generator(seed, trialNumber, label);
    }

    @Override
    public String toString() {
        return "TpeSampler[seed=" + seed + ", " + settings + "]";
    }

    /** Builds a {@link TpeSampler}; every option has a default. */
    public static final class Builder {
        private long seed = Seeds.fresh();
        private boolean multivariate = true;
        private int startupTrials = 5;
        private int candidates = 16;
        private double gamma = 0.1;
        private int maxBelow = 25;
        private double priorWeight = 1.0;
        private double bandwidthScale = 0.8;
        private double priorSpread = 1.0;
        private double minBandwidth = 0.01;
        private double magicClip = 1.0;
        private double continuousClip = 0.0;
        private double categoricalClip = 2.0;
        private int recentWindow = 25;
        private boolean constantLiar = true;
        private boolean hypervolumeWeights = false;
        private TpeSettings.Constraints constraints = TpeSettings.Constraints.CTPE;

        private Builder() {}

        /** The seed; the same seed, space and history give the same proposals. Default: a fresh seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether knobs that are active together are proposed jointly (one kernel over all of them). Default: true. */
        public Builder multivariate(boolean multivariate) {
            this.multivariate = multivariate;
            return this;
        }

        /** How many finished trials are drawn at random before TPE takes over; at least 0. Default: 5. */
        public Builder startupTrials(int startupTrials) {
            this.startupTrials = requireAtLeast("startupTrials", startupTrials, 0);
            return this;
        }

        /** How many candidates are drawn from l(x) and ranked by l(x)/g(x); at least 1. Default: 16. */
        public Builder candidates(int candidates) {
            this.candidates = requireAtLeast("candidates", candidates, 1);
            return this;
        }

        /** The fraction of finished trials that count as good, in (0, 1]. Default: 0.1. */
        public Builder gamma(double gamma) {
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must lie in (0, 1], but it is " + gamma);
            }
            this.gamma = gamma;
            return this;
        }

        /** The most trials that count as good, however many finished; at least 1. Default: 25. */
        public Builder maxBelow(int maxBelow) {
            this.maxBelow = requireAtLeast("maxBelow", maxBelow, 1);
            return this;
        }

        /** The weight of the prior component of each estimator, relative to one observation's; positive. Default: 1. */
        public Builder priorWeight(double priorWeight) {
            this.priorWeight = requirePositive("priorWeight", priorWeight);
            return this;
        }

        /** The factor of the bandwidth rule (1 is Scott's rule); positive. Default: 0.8. */
        public Builder bandwidthScale(double bandwidthScale) {
            this.bandwidthScale = requirePositive("bandwidthScale", bandwidthScale);
            return this;
        }

        /** The pseudo-count with which the kernels' spread leans to the prior's; at least 0. Default: 1. */
        public Builder priorSpread(double priorSpread) {
            if (!(priorSpread >= 0)) {
                throw new IllegalArgumentException("priorSpread must be at least 0, but it is " + priorSpread);
            }
            this.priorSpread = priorSpread;
            return this;
        }

        /** The smallest bandwidth, as a fraction of the knob's range (in model space); positive. Default: 0.01. */
        public Builder minBandwidth(double minBandwidth) {
            this.minBandwidth = requirePositive("minBandwidth", minBandwidth);
            return this;
        }

        /** The bandwidth floor {@code magicClip · range / (1 + n)} of a linear int knob's estimator of n observations; at least 0. Default: 1. */
        public Builder magicClip(double magicClip) {
            if (!(magicClip >= 0)) {
                throw new IllegalArgumentException("magicClip must be at least 0, but it is " + magicClip);
            }
            this.magicClip = magicClip;
            return this;
        }

        /**
         * As {@link #magicClip}, for every other numeric knob (continuous, quantized, log int); at least 0.
         * Default: 0 (off: it blurred the optimum of smooth functions, and of quantized ones).
         */
        public Builder continuousClip(double continuousClip) {
            if (!(continuousClip >= 0)) {
                throw new IllegalArgumentException("continuousClip must be at least 0, but it is " + continuousClip);
            }
            this.continuousClip = continuousClip;
            return this;
        }

        /** The spread {@code min(1, categoricalClip / (1 + n))} of a categorical kernel of n observations; positive. Default: 2. */
        public Builder categoricalClip(double categoricalClip) {
            this.categoricalClip = requirePositive("categoricalClip", categoricalClip);
            return this;
        }

        /** How many of the latest bad trials weigh fully in g(x); older ones weigh less. 0: all weigh the same. Default: 25. */
        public Builder recentWindow(int recentWindow) {
            this.recentWindow = requireAtLeast("recentWindow", recentWindow, 0);
            return this;
        }

        /** Whether running trials count as bad, so parallel workers spread out. Default: true. */
        public Builder constantLiar(boolean constantLiar) {
            this.constantLiar = constantLiar;
            return this;
        }

        /**
         * With several objectives: whether each good trial weighs in l(x) by its share of the good
         * group's hypervolume (MOTPE's weights), rather than equally. Default: false.
         */
        public Builder hypervolumeWeights(boolean hypervolumeWeights) {
            this.hypervolumeWeights = hypervolumeWeights;
            return this;
        }

        /**
         * How trials' constraint values ({@code Trial.constrain}) count: {@code "ctpe"}, a density
         * ratio per constraint multiplied into the acquisition (c-TPE), or {@code "rank"}, infeasible
         * trials ranked behind every feasible one by total violation (Optuna's rule). Default: ctpe.
         */
        public Builder constraints(String constraints) {
            this.constraints = switch (constraints.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "ctpe" -> TpeSettings.Constraints.CTPE;
                case "rank" -> TpeSettings.Constraints.RANK;
                default -> throw new IllegalArgumentException("TPE option 'constraints' must be ctpe or rank, but it is '"
                        + constraints + "'");
            };
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.tpe.<name>} give them:
         * {@code multivariate}, {@code startupTrials}, {@code candidates}, {@code gamma},
         * {@code maxBelow}, {@code priorWeight}, {@code bandwidthScale}, {@code priorSpread},
         * {@code minBandwidth}, {@code magicClip}, {@code continuousClip}, {@code categoricalClip}, {@code recentWindow}, {@code constantLiar},
         * {@code hypervolumeWeights}, {@code constraints}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            options.forEach((name, value) -> {
                switch (name) {
                    case "multivariate" -> multivariate(parseBoolean(name, value));
                    case "startupTrials" -> startupTrials(Integer.parseInt(value.trim()));
                    case "candidates" -> candidates(Integer.parseInt(value.trim()));
                    case "gamma" -> gamma(Double.parseDouble(value.trim()));
                    case "maxBelow" -> maxBelow(Integer.parseInt(value.trim()));
                    case "priorWeight" -> priorWeight(Double.parseDouble(value.trim()));
                    case "bandwidthScale" -> bandwidthScale(Double.parseDouble(value.trim()));
                    case "priorSpread" -> priorSpread(Double.parseDouble(value.trim()));
                    case "minBandwidth" -> minBandwidth(Double.parseDouble(value.trim()));
                    case "magicClip" -> magicClip(Double.parseDouble(value.trim()));
                    case "continuousClip" -> continuousClip(Double.parseDouble(value.trim()));
                    case "categoricalClip" -> categoricalClip(Double.parseDouble(value.trim()));
                    case "recentWindow" -> recentWindow(Integer.parseInt(value.trim()));
                    case "constantLiar" -> constantLiar(parseBoolean(name, value));
                    case "hypervolumeWeights" -> hypervolumeWeights(parseBoolean(name, value));
                    case "constraints" -> constraints(value);
                    default -> throw new IllegalArgumentException("unknown TPE option '" + name + "'; use multivariate,"
                            + " startupTrials, candidates, gamma, maxBelow, priorWeight, bandwidthScale,"
                            + " priorSpread, minBandwidth, magicClip, continuousClip, categoricalClip, recentWindow, constantLiar,"
                            + " hypervolumeWeights or constraints");
                }
            });
            return this;
        }

        /** The sampler. */
        public TpeSampler build() {
            return new TpeSampler(this);
        }

        private static boolean parseBoolean(String name, String value) {
            switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw new IllegalArgumentException("TPE option '" + name + "' must be true or false, but it is '"
                            + value + "'");
            }
        }

        private static int requireAtLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", but it is " + value);
            }
            return value;
        }

        private static double requirePositive(String name, double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " must be positive and finite, but it is " + value);
            }
            return value;
        }
    }
}
