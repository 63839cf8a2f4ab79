package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Gaussian-process Bayesian optimization: after a few quasi-random trials, models the objective
 * with a Gaussian process fitted to the finished trials and proposes the point of largest log
 * expected improvement. It suits expensive trials of mostly numeric knobs, up to a few hundred
 * trials: on smooth, low-dimensional problems it gets much closer to the optimum within 25–100
 * trials than TPE does, while each proposal costs milliseconds rather than microseconds. The
 * default sampler, {@link AutoSampler}, runs it on flat spaces for the first 300 trials.
 *
 * <pre>{@code
 * Sampler gp = new GpSampler(42);                                    // the defaults
 * Sampler custom = GpSampler.builder().seed(42).startupTrials(5).candidates(2048).build();
 * Sampler named = Samplers.create("gp", 42, Map.of("startupTrials", "5"));   // tuner.gp.startupTrials
 * }</pre>
 *
 * <h2>What it models, and what it leaves to TPE</h2>
 * <ul>
 *   <li>The GP proposes, when a trial starts, the knobs that every finished (complete or pruned)
 *       trial held with the same distribution, if they are uniform, log-uniform (quantized or
 *       not), int (stepped, log) or categorical (choices, booleans). Every other knob, the knobs of
 *       a conditional branch (held by some trials only), normal, log-normal and custom knobs, is
 *       proposed by an inner multivariate {@link TpeSampler} with the same seed when the trial
 *       reads it: a conditional space is thus searched by the GP on its shared knobs (the branch
 *       choice, say) and by TPE within each branch.</li>
 *   <li>Inputs are scaled to [0, 1] (log knobs in log space; int and stepped knobs by grid cell),
 *       categorical knobs enter as their option index, compared for equality only. Losses (the
 *       value, negated when maximizing) are made Gaussian-looking by a fitted Yeo–Johnson
 *       transform and standardized ({@code OutputWarping}, as HEBO does). COMPLETE trials are
 *       data, and FAIL trials too, at the worst complete loss, so that a region that fails is not
 *       proposed again and again.</li>
 *   <li>Until {@code startupTrials} (default 5) trials completed,
 *       the modelled knobs take the coordinates of a scrambled Sobol sequence (that of
 *       {@link QmcSampler}, trial {@code n} taking point {@code n}, the knobs in name order);
 *       the very first trial, when no knob is known yet, is drawn by TPE's start-up, at
 *       random.</li>
 * </ul>
 *
 * <h2>The model and the proposal</h2>
 * <ul>
 *   <li>Kernel: Matérn-5/2 with one length scale per knob, categorical knobs by Hamming
 *       distance ({@code GpKernel}); noise variance at least 1e-6.</li>
 *   <li>Hyperparameters by maximum a posteriori fit (marginal likelihood with log-normal priors
 *       on the length scales around the range's width; {@code GpKernelFit}, which says how the
 *       priors were chosen), by L-BFGS with analytic gradients, warm-started
 *       from this study's previous fit (or from unit length scales, whichever fits better at the
 *       start).</li>
 *   <li>Acquisition: log expected improvement (Ament et al. 2023), computed stably however
 *       small ({@code LogEi}), maximized over {@code candidates} Sobol points and perturbations of
 *       the best trials, then refined from the best {@code localStarts} by a bounded quasi-Newton
 *       search; int and stepped knobs are searched on their continuous relaxation and rounded
 *       onto their grid, categories by a sweep over their options ({@code AcquisitionOptimizer}).</li>
 *   <li>Parallel workers: the trials other workers are running enter the model as fantasies
 *       (a constant liar): their value is the posterior mean there, but no better than the
 *       average trial. The posterior mean alone (the "kriging believer") leaves the mean
 *       unchanged, and where it slopes downhill the next worker's best point lay a hair from
 *       the running one (2 of 10 seeds in a test); the floor at the average makes the
 *       neighbourhood of a running trial look known and unpromising, so workers spread out.</li>
 *   <li>Large histories: the hyperparameters are fitted on at most {@code fitPoints} trials and
 *       the posterior uses at most {@code maxPoints}, each the best half of the limit plus the
 *       most recent others, so a proposal stays within tens of milliseconds at 1,000 trials.</li>
 * </ul>
 *
 * <h2>Several objectives and constraints</h2>
 * <p>A study of several objectives, or one whose trials record constraints, is modelled by one GP
 * per objective (each warped and standardized as above) and one per constraint (standardized,
 * the threshold 0 with it). The acquisition is the log expected hypervolume improvement over the
 * feasible trials' front ({@code LogEhvi}, exact on a {@code BoxDecomposition} of the region the
 * front does not dominate), or log EI below the best feasible trial for one objective, plus each
 * constraint's log probability of holding ({@code PosteriorAcquisition}); before any trial is
 * feasible, the probability of feasibility alone. That is {@code acquisition=ehvi}; the default,
 * {@code acquisition=parego}, fits one GP per proposal to a random Chebyshev scalarization
 * instead ({@code GpFront}) and takes its log EI, which more than 3 objectives always use: it did
 * better on the training suite of {@code benchmarks/run mo} (benchmarks/README.md). In a study of several objectives the knobs the GP does not model are
 * drawn at random (TPE models one objective).
 *
 * <h2>Defaults</h2>
 * <p>5 start-up trials ({@code startupTrials}), 1,024 Sobol candidates ({@code candidates}), 4
 * local searches ({@code localStarts}), hyperparameters fitted on at most 128 trials
 * ({@code fitPoints}) and the posterior on at most 256 ({@code maxPoints}); {@link Builder} and
 * {@link Builder#options} set each. How the kernel's priors were chosen is in {@code GpKernelFit}.
 *
 * <p>Measurements: {@code benchmarks/README.md}, section "Measurements", "the {@code gp} sampler
 * on its own" (quality on outside problems and on the public suite, latency, what was tried and
 * not kept) and "GP, CMA-ES and {@code auto}" (start-up trials).
 *
 * <p>Same seed, space and history give the same proposals (single-threaded). Safe for several
 * threads: per study it keeps the last fit (a warm start) and its proposals for running trials,
 * and proposes for one trial at a time.
 */
public final class GpSampler implements Sampler {

    private static final int MAX_SOBOL_DIMENSIONS = 1000;
    private static final int FIT_ITERATIONS = 50;

    private final long seed;
    private final int startupTrials;
    private final int candidates;
    private final int localStarts;
    private final int fitPoints;
    private final int maxPoints;
    private final GpFront.Scalarization scalarization;
    private final TpeSampler fallback;
    private final RandomSampler severalFallback;
    private final QmcSampler startup;

    private final Map<TrialHistory, StudyState> states = Collections.synchronizedMap(new WeakHashMap<>());

    /** A fit's hyperparameters and the knobs they belong to. */
    private record Fit(List<String> names, double[] theta) {}

    /**
     * What this sampler keeps per study: the last fit (a warm start), and its proposals for trials
     * that are still running, by trial number. A trial reads its knobs only after the proposal, so
     * another worker asking meanwhile would not see them in the storage; the proposals kept here
     * enter its model as fantasies all the same. Proposals for one study are made one at a time
     * (under this object's lock), so that each sees the ones before.
     */
    private static final class StudyState {
        Fit fit;
        /** The fits of a study of several objectives or with constraints, by role ("objective 0", "constraint c"). */
        final Map<String, Fit> fits = new HashMap<>();
        final Map<Integer, Map<String, Suggestion>> proposed = new HashMap<>();
    }

    /** A GP sampler with the default settings. */
    public GpSampler(long seed) {
        this(builder().seed(seed));
    }

    private GpSampler(Builder builder) {
        this.seed = builder.seed;
        this.startupTrials = builder.startupTrials;
        this.candidates = builder.candidates;
        this.localStarts = builder.localStarts;
        this.fitPoints = builder.fitPoints;
        this.maxPoints = Math.max(builder.maxPoints, builder.fitPoints);
        this.scalarization = builder.scalarization;
        this.fallback = TpeSampler.builder().seed(seed).build();
        this.severalFallback = new RandomSampler(seed);
        this.startup = new QmcSampler(seed);
    }

    /** Starts building a GP sampler; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A knob the relative step did not propose: during the start-up, a knob the GP models takes
     * its coordinate of this trial's Sobol point (knobs in name order, so that the order they are
     * read in does not matter); any other knob, and every knob after the start-up, is proposed by
     * the inner TPE sampler (see the class comment).
     */
    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        List<FrozenTrial> trials = study.trials();
        if (GpHistory.complete(trials) < startupTrials) {
            GpSpace space = GpHistory.space(trials);
            int i = space == null ? -1 : space.indexOf(name, distribution);
            if (i >= 0 && space.dimensions() <= MAX_SOBOL_DIMENSIONS) {
                return space.decode(i, space.fromUnit(i, startup.point(trialNumber, space.dimensions())[i]));
            }
        }
        // TPE models one objective: a study of several has its other knobs drawn at random
        return study.isMultiObjective() ? severalFallback.sample(study, trialNumber, name, distribution)
                : fallback.sample(study, trialNumber, name, distribution);
    }

    /**
     * Proposes, once at least {@code startupTrials} trials completed, the knobs that every
     * finished trial held and the GP models, jointly: the point of largest log expected
     * improvement. Empty during the start-up: start-up knobs are proposed when read, so that a
     * knob of a branch the trial does not take is never proposed.
     */
    @Override
    public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
        StudyState state = states.computeIfAbsent(study, s -> new StudyState());
        synchronized (state) {
            List<FrozenTrial> trials = study.trials();
            forgetFinished(state, trials);
            if (GpHistory.complete(trials) < startupTrials) {
                return Map.of();
            }
            GpSpace space = GpHistory.space(trials);
            if (space == null) {
                return Map.of();
            }
            Map<String, Suggestion> proposal = study.isMultiObjective() || GpObservations.constrained(trials)
                    ? proposeForFront(state, study, trials, space, trialNumber)
                    : propose(state, study, trials, space, trialNumber);
            state.proposed.put(trialNumber, proposal);
            return proposal;
        }
    }

    /** Drops the kept proposals of trials that are no longer running. */
    private static void forgetFinished(StudyState state, List<FrozenTrial> trials) {
        if (state.proposed.isEmpty()) {
            return;
        }
        Set<Integer> running = new HashSet<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.RUNNING) {
                running.add(trial.number());
            }
        }
        state.proposed.keySet().retainAll(running);
    }

    private Map<String, Suggestion> propose(StudyState state, TrialHistory study, List<FrozenTrial> trials, GpSpace space,
            int trialNumber) {
        GpHistory history = GpHistory.read(trials, space, study.direction(), trialNumber, state.proposed);
        boolean[] categorical = new boolean[space.dimensions()];
        for (int i = 0; i < categorical.length; i++) {
            categorical[i] = space.categorical(i);
        }
        double[] theta = fit(state, history, categorical);
        GpKernel kernel = new GpKernel(categorical, theta);
        GpModel model = posterior(history, kernel);
        int[] ranked = history.bestFirst();
        double[] point = new AcquisitionOptimizer(new LogEiAcquisition(model, history.best()), space)
                .optimize(GpHistory.rows(history.x, ranked), candidates, localStarts,
                        Seeds.generator(seed, trialNumber, "gp:" + String.join(":", names(space))));
        return history.proposal(point);
    }

    /** The MAP hyperparameters on a subset of the history, warm-started from the study's last fit. */
    private double[] fit(StudyState state, GpHistory history, boolean[] categorical) {
        int d = categorical.length;
        int[] subset = history.subset(fitPoints);
        GpKernelFit objective = new GpKernelFit(GpHistory.rows(history.x, subset),
                GpHistory.entries(history.y, subset), categorical);
        double[] start = GpKernelFit.initial(d);
        List<String> names = names(history.space);
        Fit last = state.fit;
        if (last != null && last.names().equals(names)) {
            double[] gradient = new double[start.length];
            if (objective.valueAndGradient(last.theta(), gradient) < objective.valueAndGradient(start, gradient)) {
                start = last.theta();
            }
        }
        double[] theta = objective.fit(start, FIT_ITERATIONS);
        state.fit = new Fit(names, theta.clone());
        return theta;
    }

    /**
     * The posterior on at most {@code maxPoints} trials, with the trials running in other workers
     * as fantasies: each at the posterior mean there, but no better than the average trial (the
     * standardized losses' mean, 0), a constant liar that makes its neighbourhood look known and
     * unpromising (see the class comment).
     */
    private GpModel posterior(GpHistory history, GpKernel kernel) {
        int[] subset = history.subset(maxPoints);
        double[][] x = GpHistory.rows(history.x, subset);
        double[] y = GpHistory.entries(history.y, subset);
        GpModel model = new GpModel(kernel, x, y);
        int running = history.running.length;
        if (running == 0) {
            return model;
        }
        double[] mean = new double[running];
        model.predict(history.running, mean, new double[running]);
        double[][] withFantasies = Arrays.copyOf(x, x.length + running);
        System.arraycopy(history.running, 0, withFantasies, x.length, running);
        double[] values = Arrays.copyOf(y, y.length + running);
        for (int f = 0; f < running; f++) {
            values[y.length + f] = Math.max(mean[f], 0);
        }
        return new GpModel(kernel, withFantasies, values);
    }

    /**
     * The proposal for a study of several objectives, or with constraints: a GP per objective (or
     * one on a random scalarization) and per constraint, and the point of largest log EHVI (log EI
     * for one target) times the probability of feasibility, or of that probability alone before
     * any trial is feasible.
     */
    private Map<String, Suggestion> proposeForFront(StudyState state, TrialHistory study, List<FrozenTrial> trials,
            GpSpace space, int trialNumber) {
        GpObservations data = GpObservations.read(trials, space, study.directions(), trialNumber, state.proposed);
        boolean[] categorical = new boolean[space.dimensions()];
        for (int i = 0; i < categorical.length; i++) {
            categorical[i] = space.categorical(i);
        }
        String stream = "gp:" + String.join(":", names(space));
        GpFront front = new GpFront(data, scalarization, Seeds.generator(seed, trialNumber, stream + ":weights"));
        PosteriorAcquisition.Term term = front.term();
        List<GpModel> models = new ArrayList<>();
        if (term != null) {
            for (int j = 0; j < front.targets.length; j++) {
                String role = front.scalarized() ? "scalarized" : "objective " + j;
                models.add(model(state, role, data.x, front.targets[j], data.running, categorical, names(space), true));
            }
        }
        double[] thresholds = new double[data.constraintNames.size()];
        for (int c = 0; c < thresholds.length; c++) {
            int[] rows = front.constraintRows(c);
            double[] targets = front.constraintTargets(c, rows);
            thresholds[c] = targets[rows.length];
            models.add(model(state, "constraint " + data.constraintNames.get(c), GpHistory.rows(data.x, rows),
                    Arrays.copyOf(targets, rows.length), data.running, categorical, names(space), false));
        }
        PosteriorAcquisition acquisition = new PosteriorAcquisition(models.toArray(new GpModel[0]), term,
                front.targets.length, thresholds);
        UniformRandomProvider rng = Seeds.generator(seed, trialNumber, stream);
        double[] point = new AcquisitionOptimizer(acquisition, space)
                .optimize(GpHistory.rows(data.x, front.promisingFirst(rng)), candidates, localStarts, rng);
        return GpHistory.proposal(space, point);
    }

    /**
     * A GP on {@code x} and {@code y}: hyperparameters fitted on at most {@code fitPoints} of them
     * (warm-started from this study's last fit for {@code role}), the posterior on at most
     * {@code maxPoints}, with the running trials as fantasies at the posterior mean (no better
     * than the average, 0, when {@code floorAtAverage}: see {@link #posterior}).
     */
    private GpModel model(StudyState state, String role, double[][] x, double[] y, double[][] running,
            boolean[] categorical, List<String> names, boolean floorAtAverage) {
        int[] subset = GpHistory.subset(y, fitPoints);
        GpKernelFit objective = new GpKernelFit(GpHistory.rows(x, subset), GpHistory.entries(y, subset), categorical);
        double[] start = GpKernelFit.initial(categorical.length);
        Fit last = state.fits.get(role);
        if (last != null && last.names().equals(names)) {
            double[] gradient = new double[start.length];
            if (objective.valueAndGradient(last.theta(), gradient) < objective.valueAndGradient(start, gradient)) {
                start = last.theta();
            }
        }
        double[] theta = objective.fit(start, FIT_ITERATIONS);
        state.fits.put(role, new Fit(names, theta.clone()));
        GpKernel kernel = new GpKernel(categorical, theta);
        int[] kept = GpHistory.subset(y, maxPoints);
        return withFantasies(new GpModel(kernel, GpHistory.rows(x, kept), GpHistory.entries(y, kept)),
                GpHistory.rows(x, kept), GpHistory.entries(y, kept), running, floorAtAverage);
    }

    /** {@code model} conditioned also on {@code running} inputs at its posterior mean there (floored at 0 if asked). */
    private static GpModel withFantasies(GpModel model, double[][] x, double[] y, double[][] running,
            boolean floorAtAverage) {
        if (running.length == 0) {
            return model;
        }
        double[] mean = new double[running.length];
        model.predict(running, mean, new double[running.length]);
        double[][] withFantasies = Arrays.copyOf(x, x.length + running.length);
        System.arraycopy(running, 0, withFantasies, x.length, running.length);
        double[] values = Arrays.copyOf(y, y.length + running.length);
        for (int f = 0; f < running.length; f++) {
            values[y.length + f] = floorAtAverage ? Math.max(mean[f], 0) : mean[f];
        }
        return new GpModel(model.kernel, withFantasies, values);
    }

    private static List<String> names(GpSpace space) {
        String[] names = new String[space.dimensions()];
        for (int i = 0; i < names.length; i++) {
            names[i] = space.name(i);
        }
        return List.of(names);
    }

    @Override
    public String toString() {
        return "GpSampler[seed=" + seed + ", startupTrials=" + startupTrials + ", candidates=" + candidates
                + ", localStarts=" + localStarts + ", fitPoints=" + fitPoints + ", maxPoints=" + maxPoints
                + ", acquisition=" + scalarization.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }

    /** Builds a {@link GpSampler}; every option has a default. */
    public static final class Builder {
        static final int DEFAULT_STARTUP = 5;

        private long seed = Seeds.fresh();
        private int startupTrials = DEFAULT_STARTUP;
        private int candidates = 1024;
        private int localStarts = 4;
        private int fitPoints = 128;
        private int maxPoints = 256;
        private GpFront.Scalarization scalarization = GpFront.Scalarization.PAREGO;

        private Builder() {}

        /** The seed; the same seed, space and history give the same proposals. Default: a fresh seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many complete trials come from the Sobol sequence before the GP takes over; at least 1. Default: 10. */
        public Builder startupTrials(int startupTrials) {
            this.startupTrials = requireAtLeast("startupTrials", startupTrials, 1);
            return this;
        }

        /** How many Sobol candidates the acquisition is evaluated at before the local search; at least 1. Default: 1024. */
        public Builder candidates(int candidates) {
            this.candidates = requireAtLeast("candidates", candidates, 1);
            return this;
        }

        /** From how many of the best candidates the local search starts; at least 0. Default: 4. */
        public Builder localStarts(int localStarts) {
            this.localStarts = requireAtLeast("localStarts", localStarts, 0);
            return this;
        }

        /** The most trials the hyperparameters are fitted on (cost grows as its cube); at least 2. Default: 128. */
        public Builder fitPoints(int fitPoints) {
            this.fitPoints = requireAtLeast("fitPoints", fitPoints, 2);
            return this;
        }

        /** The most trials the posterior conditions on (at least {@code fitPoints}); at least 2. Default: 256. */
        public Builder maxPoints(int maxPoints) {
            this.maxPoints = requireAtLeast("maxPoints", maxPoints, 2);
            return this;
        }

        /**
         * How a study of several objectives is searched: {@code "parego"} (the default), one GP per
         * proposal on a random Chebyshev scalarization of the objectives, and log EI; or
         * {@code "ehvi"}, one GP per objective and log expected hypervolume improvement over the
         * feasible front, for 2 and 3 objectives (ParEGO is used beyond 3 whatever is set). The
         * default was chosen on {@code benchmarks/run mo --suite training}: see benchmarks/README.md.
         *
         * @throws IllegalArgumentException for another name
         */
        public Builder acquisition(String acquisition) {
            this.scalarization = switch (acquisition.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "ehvi" -> GpFront.Scalarization.EHVI;
                case "parego" -> GpFront.Scalarization.PAREGO;
                default -> throw new IllegalArgumentException("GP option acquisition (tuner.gp.acquisition) is '"
                        + acquisition + "'; use ehvi or parego");
            };
            return this;
        }

        /**
         * Sets options by name, as the configuration keys {@code tuner.gp.<name>} give them:
         * {@code startupTrials}, {@code candidates}, {@code localStarts}, {@code fitPoints},
         * {@code maxPoints}, {@code acquisition}.
         *
         * @throws IllegalArgumentException for an unknown name or a bad value
         */
        public Builder options(Map<String, String> options) {
            options.forEach((name, value) -> {
                if (name.equals("acquisition")) {
                    acquisition(value);
                    return;
                }
                int number = switch (name) {
                    case "startupTrials", "candidates", "localStarts", "fitPoints", "maxPoints" -> parse(name, value);
                    default -> throw new IllegalArgumentException("unknown GP option '" + name + "' (tuner.gp." + name
                            + "); use startupTrials, candidates, localStarts, fitPoints, maxPoints or acquisition");
                };
                switch (name) {
                    case "startupTrials" -> startupTrials(number);
                    case "candidates" -> candidates(number);
                    case "localStarts" -> localStarts(number);
                    case "fitPoints" -> fitPoints(number);
                    default -> maxPoints(number);
                }
            });
            return this;
        }

        /** The sampler. */
        public GpSampler build() {
            return new GpSampler(this);
        }

        private static int parse(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("tuner.gp." + name + "=" + value + " is not a whole number; give e.g. "
                        + (name.equals("candidates") ? "1024" : "10"));
            }
        }

        private static int requireAtLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException("GP option " + name + " must be at least " + min + ", but it is "
                        + value);
            }
            return value;
        }
    }
}
