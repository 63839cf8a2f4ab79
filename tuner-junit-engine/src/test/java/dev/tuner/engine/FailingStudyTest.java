package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.BEST_TEST;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.studyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.inject.InvalidDeclarationException;
import dev.tuner.core.study.NonFiniteObjectiveException;
import dev.tuner.core.study.StudyAbortedError;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Objectives that throw, return non-finite values or cannot run at all, and settings that are wrong. */
class FailingStudyTest {

    @TempDir
    Path outputDir;

    @Test
    void throwingTrialsFailWithTheObjectivesExceptionAndTheStudyGoesOn() {
        EngineExecutionResults results = execute(ThrowsWhenPositiveTestCase.class, outputDir, "tuner.seed", "7");

        List<Event> finished = TunerKit.finishedTrials(results);
        assertThat(finished).hasSize(20);
        long failed = 0;
        for (Event trial : finished) {
            String name = trial.getTestDescriptor().getDisplayName();
            double x = Double.parseDouble(name.substring(name.indexOf("x=") + 2));
            if (x > 0) {
                failed++;
                assertThat(TunerKit.trialLines(results)).contains(name + " → fail");
                assertThat(trial).is(event(finishedWithFailure(instanceOf(IllegalStateException.class),
                        message(text -> text.startsWith("x is positive: ")))));
            } else {
                assertThat(trial).is(event(finishedSuccessfully()));
            }
        }
        assertThat(failed).isBetween(1L, 19L);
        UniqueId study = studyId(ThrowsWhenPositiveTestCase.class, "objective(double)");
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(uniqueId(study), finishedSuccessfully()))
                .haveExactly(1, event(engine(), finishedSuccessfully()));
        assertThat(TunerKit.reportEntry(results)).containsEntry("tuner.trials", "20")
                .hasEntrySatisfying("tuner.best", best -> assertThat(best).doesNotEndWith("fail"));
    }

    @Test
    void anErrorFailsItsTrialAndOutOfMemoryItsStudyWhileTheClassesOtherStudiesRun() {
        EngineExecutionResults results = execute(ErrorsTestCase.class, outputDir, "tuner.seed", "7");

        UniqueId error = studyId(ErrorsTestCase.class, "throwsError(dev.tuner.core.trial.Trial, double)");
        UniqueId memory = studyId(ErrorsTestCase.class, "runsOutOfMemory(dev.tuner.core.trial.Trial, double)");
        UniqueId fine = studyId(ErrorsTestCase.class, "fine(double)");
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(instanceOf(Error.class), message("plain error"))))
                .haveExactly(1, event(finishedWithFailure(instanceOf(OutOfMemoryError.class))));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(uniqueId(error), finishedSuccessfully()))
                .haveExactly(1, event(uniqueId(memory), finishedWithFailure(
                        instanceOf(StudyAbortedError.class),
                        message(text -> text.contains("trial #1 threw java.lang.OutOfMemoryError: simulated")))))
                .haveExactly(1, event(uniqueId(fine), finishedSuccessfully()))
                .haveExactly(1, event(engine(), finishedSuccessfully()));
    }

    @Test
    void aStudyThatReadsNoKnobStopsAfterItsFirstTrialSayingWhy() {
        EngineExecutionResults results = execute(NoKnobTestCase.class, outputDir, "tuner.seed", "7");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(1).succeeded(1));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(NoKnobTestCase.class, "constant()")),
                finishedWithFailure(message(text -> text.contains("read no knob in trial #0, so every trial would run"
                        + " the same configuration")))));
    }

    @Test
    void aStudyInAnInnerClassFailsSayingTheClassMustBeStatic() {
        EngineExecutionResults results = execute(InnerTestCase.class, outputDir);

        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(InnerTestCase.class, "quad(double)")),
                finishedWithFailure(message(text -> text.contains(InnerTestCase.class.getName()
                        + " is an inner class; declare it static or top-level")))));
    }

    @Test
    void studyWithoutACompleteTrialFailsItsContainerNamingTheFirstFailure() {
        EngineExecutionResults results = execute(AlwaysThrowsTestCase.class, outputDir, "tuner.seed", "7");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(4).failed(4).succeeded(0));
        results.testEvents().failed().assertThatEvents().allMatch(event ->
                event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .filter(UnsupportedOperationException.class::isInstance)
                        .filter(thrown -> "always broken".equals(thrown.getMessage()))
                        .isPresent());
        UniqueId study = studyId(AlwaysThrowsTestCase.class, "broken(double)");
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(uniqueId(study), finishedWithFailure(
                        message(text -> text.contains("no trial")
                                && text.contains(AlwaysThrowsTestCase.class.getName() + ".broken")
                                && text.contains("java.lang.UnsupportedOperationException: always broken")))))
                .haveExactly(1, event(uniqueId(TunerKit.classId(AlwaysThrowsTestCase.class)), finishedSuccessfully()))
                .haveExactly(1, event(engine(), finishedSuccessfully()));
        assertThat(results.containerEvents().reportingEntryPublished().count()).isZero();
        assertThat(outputDir).isEmptyDirectory();
    }

    @Test
    void nonFiniteObjectiveValueFailsTheTrial() {
        EngineExecutionResults results = execute(NaNWhenPositiveTestCase.class, outputDir, "tuner.seed", "7");

        List<Event> finished = TunerKit.finishedTrials(results);
        assertThat(finished).hasSize(20);
        assertThat(results.testEvents().failed().list()).isNotEmpty().allSatisfy(trial -> assertThat(trial)
                .is(event(finishedWithFailure(instanceOf(NonFiniteObjectiveException.class),
                        message(text -> text.contains("NaN"))))));
        assertThat(results.testEvents().succeeded().count()).isPositive();
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(NaNWhenPositiveTestCase.class, "objective(double)")), finishedSuccessfully()));
    }

    @Test
    void invalidKnobAnnotationFailsTheContainerBeforeAnyTrial() {
        EngineExecutionResults results = execute(EmptyRangeTestCase.class, outputDir, "tuner.seed", "7");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(0).started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(EmptyRangeTestCase.class, "emptyRange(double)")),
                finishedWithFailure(instanceOf(InvalidDeclarationException.class),
                        message(text -> text.contains(EmptyRangeTestCase.class.getName() + ".emptyRange")
                                && text.contains("@Uniform")))));
        assertThat(EmptyRangeTestCase.called).isFalse();
    }

    @Test
    void parameterWithoutKnobAnnotationFailsTheContainerNamingIt() {
        EngineExecutionResults results = execute(UnannotatedParameterTestCase.class, outputDir);

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(UnannotatedParameterTestCase.class, "unannotated(double, double)")),
                finishedWithFailure(instanceOf(InvalidDeclarationException.class),
                        message(text -> text.contains("'y'")
                                && text.contains(UnannotatedParameterTestCase.class.getName() + ".unannotated")
                                && text.contains("no knob annotation")))));
    }

    @Test
    void oneInvalidStudyDoesNotStopTheOthersOfItsClass() {
        EngineExecutionResults results = execute(OneGoodOneBadTestCase.class, outputDir, "tuner.seed", "7");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(3 + BEST_TEST).succeeded(3 + BEST_TEST));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(uniqueId(studyId(OneGoodOneBadTestCase.class, "good(double)")),
                        finishedSuccessfully()))
                .haveExactly(1, event(uniqueId(studyId(OneGoodOneBadTestCase.class, "bad(double)")),
                        finishedWithFailure(instanceOf(InvalidDeclarationException.class))));
    }

    @Test
    void trialsSettingThatIsNotANumberFailsTheContainerNamingTheKey() {
        EngineExecutionResults results = execute(ThrowsWhenPositiveTestCase.class, outputDir,
                Constants.TRIALS_PROPERTY_NAME, "abc");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(ThrowsWhenPositiveTestCase.class, "objective(double)")),
                finishedWithFailure(instanceOf(IllegalArgumentException.class),
                        message(text -> text.contains("tuner.trials=abc")))));
    }

    @Test
    void seedSettingThatIsNotANumberFailsTheContainerNamingTheKey() {
        EngineExecutionResults results = execute(ThrowsWhenPositiveTestCase.class, outputDir,
                Constants.SEED_PROPERTY_NAME, "one");

        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(ThrowsWhenPositiveTestCase.class, "objective(double)")),
                finishedWithFailure(message(text -> text.contains("tuner.seed=one")))));
    }

    @Test
    void trialsSettingBelowOneFailsTheContainer() {
        EngineExecutionResults results = execute(ThrowsWhenPositiveTestCase.class, outputDir,
                Constants.TRIALS_PROPERTY_NAME, "0");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(ThrowsWhenPositiveTestCase.class, "objective(double)")),
                finishedWithFailure(message(text -> text.contains("tuner.trials is 0")))));
    }

    @Test
    void unknownSamplerSettingFailsTheContainer() {
        EngineExecutionResults results = execute(ThrowsWhenPositiveTestCase.class, outputDir,
                Constants.SAMPLER_PROPERTY_NAME, "no-such-sampler");

        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(ThrowsWhenPositiveTestCase.class, "objective(double)")),
                finishedWithFailure(instanceOf(InvalidDeclarationException.class),
                        message(text -> text.contains("no-such-sampler")))));
    }

    @Test
    void unwritableOutputDirectoryFailsTheContainerAfterItsTrials() throws IOException {
        Path notADirectory = Files.writeString(outputDir.resolve("occupied"), "a file, not a directory");

        EngineExecutionResults results = execute(NaNWhenPositiveTestCase.class, notADirectory, "tuner.seed", "7");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(20));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(NaNWhenPositiveTestCase.class, "objective(double)")),
                finishedWithFailure(message(text -> text.contains("could not write the best parameters")
                        && text.contains(notADirectory.toString())))));
    }

    /** An inherited {@code @Tune} method runs on, and is named after, the discovered subclass. */
    @Test
    void inheritedTuneMethodRunsOnTheConcreteSubclass() {
        EngineExecutionResults results = execute(ConcreteStudyTestCase.class, outputDir, "tuner.seed", "7");

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(2 + BEST_TEST).succeeded(2 + BEST_TEST));
        assertThat(outputDir.resolve(ConcreteStudyTestCase.class.getName() + ".scaled.properties")).exists();
    }

    abstract static class AbstractStudyTestCase {

        @Tune(trials = 2)
        double scaled(@Uniform(min = 0, max = 1) double x) {
            return x * scale();
        }

        abstract double scale();
    }

    static class ConcreteStudyTestCase extends AbstractStudyTestCase {

        @Override
        double scale() {
            return 2;
        }
    }

    static class ThrowsWhenPositiveTestCase {

        @Tune(trials = 20)
        double objective(@Uniform(min = -1, max = 1) double x) {
            if (x > 0) {
                throw new IllegalStateException("x is positive: " + x);
            }
            return x * x;
        }
    }

    @SuppressWarnings("InnerClassMayBeStatic")
    class InnerTestCase {

        @Tune(trials = 2)
        double quad(@Uniform(min = 0, max = 1) double x) {
            return x * x;
        }
    }

    static class NoKnobTestCase {

        static final double RATE = 0.1;  // a compile-time constant: javac copies it, no knob is read

        @Tune(trials = 5)
        double constant() {
            return RATE * 2;
        }
    }

    static class ErrorsTestCase {

        @Tune(trials = 3)
        double throwsError(Trial trial, @Uniform(min = 0, max = 1) double x) {
            if (trial.number() == 1) {
                throw new Error("plain error");
            }
            return x;
        }

        @Tune(trials = 3)
        double runsOutOfMemory(Trial trial, @Uniform(min = 0, max = 1) double x) {
            if (trial.number() == 1) {
                throw new OutOfMemoryError("simulated");
            }
            return x;
        }

        @Tune(trials = 3)
        double fine(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class AlwaysThrowsTestCase {

        @Tune(trials = 4)
        double broken(@Uniform(min = -1, max = 1) double x) {
            throw new UnsupportedOperationException("always broken");
        }
    }

    static class NaNWhenPositiveTestCase {

        @Tune(trials = 20)
        double objective(@Uniform(min = -1, max = 1) double x) {
            return x > 0 ? Double.NaN : x;
        }
    }

    static class EmptyRangeTestCase {

        static volatile boolean called;

        @Tune(trials = 3)
        double emptyRange(@Uniform(min = 1, max = 0) double x) {
            called = true;
            return x;
        }
    }

    static class UnannotatedParameterTestCase {

        @Tune(trials = 3, seed = 1)
        double unannotated(@Uniform(min = 0, max = 1) double x, double y) {
            return x + y;
        }
    }

    static class OneGoodOneBadTestCase {

        @Tune(trials = 3)
        double good(@Uniform(min = 0, max = 1) double x) {
            return x;
        }

        @Tune(trials = 3)
        double bad(@Uniform(min = 0, max = 0) double x) {
            return x;
        }
    }
}
