package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where studies and their trials live: the single source of truth that samplers and reports read.
 * Implementations are safe for concurrent use by the trials of one process; {@link JournalStorage}
 * and {@link JdbcStorage} are also shared by several processes, which then see one study.
 *
 * <p>Studies are identified by name; trial numbers count from 0 within a study (in an
 * {@link InMemoryStorage#numberingFrom} storage, from the number given) and are unique across every
 * worker sharing the storage. Trials {@linkplain #enqueueTrial enqueued} with given
 * values wait in the storage, seen by every worker, until one of them starts them. {@link Storages#open(String)} opens one from its text
 * form ({@code journal:target/tuner/journal.jsonl}, {@code memory:}, {@code jdbc:postgresql://...}).
 *
 * <pre>{@code
 * try (Storage storage = Storages.open("journal:target/tuner/journal.jsonl")) {
 *     Study study = Study.builder("quad1").sampler(new RandomSampler(1)).storage(storage).build();
 *     ...
 * }
 * }</pre>
 */
public interface Storage extends AutoCloseable {

    /**
     * Creates the study {@code studyName}, or does nothing if it exists with the same direction.
     *
     * @throws IllegalStateException if it exists with the other direction
     */
    void createStudy(String studyName, Direction direction);

    /**
     * Creates the study {@code studyName} with one direction per objective, or does nothing if it
     * exists with the same directions. The storages of this package keep several; this default
     * keeps one, as {@link #createStudy(String, Direction)} does, and refuses several.
     *
     * @throws IllegalStateException if it exists with other directions
     * @throws IllegalArgumentException if {@code directions} is empty
     * @throws UnsupportedOperationException if the storage keeps one direction a study and several are given
     */
    default void createStudy(String studyName, List<Direction> directions) {
        Directions.check(studyName, directions);
        if (directions.size() > 1) {
            throw new UnsupportedOperationException("storage " + this + " (a " + getClass().getName() + ") keeps one"
                    + " direction a study, so study '" + studyName + "' with directions " + directions + " cannot be"
                    + " kept there; use an InMemoryStorage, a JournalStorage or a JdbcStorage");
        }
        createStudy(studyName, directions.get(0));
    }

    /**
     * The directions of the study {@code studyName}, one per objective in the order it was created
     * with, as another worker or a later process needs them to read its trials' values (an export, a
     * report); empty when the storage holds no such study.
     *
     * <pre>{@code
     * List<Direction> directions = storage.directions("quad1")
     *         .orElseThrow(() -> new IllegalArgumentException("no study 'quad1' in " + storage));
     * }</pre>
     */
    Optional<List<Direction>> directions(String studyName);

    /**
     * Names the study's objectives, one name per direction in their order ({@code accuracy},
     * {@code latency}), replacing the names it had: what a report or an export made from the storage
     * alone, without the objective's code, calls them. {@link dev.tuner.core.study.Study} names them
     * when it is built with names other than the defaults. The storages of this package keep them;
     * this default keeps none.
     *
     * @throws IllegalArgumentException if there is no such study, or the names are not one per direction
     */
    default void nameObjectives(String studyName, List<String> names) {
        ObjectiveNames.check(studyName, directions(studyName).orElseThrow(() -> new IllegalArgumentException(
                "no study named '" + studyName + "'; create it first")), names);
    }

    /**
     * The names of the study's objectives as last {@linkplain #nameObjectives named}, one per
     * direction; empty when they were never named (or the storage keeps no names), or there is no
     * such study. This default keeps none.
     */
    default Optional<List<String>> objectiveNames(String studyName) {
        return Optional.empty();
    }

    /**
     * Starts a trial of the study: claims its oldest {@link TrialState#WAITING} trial (the one with
     * the lowest number), which becomes {@link TrialState#RUNNING} for this worker and starts now,
     * or, when none waits, adds a {@code RUNNING} trial. Each waiting trial is claimed once, by one
     * worker, whichever workers share the storage.
     *
     * @return the trial's number and the values it was enqueued with (empty for a new trial)
     */
    StartedTrial startTrial(String studyName);

    /**
     * Starts a trial as {@link #startTrial} does unless the study already holds {@code budget}
     * trials in one of the {@code counted} states: a trial budget counted per study, not per worker.
     * A {@code WAITING} trial spends no budget, whatever {@code counted} says; once claimed it
     * spends it as any {@code RUNNING} trial, and an enqueued trial beyond the budget stays
     * waiting. The storages of this package check and start in one atomic step across all the
     * workers that share them, so a budget is never overshot; this default does it in two steps
     * and suits only a storage that one thread uses.
     *
     * @param budget the most trials in the counted states the study may hold, at least 0
     * @param counted the states that spend the budget, e.g. every state but {@code FAIL} to retry failures
     * @return the started trial, or empty when the budget is spent
     */
    default Optional<StartedTrial> startTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
        Budgets.check(budget, counted);
        long spent = trials(studyName).stream()
                .filter(trial -> trial.state() != TrialState.WAITING && counted.contains(trial.state()))
                .count();
        return spent < budget ? Optional.of(startTrial(studyName)) : Optional.empty();
    }

    /**
     * Starts a trial as {@link #startTrial} does and returns its number; the values of a claimed
     * waiting trial are in its {@link FrozenTrial#enqueuedValues()}.
     */
    default int createTrial(String studyName) {
        return startTrial(studyName).number();
    }

    /** Starts a trial within the budget as {@link #startTrialWithinBudget} does and returns its number. */
    default OptionalInt createTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
        Optional<StartedTrial> started = startTrialWithinBudget(studyName, budget, counted);
        return started.isPresent() ? OptionalInt.of(started.get().number()) : OptionalInt.empty();
    }

    /**
     * Adds a {@link TrialState#WAITING} trial with given knob values, which the next trial started
     * by any worker sharing the storage claims (see {@link #startTrial}); it stays stored, waiting,
     * until then, across closes, crashes and restarts. The values are kept as text because the
     * knobs' distributions are known only when the trial reads them; {@link
     * dev.tuner.core.study.Study#enqueue} writes each value's text.
     *
     * @param values knob values as text by full knob name; may be empty (a trial the sampler fills)
     * @return the new trial's number
     */
    int enqueueTrial(String studyName, Map<String, String> values);

    /**
     * Enqueues, as {@link #enqueueTrial} does, a trial that retries the failed trial
     * {@code failedNumber} with {@code values} (its knob values as text), unless a retry of it was
     * enqueued already, by any worker, or it is a retry itself: each failed trial is retried once
     * at most, however many workers ask. {@link dev.tuner.core.study.Study#optimize} asks for
     * trials whose worker died when failures are retried.
     *
     * @return the new trial's number, or empty when the trial was retried already or is a retry
     * @throws IllegalStateException if the trial has not failed
     * @throws IllegalArgumentException if there is no such trial
     */
    OptionalInt enqueueRetry(String studyName, int failedNumber, Map<String, String> values);

    /** Records the value a running trial drew for a knob. */
    void setParam(String studyName, int trialNumber, String knob, Distribution distribution, double internal);

    /**
     * Records the value a running trial drew for a knob, as {@link #setParam} does, for a trial that
     * this storage object will also {@linkplain #finishTrial finish}: the storage may hold the value
     * back and write it with a later write of its own, so that a knob drawn while the objective runs
     * costs no transaction or append of its own. {@link dev.tuner.core.study.Study} draws every knob
     * this way.
     *
     * <ul>
     *   <li>This storage's reads ({@link #trial}, {@link #trials}) show the value at once, so the
     *       worker's own sampler and pruner see it as if it were written.
     *   <li>It is written no later than with the trial's finish, in the same transaction or append,
     *       so a finished trial never lacks a knob it drew. The storages of this package write it
     *       sooner too: with the trial's next {@linkplain #setIntermediateValue reported value}, and a
     *       {@link JdbcStorage} with its next heartbeat, a {@link JournalStorage} within a second.
     *       Until then other workers' samplers, which read running trials' knobs (TPE's constant
     *       liar), see the trial without it.
     *   <li>A worker killed before it is written loses it: the trial is failed for its dead worker
     *       as any other, and a retry of it draws that knob afresh.
     *   <li>A value for a trial that stopped running, or that another storage object finished, is
     *       refused, or dropped, when it is written, not when it is drawn.
     * </ul>
     *
     * This default writes it at once with {@link #setParam}.
     */
    default void setParamDeferred(String studyName, int trialNumber, String knob, Distribution distribution,
            double internal) {
        setParam(studyName, trialNumber, knob, distribution, internal);
    }

    /**
     * Records the value a running trial reported at {@code step} (an intermediate value, such as the
     * validation accuracy after an epoch), replacing one reported at the same step before. Pruners
     * read them from {@link FrozenTrial#intermediateValues()}.
     *
     * @param step the step, at least 0
     * @param value the value; NaN and the infinities are kept as they are
     * @throws IllegalStateException if the trial is already finished
     * @throws IllegalArgumentException if the step is negative or there is no such trial
     */
    void setIntermediateValue(String studyName, int trialNumber, int step, double value);

    /**
     * Finishes a running trial.
     *
     * @param state a finished state
     * @param value the objective value; present for {@link TrialState#COMPLETE}
     * @param failure why it failed; non-null exactly for {@link TrialState#FAIL}
     * @throws IllegalStateException if the trial is already finished
     */
    void finishTrial(String studyName, int trialNumber, TrialState state, OptionalDouble value, TrialFailure failure);

    /**
     * Finishes a running trial with its objective values and constraint values, as
     * {@link #finishTrial(String, int, TrialState, OptionalDouble, TrialFailure)} does with one value.
     * The storages of this package keep them all; this default keeps one value and refuses more, or
     * constraints.
     *
     * @param result the objective values (one per direction of the study for {@link TrialState#COMPLETE})
     *     and the constraint values the trial recorded
     * @throws IllegalStateException if the trial is already finished
     * @throws UnsupportedOperationException if the storage keeps one value a trial and {@code result}
     *     has several or constraints
     */
    default void finishTrial(String studyName, int trialNumber, TrialState state, TrialResult result,
            TrialFailure failure) {
        if (result.size() > 1 || !result.constraints().isEmpty()) {
            throw new UnsupportedOperationException("storage " + this + " (a " + getClass().getName() + ") keeps one"
                    + " value a trial and no constraints, so trial #" + trialNumber + " of study '" + studyName
                    + "' told " + result + " cannot be kept there; use an InMemoryStorage, a JournalStorage or a JdbcStorage");
        }
        finishTrial(studyName, trialNumber, state, result.value(), failure);
    }

    /**
     * Adds a trial that ran elsewhere, finished, as the study's next trial: its state, values and
     * constraints, knob values, intermediate values, failure, start and finish times and
     * {@linkplain FrozenTrial#worker worker}, as they are, in one write that other workers see whole
     * or not at all (one transaction, one append). Its number is the study's next, whatever
     * {@code trial.number()} says; its {@linkplain FrozenTrial#enqueuedValues enqueued values} are
     * not kept. What an import from another study or tool uses, as Optuna's {@code Study.add_trial}.
     *
     * <pre>{@code
     * for (FrozenTrial trial : source.trials("svm")) {
     *     if (trial.state().isFinished()) {
     *         target.addTrial("svm", trial);
     *     }
     * }
     * }</pre>
     *
     * The storages of this package keep an added trial's times to the microsecond. This default
     * refuses: a storage adds a trial whole only if it can write it in one step.
     *
     * @return the number the trial got
     * @throws IllegalArgumentException if the trial is not finished ({@code COMPLETE}, {@code PRUNED}
     *     or {@code FAIL}, with a finish time), a complete one has not one value per direction of the
     *     study, a reported value's step is negative, or there is no such study
     * @throws UnsupportedOperationException if the storage cannot add a trial whole
     */
    default int addTrial(String studyName, FrozenTrial trial) {
        throw new UnsupportedOperationException("storage " + this + " (a " + getClass().getName() + ") cannot add"
                + " trial #" + trial.number() + " to study '" + studyName + "' whole, with its own times, in one write;"
                + " add it to an InMemoryStorage, a JournalStorage or a JdbcStorage, or implement addTrial");
    }

    /** The trial as stored now. */
    FrozenTrial trial(String studyName, int trialNumber);

    /** Every trial of the study, in number order. */
    List<FrozenTrial> trials(String studyName);

    /**
     * Runs {@code calls}, which use this storage from the calling thread only and run none of the
     * objective's code, as one unit where the storage can make them cheaper together: a journal
     * takes its file lock once for all of them and writes their records in one append, so a trial's
     * start and the knob values drawn right after it cost one lock instead of several. Other workers
     * of the storage wait while {@code calls} run (a sampler's proposal, at most milliseconds). This
     * default just runs them.
     *
     * @return what {@code calls} returns
     */
    default <T> T together(Supplier<T> calls) {
        return calls.get();
    }

    /**
     * Releases what the storage holds (a file, a connection, a heartbeat thread); the stored
     * studies stay. Using a storage after closing it is an error. This default does nothing.
     */
    @Override
    default void close() {}
}
