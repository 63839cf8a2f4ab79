package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Suggestion;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A storage in this process's memory: fast, and gone when the process ends. Right for tests and
 * for studies whose results are written out at the end.
 */
public final class InMemoryStorage implements Storage {

    private final Map<String, StudyRecord> studies = new HashMap<>();

    @Override
    public synchronized void createStudy(String studyName, Direction direction) {
        StudyRecord existing = studies.putIfAbsent(studyName, new StudyRecord(direction));
        if (existing != null && existing.direction != direction) {
            throw new IllegalStateException("study '" + studyName + "' exists with direction " + existing.direction
                    + ", not " + direction + "; use another study name or the same direction");
        }
    }

    @Override
    public synchronized int createTrial(String studyName) {
        List<FrozenTrial> trials = study(studyName).trials;
        int number = trials.size();
        trials.add(new FrozenTrial(number, TrialState.RUNNING, OptionalDouble.empty(), Map.of(),
                Optional.empty(), Instant.now(), Optional.empty()));
        return number;
    }

    @Override
    public synchronized void setParam(
            String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
        FrozenTrial trial = running(studyName, trialNumber);
        Map<String, Suggestion> suggestions = new LinkedHashMap<>(trial.suggestions());
        suggestions.put(knob, new Suggestion(distribution, internal));
        replace(studyName, new FrozenTrial(trial.number(), trial.state(), trial.value(), suggestions,
                trial.failure(), trial.started(), trial.finished()));
    }

    @Override
    public synchronized void finishTrial(
            String studyName, int trialNumber, TrialState state, OptionalDouble value, TrialFailure failure) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException(state + " is not a finished state; finish a trial as COMPLETE, PRUNED or FAIL");
        }
        FrozenTrial trial = running(studyName, trialNumber);
        replace(studyName, new FrozenTrial(trial.number(), state, value, trial.suggestions(),
                Optional.ofNullable(failure), trial.started(), Optional.of(Instant.now())));
    }

    @Override
    public synchronized FrozenTrial trial(String studyName, int trialNumber) {
        List<FrozenTrial> trials = study(studyName).trials;
        if (trialNumber < 0 || trialNumber >= trials.size()) {
            throw new IllegalArgumentException("study '" + studyName + "' has no trial #" + trialNumber);
        }
        return trials.get(trialNumber);
    }

    @Override
    public synchronized List<FrozenTrial> trials(String studyName) {
        return List.copyOf(study(studyName).trials);
    }

    private FrozenTrial running(String studyName, int trialNumber) {
        FrozenTrial trial = trial(studyName, trialNumber);
        if (trial.state().isFinished()) {
            throw new IllegalStateException("trial #" + trialNumber + " of study '" + studyName
                    + "' is already " + trial.state() + " and cannot change");
        }
        return trial;
    }

    private void replace(String studyName, FrozenTrial trial) {
        study(studyName).trials.set(trial.number(), trial);
    }

    private StudyRecord study(String studyName) {
        StudyRecord study = studies.get(studyName);
        if (study == null) {
            throw new IllegalArgumentException("no study named '" + studyName + "'; create it first");
        }
        return study;
    }

    private static final class StudyRecord {
        final Direction direction;
        final List<FrozenTrial> trials = new ArrayList<>();

        StudyRecord(Direction direction) {
            this.direction = direction;
        }
    }
}
