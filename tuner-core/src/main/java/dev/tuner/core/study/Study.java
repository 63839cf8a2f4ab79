package dev.tuner.core.study;

import dev.tuner.Direction;
import dev.tuner.core.pruner.NopPruner;
import dev.tuner.core.pruner.Pruner;
import dev.tuner.core.pruner.TrialGroup;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.storage.StartedTrial;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.WorkerDiedException;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A search for the knob values that optimize an objective: a named series of trials, kept in a
 * {@link Storage} and proposed by a {@link Sampler}.
 *
 * <p>Ask/tell is the primitive; {@link #optimize(Objective, int)} is a loop over it:
 *
 * <pre>{@code
 * Study study = Study.builder("quad1")
 *         .sampler(new RandomSampler(1))
 *         .storage(new InMemoryStorage())
 *         .build();
 * Trial trial = study.ask();
 * double x = trial.suggestFloat("x", -10, 10);
 * study.tell(trial, x * x - x + 1);
 * study.bestTrial().ifPresent(best -> System.out.println(best.params()));
 * }</pre>
 *
 * <p>The storage is the only state: a study built on a storage that already holds trials of the
 * same name continues them.
 *
 * <p>A {@link Pruner} (none by default) stops hopeless trials early, judging by the values they
 * {@linkplain Trial#report report}; see {@link Trial#shouldPrune()}.
 *
 * <p>A study may have several objectives, each with its direction
 * ({@link Builder#directions(Direction...)}): a trial is told one value per direction
 * ({@link #tell(Trial, double...)}, or {@link #optimize(Objective, int)} with an
 * {@link Objective#several objective returning several values}), and the study's best
 * trials are those no other feasible trial beats on every objective ({@link #bestTrials()}). With one
 * objective or several, a trial may record constraints ({@link Trial#constrain}); only trials whose
 * every constraint is at most 0 count as best.
 */
public final class Study implements TrialHistory {

    private static final String WORKER_DIED = WorkerDiedException.class.getName();

    private final String name;
    private final List<Direction> directions;
    private final List<String> objectiveNames;
    private final Sampler sampler;
    private final Storage storage;
    private final Pruner pruner;
    /** The trials this study shows when it is a sampler's view of a group, or {@code null} for all. */
    private final TrialGroup group;
    private final Map<TrialGroup, Study> views;

    private Study(Builder builder) {
        this.name = builder.name;
        this.directions = List.copyOf(builder.directions);
        List<String> given = builder.objectiveNames();
        this.sampler = Objects.requireNonNull(builder.sampler, "sampler");
        this.storage = Objects.requireNonNull(builder.storage, "storage");
        this.pruner = builder.pruner;
        this.group = null;
        this.views = new ConcurrentHashMap<>();
        if (directions.size() == 1) {
            storage.createStudy(name, directions.get(0));
        } else {
            storage.createStudy(name, directions);
        }
        this.objectiveNames = nameObjectives(given);
    }

    /**
     * The objectives' names: names other than the defaults are kept in the storage (unless it holds
     * them already), so that a report or an export made from the storage alone shows them; without
     * such names, the storage's, when it has them for these directions.
     */
    private List<String> nameObjectives(List<String> given) {
        Optional<List<String>> stored = storage.objectiveNames(name);
        if (!given.equals(TrialHistory.defaultObjectiveNames(directions.size()))) {
            if (!stored.equals(Optional.of(given))) {
                storage.nameObjectives(name, given);
            }
            return given;
        }
        return stored.filter(names -> names.size() == directions.size()).orElse(given);
    }

    /** The view of {@code whole} that shows only the trials of {@code group}. */
    private Study(Study whole, TrialGroup group) {
        this.name = whole.name;
        this.directions = whole.directions;
        this.objectiveNames = whole.objectiveNames;
        this.sampler = whole.sampler;
        this.storage = whole.storage;
        this.pruner = whole.pruner;
        this.group = group;
        this.views = whole.views;
    }

    /**
     * The study that started {@code trial} ({@link #ask()}, {@link #optimize}): for code that holds
     * only a running trial and must tell it, as a shutdown hook does for the trials a dying JVM cut off.
     *
     * @throws IllegalArgumentException if no study started it (a {@link Trial} of the caller's own making)
     */
    public static Study of(Trial trial) {
        if (trial instanceof StudyTrial asked) {
            return asked.study();
        }
        throw new IllegalArgumentException("trial #" + trial.number() + " (a " + trial.getClass().getName()
                + ") was not started by a study");
    }

    /** Starts building a study with the given name; the name identifies it in its storage. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The study's name. */
    @Override
    public String name() {
        return name;
    }

    /**
     * Whether smaller or larger objective values are better, for a study of one objective.
     *
     * @throws IllegalStateException if the study has several objectives: read {@link #directions()}
     */
    @Override
    public Direction direction() {
        if (directions.size() > 1) {
            throw new IllegalStateException("study '" + name + "' has " + directions.size() + " objectives, with directions "
                    + directions + ", so it has no one direction; read directions()");
        }
        return directions.get(0);
    }

    /** The direction of each objective, in the order a trial's values are told. */
    @Override
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The name of each objective, in the order of {@link #directions()}: those given to
     * {@link Builder#objectiveNames}, which the storage then keeps; else those the storage keeps for
     * the study ({@link Storage#objectiveNames}); else {@link TrialHistory#defaultObjectiveNames the defaults}.
     */
    @Override
    public List<String> objectiveNames() {
        return objectiveNames;
    }

    @Override
    public boolean isMultiObjective() {
        return directions.size() > 1;
    }

    /** The sampler that proposes knob values. */
    public Sampler sampler() {
        return sampler;
    }

    /** The pruner that decides whether a running trial should stop; a {@link NopPruner} unless one was set. */
    public Pruner pruner() {
        return pruner;
    }

    /**
     * Starts a trial, {@link TrialState#RUNNING} until it is told: the oldest trial
     * {@linkplain #enqueue enqueued} in the storage that no worker took yet, with its values, or
     * else a new one.
     */
    public Trial ask() {
        return newTrial(storage.startTrial(name));
    }

    /**
     * Starts a trial as {@link #ask()} does unless the study already holds {@code budget} trials in
     * the {@code counted} states: a budget counted per study, so that workers sharing the storage
     * together run it once. A trial waiting in the queue spends no budget until it is started.
     *
     * @return the started trial, or empty when the budget is spent
     */
    public Optional<Trial> askWithinBudget(int budget, Set<TrialState> counted) {
        Optional<StartedTrial> started = storage.startTrialWithinBudget(name, budget, counted);
        return started.isPresent() ? Optional.of(newTrial(started.get())) : Optional.empty();
    }

    /** Runs {@code calls} as one unit of the storage's ({@link Storage#together}). */
    <T> T together(Supplier<T> calls) {
        return storage.together(calls);
    }

    private Trial newTrial(StartedTrial started) {
        int number = started.number();
        Study view = samplerView(number);
        return new StudyTrial(this, number, view, sampler.sampleRelative(view, number), started.enqueuedValues());
    }

    /**
     * The study as the sampler sees it when it proposes for trial {@code trialNumber}: the whole
     * study, or, when the pruner {@linkplain Pruner#samplerGroup puts the trial in a group} (a
     * Hyperband bracket), a view whose {@link #trials()} holds only that group's trials. A view
     * is kept for each group, so that samplers that keep state per study keep it per group.
     */
    Study samplerView(int trialNumber) {
        Optional<TrialGroup> of = pruner.samplerGroup(this, trialNumber);
        if (of.isEmpty() || of.get().equals(group)) {
            return this;
        }
        return views.computeIfAbsent(of.get(), key -> new Study(this, key));
    }

    /**
     * Queues a trial with given knob values (warm start: last run's best, or a configuration known
     * to be good). The trial is stored, {@link TrialState#WAITING}, and the next trial that any
     * worker sharing the storage starts ({@link #ask()}, {@link #optimize}) takes it, the oldest
     * first; it waits across restarts and crashes until then, and spends no trial budget while it
     * waits. Knobs it leaves out are drawn by the sampler as usual.
     *
     * <p>Values are given as the objective receives them ({@code 0.5}, {@code 12L}, {@code true},
     * an enum constant, a sealed branch's class) or as their text, as a properties file of best
     * parameters holds them ({@code "0.5"}, {@code "relu"}, a branch's simple name). The storage
     * keeps each as text (a real number as {@link Double#toString} writes it, so it reads back as
     * the same {@code double}); it is checked against its knob's distribution when the trial reads
     * the knob, and a value the knob cannot take fails that trial.
     *
     * @param params knob values by full knob name
     * @return the queued trial's number
     */
    public int enqueue(Map<String, ?> params) {
        Map<String, String> texts = new LinkedHashMap<>();
        params.forEach((knob, value) -> texts.put(Objects.requireNonNull(knob, "knob name"),
                EnqueuedValue.textOf(Objects.requireNonNull(value, () -> "value of knob '" + knob + "'"))));
        return storage.enqueueTrial(name, texts);
    }

    /** Whether a storage failed the trial because its worker died (see {@link WorkerDiedException}). */
    static boolean workerDied(FrozenTrial trial) {
        return trial.state() == TrialState.FAIL
                && trial.failure().filter(failure -> WORKER_DIED.equals(failure.type())).isPresent();
    }

    /**
     * Enqueues a retry of a trial whose worker died, with the knob values it had read (and those it
     * was enqueued with, if it was), unless the storage holds a retry of it already or it is a
     * retry itself, as Optuna's {@code RetryFailedTrialCallback} does once.
     */
    void enqueueRetry(FrozenTrial died) {
        Map<String, String> values = new LinkedHashMap<>(died.enqueuedValues());
        died.params().forEach((knob, value) -> values.put(knob, EnqueuedValue.textOf(value)));
        storage.enqueueRetry(name, died.number(), values);
    }

    /**
     * Finishes a trial with its objective value: {@link TrialState#COMPLETE} when the value is
     * finite, {@link TrialState#FAIL} with a {@link NonFiniteObjectiveException} as the reason
     * otherwise. The constraints the trial recorded ({@link Trial#constrain}) are kept with it.
     *
     * @throws IllegalArgumentException if the study has several objectives: tell one value per
     *     direction with {@link #tell(Trial, double...)}
     */
    public FrozenTrial tell(Trial trial, double value) {
        checkValueCount(trial, 1);
        if (!Double.isFinite(value)) {
            return tellFailure(trial, new NonFiniteObjectiveException(trial.number(), value));
        }
        Map<String, Double> constraints = constraintsOf(trial);
        storage.finishTrial(name, trial.number(), TrialState.COMPLETE,
                constraints.isEmpty() ? TrialResult.of(value) : TrialResult.of(new double[] {value}, constraints), null);
        return storage.trial(name, trial.number());
    }

    /**
     * Finishes a trial with its objective values, one per direction of the study in their order:
     * {@link TrialState#COMPLETE} when every value is finite, {@link TrialState#FAIL} with a
     * {@link NonFiniteObjectiveException} as the reason otherwise. The constraints the trial
     * recorded ({@link Trial#constrain}) are kept with it.
     *
     * <pre>{@code
     * Trial trial = study.ask();                       // a study of directions MAXIMIZE, MINIMIZE
     * Model model = train(trial.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG));
     * study.tell(trial, model.accuracy(), model.latencyMs());
     * }</pre>
     *
     * @throws IllegalArgumentException if the number of values is not the study's number of
     *     directions; the trial stays running, to be told again
     */
    public FrozenTrial tell(Trial trial, double... values) {
        checkValueCount(trial, values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return tellFailure(trial, new NonFiniteObjectiveException(trial.number(), values, i));
            }
        }
        storage.finishTrial(name, trial.number(), TrialState.COMPLETE, TrialResult.of(values, constraintsOf(trial)), null);
        return storage.trial(name, trial.number());
    }

    private void checkValueCount(Trial trial, int count) {
        if (count != directions.size()) {
            throw new IllegalArgumentException(wrongCount(trial, count, "was told"));
        }
    }

    private String wrongCount(Trial trial, int count, String how) {
        return "trial #" + trial.number() + " of study '" + name + "' " + how + " " + count + (count == 1 ? " value" : " values")
                + ", but the study has " + directions.size() + (directions.size() == 1 ? " objective" : " objectives")
                + " " + directions + "; give one value per direction, in their order"
                + (directions.size() > 1 ? " (study.tell(trial, v1, v2, ...), or Objective.several(trial -> new double[] {v1, v2, ...}))" : "");
    }

    /** The constraints {@code trial} recorded, if it is one of this study's. */
    private static Map<String, Double> constraintsOf(Trial trial) {
        return trial instanceof StudyTrial asked ? asked.constraints() : Map.of();
    }

    /**
     * Finishes a trial as {@link TrialState#PRUNED}, keeping the last value it reported (the one at
     * its largest step) as its value, or none if it reported nothing.
     */
    public FrozenTrial tellPruned(Trial trial) {
        FrozenTrial now = storage.trial(name, trial.number());
        double[] last = now.lastStep().isPresent() && directions.size() == 1
                ? new double[] {now.intermediateValues().get(now.lastStep().getAsInt())}
                : new double[0];
        storage.finishTrial(name, trial.number(), TrialState.PRUNED, TrialResult.of(last, constraintsOf(trial)), null);
        return storage.trial(name, trial.number());
    }

    /** Finishes a trial as {@link TrialState#FAIL}, keeping why (and the constraints it recorded). */
    public FrozenTrial tellFailure(Trial trial, Throwable cause) {
        storage.finishTrial(name, trial.number(), TrialState.FAIL, TrialResult.of(new double[0], constraintsOf(trial)),
                TrialFailure.of(cause));
        return storage.trial(name, trial.number());
    }

    /**
     * Runs one trial of {@code objective}: asks, evaluates and tells. An exception thrown by the
     * objective fails the trial and is returned in the outcome, not thrown; a {@link TrialPruned}
     * (or returning after {@link Trial#shouldPrune()} said stop) prunes it.
     */
    public TrialOutcome runTrial(Objective objective) {
        checkObjective(objective);
        return evaluate(together(() -> prepared(ask(), objective)), objective);
    }

    /**
     * Runs one trial as {@link #runTrial(Objective)} does, calling {@code callback} around it on this
     * thread: {@link TrialCallback#beforeTrial} once the trial started, before the objective runs, and
     * {@link TrialCallback#afterTrial} once it is told.
     *
     * @throws RuntimeException what {@code callback} threw; a trial it kept from running is told failed
     */
    public TrialOutcome runTrial(Objective objective, TrialCallback callback) {
        checkObjective(objective);
        Trial trial = together(() -> prepared(ask(), objective));
        StudyRunner.announce(this, trial, List.of(callback));
        TrialOutcome outcome = evaluate(trial, objective);
        callback.afterTrial(this, outcome);
        return outcome;
    }

    /**
     * {@code trial} once {@code objective} drew the knobs it reads first ({@link Objective#prepare});
     * a failure to draw is left for the objective's evaluation to meet again and report.
     */
    static Trial prepared(Trial trial, Objective objective) {
        try {
            objective.prepare(trial);
        } catch (RuntimeException failed) {
            // evaluate draws the same knob again, meets the failure and fails the trial with it
        }
        return trial;
    }

    /**
     * Evaluates {@code objective} on an asked trial and tells the outcome; what it throws fails the
     * trial, and the study goes on.
     *
     * @throws StudyAbortedError if it threw an error the JVM cannot go on from (out of memory),
     *     after the trial is told failed
     */
    TrialOutcome evaluate(Trial trial, Objective objective) {
        double[] values;
        try {
            values = valuesOf(objective, trial);
        } catch (Throwable cause) {
            return fail(trial, cause);
        }
        return complete(trial, values);
    }

    /** What {@code objective} returns for {@code trial}: its one value, or a {@link MultiObjective}'s values. */
    static double[] valuesOf(Objective objective, Trial trial) throws Exception {
        return objective instanceof SeveralObjectives several ? several.values(trial) : new double[] {objective.evaluate(trial)};
    }

    /**
     * Tells a trial's objective values; values that are not finite, or not one per direction (or
     * none), fail it; a trial the pruner stopped is pruned.
     */
    TrialOutcome complete(Trial trial, double[] values) {
        if (trial instanceof StudyTrial asked && asked.stoppedByPruner()) {
            return prune(trial, null);
        }
        if (values == null || values.length != directions.size()) {
            return fail(trial, new IllegalArgumentException(wrongCount(trial, values == null ? 0 : values.length,
                    "returned")));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return fail(trial, values.length == 1 ? new NonFiniteObjectiveException(trial.number(), values[0])
                        : new NonFiniteObjectiveException(trial.number(), values, i));
            }
        }
        return new TrialOutcome(values.length == 1 ? tell(trial, values[0]) : tell(trial, values), Optional.empty());
    }

    /**
     * Tells a trial failed by {@code cause}, or pruned when {@code cause} is (or wraps) a {@link TrialPruned}.
     *
     * @throws StudyAbortedError when {@code cause} is {@linkplain StudyAbortedError#isFatal fatal}, after telling
     */
    TrialOutcome fail(Trial trial, Throwable cause) {
        if (StudyAbortedError.isFatal(cause)) {
            StudyAbortedError aborted = new StudyAbortedError(name, trial.number(), cause);
            try {
                aborted.recorded(new TrialOutcome(tellFailure(trial, cause), Optional.of(cause)));
            } catch (RuntimeException | Error notTold) {
                aborted.addSuppressed(notTold);
            }
            throw aborted;
        }
        Throwable wrapped = cause;
        for (int depth = 0; wrapped != null && depth < 8; depth++, wrapped = wrapped.getCause()) {
            if (wrapped instanceof TrialPruned pruned) {
                return prune(trial, pruned);
            }
        }
        return new TrialOutcome(tellFailure(trial, cause), Optional.of(cause));
    }

    private TrialOutcome prune(Trial trial, TrialPruned thrown) {
        FrozenTrial told = tellPruned(trial);
        return new TrialOutcome(told, Optional.of(TrialOutcome.describing(told, thrown)));
    }

    void report(int trialNumber, int step, double value) {
        storage.setIntermediateValue(name, trialNumber, step, value);
    }

    boolean shouldPrune(int trialNumber) {
        return pruner.prune(this, storage.trial(name, trialNumber));
    }

    /**
     * Runs {@code trials} more trials of {@code objective} one after another, whatever the study holds.
     *
     * @throws IllegalStateException if the study has several objectives and {@code objective} returns
     *     one value: give one {@linkplain Objective#several returning a value per direction}
     */
    public void optimize(Objective objective, int trials) {
        checkObjective(objective);
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, but it is " + trials);
        }
        for (int i = 0; i < trials; i++) {
            runTrial(objective);
        }
    }

    /**
     * Runs trials of {@code objective} until the study holds its budget, a timeout passes or a stop
     * condition holds; see {@link OptimizeSettings}. The budget counts the study's trials, so a
     * resumed study or several workers on one storage run it once between them.
     *
     * @throws IllegalStateException if a storage or callback failed; the trials finished so far are kept
     */
    public OptimizeResult optimize(Objective objective, OptimizeSettings settings) {
        checkObjective(objective);
        return new StudyRunner(this, objective, settings).run();
    }

    private void checkObjective(Objective objective) {
        if (directions.size() > 1 && !(objective instanceof SeveralObjectives)) {
            throw new IllegalStateException("study '" + name + "' has " + directions.size() + " objectives " + directions
                    + ", but its objective returns one value; give one that returns a value per direction:"
                    + " Objective.several(trial -> new double[] {accuracy, latency})");
        }
    }

    /**
     * Every trial of the study, in number order, as stored now. In the view a sampler gets for a
     * trial that the pruner put in a group (see {@link Pruner#samplerGroup}), only that group's.
     */
    @Override
    public List<FrozenTrial> trials() {
        List<FrozenTrial> all = storage.trials(name);
        if (group == null) {
            return all;
        }
        List<FrozenTrial> members = new ArrayList<>();
        for (FrozenTrial trial : all) {
            if (group.contains(trial.number())) {
                members.add(trial);
            }
        }
        return List.copyOf(members);
    }

    /**
     * The completed, feasible trial (every constraint at most 0) with the best objective value (the
     * earliest on ties), if any.
     *
     * @throws IllegalStateException if the study has several objectives, where no one trial is best:
     *     use {@link #bestTrials()}
     */
    public Optional<FrozenTrial> bestTrial() {
        if (directions.size() > 1) {
            throw new IllegalStateException("study '" + name + "' has " + directions.size() + " objectives " + directions
                    + ", so no one trial is best; use bestTrials() for the feasible trials that no other beats on"
                    + " every objective (the Pareto front)");
        }
        return bestOf(trials());
    }

    /**
     * The completed, feasible trials (every constraint at most 0) that no other such trial beats on
     * every objective, in number order: the Pareto front of a study of several objectives, or the
     * trials sharing the best value of a study of one. Empty when no trial is complete and feasible.
     */
    public List<FrozenTrial> bestTrials() {
        return TrialHistory.bestTrials(trials(), directions);
    }

    /** The best complete trial among {@code trials}, for callers that read the history once. */
    Optional<FrozenTrial> bestOf(List<FrozenTrial> trials) {
        return TrialHistory.best(trials, direction());
    }

    Suggestion suggest(Study samplerView, int trialNumber, String knob, Distribution distribution,
            Suggestion relative, String given) {
        double internal;
        if (given != null) {
            internal = EnqueuedValue.internalOf(knob, distribution, given);
        } else if (relative != null && relative.distribution().equals(distribution)) {
            internal = relative.internal();
        } else {
            internal = sampler.sample(samplerView, trialNumber, knob, distribution);
        }
        if (!distribution.contains(internal)) {
            throw new IllegalStateException(sampler.getClass().getSimpleName() + " proposed " + internal
                    + " for knob '" + knob + "', outside " + distribution + "; this is a bug in the sampler");
        }
        // this study finishes the trial too: the storage may write the value with a later write of the trial
        storage.setParamDeferred(name, trialNumber, knob, distribution, internal);
        return new Suggestion(distribution, internal);
    }

    /** Builds a {@link Study}; the sampler and storage are required. */
    public static final class Builder {

        private final String name;
        private List<Direction> directions = List.of(Direction.MINIMIZE);
        private List<String> objectiveNames;
        private Sampler sampler;
        private Storage storage;
        private Pruner pruner = new NopPruner();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a study needs a non-blank name");
            }
            this.name = name;
        }

        /** Whether smaller (the default) or larger objective values are better, for a study of one objective. */
        public Builder direction(Direction direction) {
            this.directions = List.of(Objects.requireNonNull(direction, "direction"));
            return this;
        }

        /**
         * The direction of each objective, for a study of several (or one): a trial is then told
         * one value per direction, in this order.
         *
         * <pre>{@code
         * Study.builder("accuracy-latency").directions(Direction.MAXIMIZE, Direction.MINIMIZE)
         * }</pre>
         *
         * @throws IllegalArgumentException if no direction is given
         */
        public Builder directions(Direction... directions) {
            if (directions.length == 0) {
                throw new IllegalArgumentException("study '" + name + "' needs at least one direction, one per objective");
            }
            for (Direction direction : directions) {
                Objects.requireNonNull(direction, "direction");
            }
            this.directions = List.of(directions);
            return this;
        }

        /**
         * The name of each objective, in the order of the {@linkplain #directions directions}, which
         * trial names, the console, the output files and the report show; without them, objectives are
         * called as {@link TrialHistory#defaultObjectiveNames} says ({@code value} for one objective).
         *
         * <pre>{@code
         * Study.builder("accuracy-latency")
         *         .directions(Direction.MAXIMIZE, Direction.MINIMIZE)
         *         .objectiveNames("accuracy", "latency")
         * }</pre>
         *
         * @throws IllegalArgumentException if a name is blank or two are the same; {@link #build()} also
         *     refuses names whose count is not that of the directions
         */
        public Builder objectiveNames(String... names) {
            Set<String> seen = new HashSet<>();
            for (String objective : names) {
                if (objective == null || objective.isBlank()) {
                    throw new IllegalArgumentException("study '" + name + "' was given a blank objective name among "
                            + Arrays.toString(names) + "; name each objective, such as \"accuracy\"");
                }
                if (!seen.add(objective)) {
                    throw new IllegalArgumentException("study '" + name + "' was given objective name '" + objective
                            + "' twice in " + Arrays.toString(names) + "; give each objective its own name");
                }
            }
            this.objectiveNames = List.of(names);
            return this;
        }

        /** The names given, checked against the directions, or the defaults. */
        private List<String> objectiveNames() {
            if (objectiveNames == null) {
                return TrialHistory.defaultObjectiveNames(directions.size());
            }
            if (objectiveNames.size() != directions.size()) {
                throw new IllegalArgumentException("study '" + name + "' has " + directions.size()
                        + (directions.size() == 1 ? " direction " : " directions ") + directions + " but "
                        + objectiveNames.size() + (objectiveNames.size() == 1 ? " objective name " : " objective names ")
                        + objectiveNames + "; give one name per direction, in their order");
            }
            return objectiveNames;
        }

        /** The sampler that proposes knob values. */
        public Builder sampler(Sampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /** Where the study's trials are kept. */
        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /** The pruner that stops hopeless trials early; default a {@link NopPruner}, which never does. */
        public Builder pruner(Pruner pruner) {
            this.pruner = Objects.requireNonNull(pruner, "pruner");
            return this;
        }

        /** The study, created in its storage if it is not there yet. */
        public Study build() {
            return new Study(this);
        }
    }
}
