package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A storage in this process's memory: fast, and gone when the process ends. Right for tests and
 * for studies whose results are written out at the end; {@code memory:} in
 * {@link Storages#open(String)}.
 */
public final class InMemoryStorage implements Storage {

    private final StudyTable table;

    /** An empty storage, whose studies number their trials from 0. */
    public InMemoryStorage() {
        this(new StudyTable());
    }

    private InMemoryStorage(StudyTable table) {
        this.table = table;
    }

    /**
     * An empty storage whose studies number their trials from {@code firstNumber} rather than 0: for
     * running a stored trial's values again as a trial of the same number (a best run, a replay), so
     * that {@link dev.tuner.core.trial.Trial#number()} says which trial's values run, and an
     * objective that seeds its randomness from it draws as that trial did.
     *
     * <pre>{@code
     * Study rerun = Study.builder(name).sampler(sampler).storage(InMemoryStorage.numberingFrom(17)).build();
     * rerun.enqueue(best.params());
     * rerun.runTrial(objective);            // trial.number() is 17
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code firstNumber} is negative
     */
    public static InMemoryStorage numberingFrom(int firstNumber) {
        return new InMemoryStorage(new StudyTable(firstNumber));
    }

    @Override
    public synchronized void createStudy(String studyName, Direction direction) {
        createStudy(studyName, List.of(direction));
    }

    @Override
    public synchronized void createStudy(String studyName, List<Direction> directions) {
        table.createStudy(studyName, Directions.check(studyName, directions));
    }

    @Override
    public synchronized Optional<List<Direction>> directions(String studyName) {
        return table.knownDirections(studyName);
    }

    @Override
    public synchronized void nameObjectives(String studyName, List<String> names) {
        if (table.renames(studyName, names)) {
            table.nameObjectives(studyName, names);
        }
    }

    @Override
    public synchronized Optional<List<String>> objectiveNames(String studyName) {
        return table.objectiveNames(studyName);
    }

    @Override
    public synchronized StartedTrial startTrial(String studyName) {
        return table.start(studyName, Instant.now(), WorkerId.current());
    }

    @Override
    public synchronized Optional<StartedTrial> startTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
        Budgets.check(budget, counted);
        return table.spent(studyName, counted) < budget
                ? Optional.of(table.start(studyName, Instant.now(), WorkerId.current()))
                : Optional.empty();
    }

    @Override
    public synchronized int enqueueTrial(String studyName, Map<String, String> values) {
        return table.enqueueTrial(studyName, values, Instant.now(), -1);
    }

    @Override
    public synchronized OptionalInt enqueueRetry(String studyName, int failedNumber, Map<String, String> values) {
        return table.mayRetry(studyName, failedNumber)
                ? OptionalInt.of(table.enqueueTrial(studyName, values, Instant.now(), failedNumber))
                : OptionalInt.empty();
    }

    @Override
    public synchronized void setParam(
            String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
        table.setParam(studyName, trialNumber, knob, distribution, internal);
    }

    @Override
    public synchronized void setIntermediateValue(String studyName, int trialNumber, int step, double value) {
        table.setIntermediateValue(studyName, trialNumber, step, value);
    }

    @Override
    public synchronized void finishTrial(
            String studyName, int trialNumber, TrialState state, OptionalDouble value, TrialFailure failure) {
        finishTrial(studyName, trialNumber, state, TrialResult.of(value), failure);
    }

    @Override
    public synchronized void finishTrial(
            String studyName, int trialNumber, TrialState state, TrialResult result, TrialFailure failure) {
        table.finishTrial(studyName, trialNumber, state, result, failure, Instant.now());
    }

    /** Adds the finished trial as it is, with its times (to the microsecond) and worker, as the next trial of the study. */
    @Override
    public synchronized int addTrial(String studyName, FrozenTrial trial) {
        table.checkAdded(studyName, trial);
        return table.addTrial(studyName, trial, WorkerId.current());
    }

    @Override
    public synchronized FrozenTrial trial(String studyName, int trialNumber) {
        return table.trial(studyName, trialNumber);
    }

    @Override
    public synchronized List<FrozenTrial> trials(String studyName) {
        return table.trials(studyName);
    }

    /** {@code memory:}, as {@link Storages#open} names it. */
    @Override
    public String toString() {
        return "memory:";
    }
}
