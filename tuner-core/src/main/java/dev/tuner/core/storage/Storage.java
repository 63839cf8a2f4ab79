package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where studies and their trials live: the single source of truth that samplers and reports read.
 * Implementations are safe for concurrent use by the trials of one process.
 *
 * <p>Studies are identified by name; trial numbers count from 0 within a study.
 */
public interface Storage {

    /**
     * Creates the study {@code studyName}, or does nothing if it exists with the same direction.
     *
     * @throws IllegalStateException if it exists with the other direction
     */
    void createStudy(String studyName, Direction direction);

    /** Adds a {@link TrialState#RUNNING} trial to the study and returns its number. */
    int createTrial(String studyName);

    /** Records the value a running trial drew for a knob. */
    void setParam(String studyName, int trialNumber, String knob, Distribution distribution, double internal);

    /**
     * Finishes a running trial.
     *
     * @param state a finished state
     * @param value the objective value; present for {@link TrialState#COMPLETE}
     * @param failure why it failed; non-null exactly for {@link TrialState#FAIL}
     * @throws IllegalStateException if the trial is already finished
     */
    void finishTrial(String studyName, int trialNumber, TrialState state, OptionalDouble value, TrialFailure failure);

    /** The trial as stored now. */
    FrozenTrial trial(String studyName, int trialNumber);

    /** Every trial of the study, in number order. */
    List<FrozenTrial> trials(String studyName);
}
