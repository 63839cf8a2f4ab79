package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.storage.StartedTrial;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single worker starts each trial and draws the knobs its objective prepares as one unit of the storage. */
class PreparedTrialsTest {

    private static final Uniform X = Uniform.of(-10, 10);

    @TempDir
    Path folder;

    /** Draws x up front; evaluates x², reading x again. */
    private static final class PreparedQuadratic implements Objective {

        private final List<String> log;

        PreparedQuadratic(List<String> log) {
            this.log = log;
        }

        @Override
        public void prepare(Trial trial) {
            log.add("prepare");
            trial.suggest("x", X);
        }

        @Override
        public double evaluate(Trial trial) {
            log.add("evaluate");
            double x = (Double) trial.suggest("x", X);
            return x * x;
        }
    }

    @Test
    void aSingleWorkerStartsATrialAndDrawsThePreparedKnobsTogether() {
        try (WatchedStorage storage = new WatchedStorage(JournalStorage.open(folder.resolve("j.jsonl")))) {
            Study study = Studies.on(storage, "s", 3);

            study.optimize(new PreparedQuadratic(storage.log), OptimizeSettings.builder().budget(2).build());

            assertThat(storage.log).containsExactly(
                    "together {", "start", "prepare", "param x", "} together", "evaluate", "finish",
                    "together {", "start", "prepare", "param x", "} together", "evaluate", "finish",
                    "together {", "start", "} together");
            assertThat(study.trials()).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
            assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.value().getAsDouble())
                    .isEqualTo(Math.pow((Double) trial.params().get("x"), 2)));
        }
    }

    @Test
    void aTrialRunByItselfIsPreparedTheSameWay() {
        try (WatchedStorage storage = new WatchedStorage(JournalStorage.open(folder.resolve("j.jsonl")))) {
            Study study = Studies.on(storage, "s", 3);

            study.optimize(new PreparedQuadratic(storage.log), 1);

            assertThat(storage.log).containsExactly(
                    "together {", "start", "prepare", "param x", "} together", "evaluate", "finish");
        }
    }

    @Test
    void parallelWorkersDoNotHoldTheStorageWhileTheyDraw() {
        try (WatchedStorage storage = new WatchedStorage(JournalStorage.open(folder.resolve("j.jsonl")))) {
            Study study = Studies.on(storage, "s", 3);

            study.optimize(new PreparedQuadratic(storage.log), OptimizeSettings.builder().budget(4).parallelism(2).build());

            assertThat(storage.log).doesNotContain("together {", "prepare").filteredOn("evaluate"::equals).hasSize(4);
        }
    }

    @Test
    void aFailureToPrepareIsMetAgainByTheObjectiveAndFailsOnlyItsTrial() {
        try (WatchedStorage storage = new WatchedStorage(JournalStorage.open(folder.resolve("j.jsonl")))) {
            Study study = Studies.on(storage, "s", 3);
            Objective unpreparable = new Objective() {
                @Override
                public void prepare(Trial trial) {
                    trial.suggest("x", Uniform.of(-10, 10));
                    trial.suggest("x", Uniform.of(0, 1)); // another range under the same name
                }

                @Override
                public double evaluate(Trial trial) {
                    double x = (Double) trial.suggest("x", Uniform.of(-10, 10));
                    return trial.number() == 0 ? (Double) trial.suggest("x", Uniform.of(0, 1)) : x;
                }
            };

            study.optimize(unpreparable, 2);

            List<FrozenTrial> trials = study.trials();
            assertThat(trials).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.COMPLETE);
            assertThat(trials.get(0).failure()).hasValueSatisfying(failure -> assertThat(failure.message())
                    .contains("knob 'x' of trial #0 was suggested from"));
        }
    }

    /** A real storage that logs the calls a study makes and marks the units it runs together. */
    private static final class WatchedStorage implements Storage {

        private final Storage real;
        private final List<String> log = new CopyOnWriteArrayList<>();

        WatchedStorage(Storage real) {
            this.real = real;
        }

        @Override
        public <T> T together(Supplier<T> calls) {
            log.add("together {");
            try {
                return real.together(calls);
            } finally {
                log.add("} together");
            }
        }

        @Override
        public void createStudy(String studyName, Direction direction) {
            real.createStudy(studyName, direction);
        }

        @Override
        public Optional<List<Direction>> directions(String studyName) {
            return real.directions(studyName);
        }

        @Override
        public StartedTrial startTrial(String studyName) {
            log.add("start");
            return real.startTrial(studyName);
        }

        @Override
        public Optional<StartedTrial> startTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
            log.add("start");
            return real.startTrialWithinBudget(studyName, budget, counted);
        }

        @Override
        public int enqueueTrial(String studyName, Map<String, String> values) {
            return real.enqueueTrial(studyName, values);
        }

        @Override
        public OptionalInt enqueueRetry(String studyName, int failedNumber, Map<String, String> values) {
            return real.enqueueRetry(studyName, failedNumber, values);
        }

        @Override
        public void setParam(String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
            log.add("param " + knob);
            real.setParam(studyName, trialNumber, knob, distribution, internal);
        }

        @Override
        public void setIntermediateValue(String studyName, int trialNumber, int step, double value) {
            real.setIntermediateValue(studyName, trialNumber, step, value);
        }

        @Override
        public void finishTrial(String studyName, int trialNumber, TrialState state, OptionalDouble value,
                TrialFailure failure) {
            log.add("finish");
            real.finishTrial(studyName, trialNumber, state, value, failure);
        }

        @Override
        public FrozenTrial trial(String studyName, int trialNumber) {
            return real.trial(studyName, trialNumber);
        }

        @Override
        public List<FrozenTrial> trials(String studyName) {
            return real.trials(studyName);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
