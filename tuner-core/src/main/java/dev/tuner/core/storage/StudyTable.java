package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Studies and their trials in memory, with the rules every storage keeps (a study's directions are
 * fixed, trials are numbered from 0 (or from a given number, see {@link InMemoryStorage#numberingFrom}), a finished trial does not change, a waiting trial is claimed
 * before it runs, the oldest first) and the messages that say which rule was broken. {@link InMemoryStorage} is this table behind a lock; {@link JournalStorage}
 * replays its file into one. Not thread-safe: its owner locks.
 */
final class StudyTable {

    private final Map<String, StudyEntry> studies = new HashMap<>();
    /** The number of each study's first trial: 0, but for a table that runs a known trial again under its number. */
    private final int firstNumber;

    StudyTable() {
        this(0);
    }

    /** A table whose studies number their trials from {@code firstNumber}. */
    StudyTable(int firstNumber) {
        if (firstNumber < 0) {
            throw new IllegalArgumentException("trial numbers start at 0 or above, not " + firstNumber);
        }
        this.firstNumber = firstNumber;
    }

    /** Whether {@code createStudy(studyName, directions)} would add a study, after checking the directions. */
    boolean isNewStudy(String studyName, List<Direction> directions) {
        StudyEntry existing = studies.get(studyName);
        if (existing == null) {
            return true;
        }
        if (!existing.directions.equals(directions)) {
            throw Directions.mismatch(studyName, existing.directions, directions);
        }
        return false;
    }

    void createStudy(String studyName, List<Direction> directions) {
        if (isNewStudy(studyName, directions)) {
            studies.put(studyName, new StudyEntry(List.copyOf(directions)));
        }
    }

    /** The study's directions, one per objective. */
    List<Direction> directions(String studyName) {
        return study(studyName).directions;
    }

    /** The study's directions, or empty if there is no such study. */
    Optional<List<Direction>> knownDirections(String studyName) {
        StudyEntry study = studies.get(studyName);
        return study == null ? Optional.empty() : Optional.of(study.directions);
    }

    /** The study's objective names as last named, or empty if never named or there is no such study. */
    Optional<List<String>> objectiveNames(String studyName) {
        StudyEntry study = studies.get(studyName);
        return study == null ? Optional.empty() : Optional.ofNullable(study.objectiveNames);
    }

    /**
     * Checks the study's objective names, and whether {@link #nameObjectives} would change them.
     *
     * @throws IllegalArgumentException if there is no such study or the names do not fit its directions
     */
    boolean renames(String studyName, List<String> names) {
        StudyEntry study = study(studyName);
        return !ObjectiveNames.check(studyName, study.directions, names).equals(study.objectiveNames);
    }

    /** Names the study's objectives; check them with {@link #renames} first. */
    void nameObjectives(String studyName, List<String> names) {
        study(studyName).objectiveNames = List.copyOf(names);
    }

    /** The number the study's next trial gets. */
    int nextNumber(String studyName) {
        return firstNumber + study(studyName).trials.size();
    }

    /** How many of the study's trials are in one of the states. */
    int count(String studyName, Set<TrialState> states) {
        StudyEntry study = study(studyName);
        int count = 0;
        for (TrialState state : states) {
            count += study.counts.getOrDefault(state, 0);
        }
        return count;
    }

    /**
     * How many of the study's trials in the {@code counted} states spend a trial budget: a
     * {@code WAITING} trial never does, whatever {@code counted} says, until a worker claims it.
     */
    int spent(String studyName, Set<TrialState> counted) {
        StudyEntry study = study(studyName);
        int spent = 0;
        for (TrialState state : counted) {
            if (state != TrialState.WAITING) {
                spent += study.counts.getOrDefault(state, 0);
            }
        }
        return spent;
    }

    int createTrial(String studyName, Instant started, WorkerId worker) {
        return createTrial(studyName, started, worker, worker == null ? Optional.empty() : worker.shown());
    }

    /**
     * Starts a trial written by {@code worker} that shows {@code shown} as the process that ran it:
     * the start of a trial added whole.
     */
    int createTrial(String studyName, Instant started, WorkerId worker, Optional<Worker> shown) {
        StudyEntry study = study(studyName);
        return createTrial(study, new TrialRecord(firstNumber + study.trials.size(), started, worker, shown));
    }

    private int createTrial(StudyEntry study, TrialRecord trial) {
        study.trials.add(trial);
        study.counts.merge(TrialState.RUNNING, 1, Integer::sum);
        return trial.number();
    }

    /**
     * Starts a trial for {@code worker} at {@code started}: claims the oldest {@code WAITING} trial,
     * or adds a {@code RUNNING} one when none waits. For an owner that records nothing elsewhere.
     */
    StartedTrial start(String studyName, Instant started, WorkerId worker) {
        StudyEntry study = study(studyName);
        if (study.waiting.isEmpty()) {
            return StartedTrial.of(createTrial(study, new TrialRecord(firstNumber + study.trials.size(), started, worker)));
        }
        int oldest = study.waiting.peek();
        return new StartedTrial(oldest, claim(studyName, oldest, started, worker));
    }

    /**
     * Adds a {@code WAITING} trial with {@code values} (text by knob) and returns its number;
     * {@code retryOf} is the failed trial it retries, checked with {@link #mayRetry}, or -1.
     */
    int enqueueTrial(String studyName, Map<String, String> values, Instant enqueued, int retryOf) {
        StudyEntry study = study(studyName);
        int number = firstNumber + study.trials.size();
        study.trials.add(new TrialRecord(number, enqueued, values, retryOf));
        study.counts.merge(TrialState.WAITING, 1, Integer::sum);
        study.waiting.add(number);
        if (retryOf >= 0) {
            study.retried.add(retryOf);
        }
        return number;
    }

    /**
     * Whether the failed trial {@code failedNumber} may be retried: it is not a retry itself and no
     * retry of it was enqueued yet.
     *
     * @throws IllegalStateException if the trial has not failed
     */
    boolean mayRetry(String studyName, int failedNumber) {
        TrialRecord failed = record(studyName, failedNumber);
        if (failed.state() != TrialState.FAIL) {
            throw new IllegalStateException("trial #" + failedNumber + " of study '" + studyName + "' is "
                    + failed.state() + ", not FAIL, so there is nothing to retry; retry only failed trials");
        }
        return failed.retryOf() < 0 && !study(studyName).retried.contains(failedNumber);
    }

    /** The number of the study's oldest {@code WAITING} trial, or -1 when none waits: the next to claim. */
    int oldestWaiting(String studyName) {
        Integer oldest = study(studyName).waiting.peek();
        return oldest == null ? -1 : oldest;
    }

    /**
     * Makes the {@code WAITING} trial {@code trialNumber} {@code RUNNING} for {@code worker}, started
     * at {@code started}, and returns the values it was enqueued with.
     *
     * @throws IllegalStateException if the trial does not wait (another worker claimed it, or it was never enqueued)
     */
    Map<String, String> claim(String studyName, int trialNumber, Instant started, WorkerId worker) {
        TrialRecord trial = record(studyName, trialNumber);
        if (trial.state() != TrialState.WAITING) {
            throw new IllegalStateException("trial #" + trialNumber + " of study '" + studyName + "' is "
                    + trial.state() + ", not WAITING, so no worker can claim it; claim only the oldest waiting trial");
        }
        StudyEntry study = study(studyName);
        study.waiting.remove(trialNumber);
        study.counts.merge(TrialState.WAITING, -1, Integer::sum);
        study.counts.merge(TrialState.RUNNING, 1, Integer::sum);
        trial.claim(started, worker);
        return trial.enqueuedValues();
    }

    /** Checks that a trial exists and runs, so that it may take a param or be finished. */
    TrialRecord running(String studyName, int trialNumber) {
        TrialRecord trial = record(studyName, trialNumber);
        if (trial.state().isFinished()) {
            throw new IllegalStateException("trial #" + trialNumber + " of study '" + studyName
                    + "' is already " + trial.state() + " and cannot change");
        }
        if (trial.state() == TrialState.WAITING) {
            throw notClaimed(studyName, trialNumber);
        }
        return trial;
    }

    /** Whether the study has trial {@code trialNumber} and it runs, as far as this table knows. */
    boolean isRunning(String studyName, int trialNumber) {
        StudyEntry study = studies.get(studyName);
        int index = trialNumber - firstNumber;
        return study != null && index >= 0 && index < study.trials.size()
                && study.trials.get(index).state() == TrialState.RUNNING;
    }

    /** The error for a change to a trial that still waits for a worker. */
    static IllegalStateException notClaimed(String studyName, int trialNumber) {
        return new IllegalStateException("trial #" + trialNumber + " of study '" + studyName + "' is WAITING: it was "
                + "enqueued and no worker has claimed it yet, so it takes no values and cannot be finished; "
                + "ask the study for a trial, which claims the oldest waiting one, and use that trial");
    }

    void setParam(String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
        running(studyName, trialNumber).setParam(knob, distribution, internal);
    }

    void setIntermediateValue(String studyName, int trialNumber, int step, double value) {
        checkStep(step);
        running(studyName, trialNumber).setIntermediateValue(step, value);
    }

    /** Checks the step of an intermediate value before anything is written. */
    static void checkStep(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step " + step + " is negative; report intermediate values at steps 0, 1, 2, ...");
        }
    }

    /** Checks the arguments of a finish before anything is written. */
    static void checkFinish(TrialState state) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException(state + " is not a finished state; finish a trial as COMPLETE, PRUNED or FAIL");
        }
    }

    void finishTrial(String studyName, int trialNumber, TrialState state, TrialResult value, TrialFailure failure,
            Instant finished) {
        checkFinish(state);
        TrialRecord trial = running(studyName, trialNumber);
        StudyEntry study = study(studyName);
        study.counts.merge(trial.state(), -1, Integer::sum);
        study.counts.merge(state, 1, Integer::sum);
        trial.finish(state, value, failure, finished);
    }

    /**
     * Checks a trial to {@linkplain #addTrial add} to a study of {@code directions} before anything
     * is written: it is finished and says when, a complete one has a value per direction, and its
     * reported values are at steps 0 and above.
     *
     * @throws IllegalArgumentException saying which
     */
    static void checkAdded(String studyName, List<Direction> directions, FrozenTrial trial) {
        String which = "trial #" + trial.number() + " to add to study '" + studyName + "'";
        if (!trial.state().isFinished() || trial.finished().isEmpty()) {
            throw new IllegalArgumentException(which + " is " + trial.state()
                    + (trial.state().isFinished() ? " without a finish time" : "") + ", but only a finished trial"
                    + " (COMPLETE, PRUNED or FAIL, with its finish time) is added whole; start a trial to run one, or"
                    + " enqueue one to have it run");
        }
        if (trial.state() == TrialState.COMPLETE && trial.result().size() != directions.size()) {
            throw new IllegalArgumentException(which + " is COMPLETE with " + trial.result().size() + " values "
                    + trial.values() + ", but the study has " + directions.size() + " directions " + directions
                    + "; add a trial with one value per objective");
        }
        if (!trial.intermediateValues().isEmpty() && trial.intermediateValues().firstKey() < 0) {
            throw new IllegalArgumentException(which + " reported a value at step " + trial.intermediateValues().firstKey()
                    + "; steps are 0 and above, so drop or renumber the negative ones before adding it");
        }
    }

    /** Checks a trial to add to a study of this table, as {@link #checkAdded(String, List, FrozenTrial)} does. */
    void checkAdded(String studyName, FrozenTrial trial) {
        checkAdded(studyName, directions(studyName), trial);
    }

    /**
     * Adds a finished trial as it is, numbered next, with its times to the microsecond, written by
     * {@code writer} (whose death fails it should its finish never come) and showing the worker it
     * came with; check it with {@link #checkAdded} first.
     *
     * @return its number
     */
    int addTrial(String studyName, FrozenTrial trial, WorkerId writer) {
        int number = createTrial(studyName, trial.started().truncatedTo(ChronoUnit.MICROS), writer, trial.worker());
        TrialRecord record = record(studyName, number);
        trial.suggestions().forEach((knob, suggestion) ->
                record.setParam(knob, suggestion.distribution(), suggestion.internal()));
        trial.intermediateValues().forEach(record::setIntermediateValue);
        finishTrial(studyName, number, trial.state(), trial.result(), trial.failure().orElse(null),
                trial.finished().orElseThrow().truncatedTo(ChronoUnit.MICROS));
        return number;
    }

    FrozenTrial trial(String studyName, int trialNumber) {
        return record(studyName, trialNumber).snapshot();
    }

    /**
     * The trial if this table holds it finished, else null: a finished trial never changes again,
     * whoever appends what, so no other writer's records need be read to return it.
     */
    FrozenTrial finishedTrial(String studyName, int trialNumber) {
        StudyEntry study = studies.get(studyName);
        int index = trialNumber - firstNumber;
        if (study == null || index < 0 || index >= study.trials.size()) {
            return null;
        }
        TrialRecord record = study.trials.get(index);
        return record.state().isFinished() ? record.snapshot() : null;
    }

    /**
     * Every trial's snapshot. A finished trial never changes, so its snapshot is kept in an array
     * and read from there: a sampler reads all trials before each proposal, and going to each
     * trial's record instead cost a third of a proposal's time with 10,000 trials.
     */
    List<FrozenTrial> trials(String studyName) {
        StudyEntry study = study(studyName);
        List<TrialRecord> records = study.trials;
        if (study.finished.length < records.size()) {
            study.finished = Arrays.copyOf(study.finished, Math.max(records.size(), 2 * study.finished.length));
        }
        FrozenTrial[] finished = study.finished;
        FrozenTrial[] snapshots = new FrozenTrial[records.size()];
        for (int i = 0; i < snapshots.length; i++) {
            FrozenTrial snapshot = finished[i];
            if (snapshot == null) {
                snapshot = records.get(i).snapshot();
                if (snapshot.state().isFinished()) {
                    finished[i] = snapshot;
                }
            }
            snapshots[i] = snapshot;
        }
        return List.of(snapshots);
    }

    /** Calls {@code action} with the study name of every running trial. */
    void forEachRunning(BiConsumer<String, TrialRecord> action) {
        studies.forEach((name, study) -> {
            if (study.counts.getOrDefault(TrialState.RUNNING, 0) > 0) {
                study.trials.stream().filter(trial -> trial.state() == TrialState.RUNNING)
                        .forEach(trial -> action.accept(name, trial));
            }
        });
    }

    private TrialRecord record(String studyName, int trialNumber) {
        List<TrialRecord> trials = study(studyName).trials;
        int index = trialNumber - firstNumber;
        if (index < 0 || index >= trials.size()) {
            throw new IllegalArgumentException("study '" + studyName + "' has no trial #" + trialNumber);
        }
        return trials.get(index);
    }

    private StudyEntry study(String studyName) {
        StudyEntry study = studies.get(studyName);
        if (study == null) {
            throw new IllegalArgumentException("no study named '" + studyName + "'; create it first");
        }
        return study;
    }

    private static final class StudyEntry {
        final List<Direction> directions;
        final List<TrialRecord> trials = new ArrayList<>();
        final Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        /** The numbers of the {@code WAITING} trials, the oldest first. */
        final PriorityQueue<Integer> waiting = new PriorityQueue<>();
        /** The numbers of the failed trials a retry was enqueued for. */
        final Set<Integer> retried = new HashSet<>();
        /** The names of the objectives as last named, or null if never. */
        List<String> objectiveNames;
        /** The snapshots of finished trials by number, null for the others: they no longer change. */
        FrozenTrial[] finished = new FrozenTrial[16];

        StudyEntry(List<Direction> directions) {
            this.directions = directions;
        }
    }
}
