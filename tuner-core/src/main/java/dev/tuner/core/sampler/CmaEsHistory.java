package dev.tuner.core.sampler;

import dev.tuner.Direction;
import dev.tuner.core.sampler.CmaEsRun.Candidate;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CMA-ES's state for one study, rebuilt from the study's history alone, so that a resumed study,
 * or another worker sharing its storage, reaches the same state (see {@link CmaEsSampler} for the
 * rules). Kept between proposals: each call reads only the trials that changed since the last.
 *
 * <p>Not thread-safe: the sampler holds its lock while it proposes.
 */
final class CmaEsHistory {

    private final long seed;
    private final Direction direction;
    private final CmaEsRestarts restarts;
    private final boolean warmStart;
    private final boolean withMargin;

    /** The knobs every complete trial held; null before the first complete trial. */
    private CmaEsSpace space;
    private int complete;
    private int spaceScanned;
    private List<Integer> spaceUnfinished = new ArrayList<>();

    /** The position in the trial list of the next trial to replay. */
    private int cursor;
    private CmaEsWarmStart warm;
    /**
     * Positions of trials the search passed that may join the warm start of a later trial: those
     * unfinished when passed, or finished after the start of the trial then searched.
     */
    private List<Integer> warmPending = new ArrayList<>();
    /** The latest start among the trials the search reached. */
    private Instant latestStart = Instant.MIN;
    /** Whether {@link #warm} holds the warm start of the trial at the cursor. */
    private boolean warmAtCursor;
    /**
     * The first generation's states while the search looks for the run's start, kept while they
     * stay the same (proposing does not change a state): the cold one, and the warm one with the
     * warm start's size it was made at.
     */
    private CmaEsState coldFirst;
    private CmaEsState warmFirst;
    private int warmFirstSize = -1;
    /** The run being replayed; null until a trial is found that the first generation proposed. */
    private CmaEsRun run;
    private int generationsTold;

    CmaEsHistory(long seed, Direction direction, CmaEsRestarts restarts, boolean warmStart, boolean margin) {
        this.seed = seed;
        this.direction = direction;
        this.restarts = restarts;
        this.warmStart = warmStart;
        this.withMargin = margin;
    }

    /** The knobs CMA-ES searches, or null while no trial is complete. */
    CmaEsSpace space() {
        return space;
    }

    /** How many trials are complete. */
    int complete() {
        return complete;
    }

    /** The state being replayed, or null before the first run began (for tests). */
    CmaEsState state() {
        return run == null ? null : run.state();
    }

    /** The index of the current run (0 for the first, 1 after the first restart); -1 before it began. */
    int runIndex() {
        return run == null ? -1 : run.index();
    }

    /** How many generations were told, over all runs. */
    int generationsTold() {
        return generationsTold;
    }

    /**
     * The proposal for trial {@code number}, after reading what changed in {@code trials}; null
     * when no complete trial holds a knob CMA-ES searches.
     */
    Candidate propose(List<FrozenTrial> trials, int number) {
        refresh(trials);
        if (space == null || space.dimension() == 0) {
            return null;
        }
        if (run != null) {
            return run.propose(number);
        }
        // no run began yet: this trial is the first of the first generation, warm if the search
        // stands at it and it has a warm start (a trial not stored, or beyond a trial the search
        // waits for, starts cold: a replay will find it so)
        boolean warmKnown = cursor < trials.size() && trials.get(cursor).number() == number && warmAtCursor;
        boolean warmed = warmKnown && warmStart && warm.size() >= CmaEsWarmStart.MIN_POINTS;
        return newRun(0, warmed ? warmFirst() : coldFirst()).propose(number);
    }

    private CmaEsState coldFirst() {
        if (coldFirst == null) {
            coldFirst = restarts.cold(space.dimension());
        }
        return coldFirst;
    }

    private CmaEsState warmFirst() {
        if (warmFirstSize != warm.size()) {
            warmFirst = warm.start(restarts.baseLambda(space.dimension()));
            warmFirstSize = warm.size();
        }
        return warmFirst;
    }

    /** Reads the trials that changed since the last call. */
    void refresh(List<FrozenTrial> trials) {
        if (updateSpace(trials)) {
            cursor = 0;
            run = null;
            generationsTold = 0;
            warm = new CmaEsWarmStart(space.dimension());
            warmPending = new ArrayList<>();
            latestStart = Instant.MIN;
            warmAtCursor = false;
            coldFirst = null;
            warmFirst = null;
            warmFirstSize = -1;
        }
        if (space != null && space.dimension() > 0) {
            replay(trials);
        }
    }

    /** Narrows the space by the trials completed since the last call; whether it changed. */
    private boolean updateSpace(List<FrozenTrial> trials) {
        CmaEsSpace before = space;
        List<Integer> still = new ArrayList<>();
        for (int position : spaceUnfinished) {
            visitForSpace(trials.get(position), position, still);
        }
        for (int position = spaceScanned; position < trials.size(); position++) {
            visitForSpace(trials.get(position), position, still);
        }
        spaceScanned = trials.size();
        spaceUnfinished = still;
        return space != null && !space.equals(before);
    }

    private void visitForSpace(FrozenTrial trial, int position, List<Integer> still) {
        if (!trial.state().isFinished()) {
            still.add(position);
        } else if (trial.state() == TrialState.COMPLETE) {
            complete++;
            space = space == null ? CmaEsSpace.of(trial) : space.intersect(trial);
        }
    }

    /**
     * Replays the trials from the cursor, in number order, until one whose part cannot be known
     * yet: the first run begins at the first trial whose knobs are what the first generation
     * proposes for it; each trial after that is a member of the current generation when its knobs
     * are what that generation proposes for its number, and the generation is told once it holds
     * {@code λ} finished members that did not fail.
     */
    private void replay(List<FrozenTrial> trials) {
        while (cursor < trials.size()) {
            FrozenTrial trial = trials.get(cursor);
            boolean finished = trial.state().isFinished();
            double[] internals = space.internalsOf(trial);
            if (run == null) {
                prepareWarm(trials, trial.started());
                if (internals == null && !finished) {
                    return; // it may read its knobs yet, and be the first of the run
                }
                CmaEsRun begun = internals == null ? null : begin(trial.number(), internals);
                if (begun != null) {
                    run = begun;
                    warm = null; // needed no more
                    warmPending = null;
                    continue; // the trial is the first member of the run's first generation
                }
                warmPending.add(cursor);
                cursor++;
                warmAtCursor = false;
                continue;
            }
            if (internals == null) {
                if (!finished) {
                    return; // it may read its knobs yet
                }
                cursor++;
                continue;
            }
            Candidate candidate = run.propose(trial.number());
            if (!same(candidate.internals(), internals)) {
                cursor++; // not of this generation: proposed from an older one, enqueued, or by another sampler
                continue;
            }
            if (!finished) {
                return; // a member still running: the generation waits for it
            }
            cursor++;
            if (trial.state() == TrialState.FAIL) {
                continue; // the generation takes another member instead
            }
            if (run.add(candidate.unit(), lossOf(trial))) {
                told();
            }
        }
    }

    /** The first run, if trial {@code number}'s knobs are what its first generation proposes; else null. */
    private CmaEsRun begin(int number, double[] internals) {
        if (same(newRun(0, coldFirst()).propose(number).internals(), internals)) {
            return newRun(0, restarts.cold(space.dimension())); // a fresh state: the run will change it
        }
        if (warmStart && warmAtCursor && warm.size() >= CmaEsWarmStart.MIN_POINTS
                && same(newRun(0, warmFirst()).propose(number).internals(), internals)) {
            return newRun(0, warm.start(restarts.baseLambda(space.dimension())));
        }
        return null;
    }

    private CmaEsRun newRun(int index, CmaEsState state) {
        return new CmaEsRun(seed, index, space, state, withMargin);
    }

    /**
     * Makes {@link #warm} the warm start of a trial that started at {@code started}: the complete
     * trials before it that finished before it started (a rule every worker can check
     * afterwards, so that they agree on a warm start), unless trials do not start in number order
     * there (clocks of several machines), where no warm start is made.
     */
    private void prepareWarm(List<FrozenTrial> trials, Instant started) {
        if (started.isBefore(latestStart)) {
            warmAtCursor = false;
            return;
        }
        latestStart = started;
        List<Integer> still = new ArrayList<>();
        for (int position : warmPending) {
            FrozenTrial earlier = trials.get(position);
            if (!earlier.state().isFinished()) {
                still.add(position);
                continue;
            }
            double[] internals = space.internalsOf(earlier);
            if (earlier.state() != TrialState.COMPLETE || internals == null || !warmStart) {
                continue;
            }
            if (!earlier.finished().orElseThrow().isBefore(started)) {
                still.add(position);
            } else {
                warm.add(unitsOf(internals), lossOf(earlier));
            }
        }
        warmPending = still;
        warmAtCursor = true;
    }

    /** After a generation was told: restarts the run if it stopped. */
    private void told() {
        generationsTold++;
        if (restarts.restarts() && run.state().stopReason() != null) {
            int next = run.index() + 1;
            run = newRun(next, restarts.restart(next, space.dimension()));
        }
    }

    private double[] unitsOf(double[] internals) {
        double[] units = new double[internals.length];
        for (int k = 0; k < units.length; k++) {
            units[k] = space.unitOf(k, internals[k]);
        }
        return units;
    }

    /** Smaller is better; a pruned trial ranks after every complete one. */
    private double lossOf(FrozenTrial trial) {
        if (trial.state() != TrialState.COMPLETE || trial.value().isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double value = trial.value().getAsDouble();
        return direction == Direction.MAXIMIZE ? -value : value;
    }

    /**
     * Whether two knob vectors are the same proposal: equal up to the last bits, which a storage's
     * text form could round (the journal writes doubles exactly, but a database column need not).
     */
    static boolean same(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            double scale = Math.max(Math.abs(a[k]), Math.abs(b[k]));
            if (!(Math.abs(a[k] - b[k]) <= 1e-13 * scale) && a[k] != b[k]) {
                return false;
            }
        }
        return true;
    }
}
