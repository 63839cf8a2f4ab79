package dev.tuner.engine;

import dev.tuner.core.inject.StudyPlan;
import dev.tuner.core.inject.TunerAgent;
import dev.tuner.core.report.BestParametersFile;
import dev.tuner.core.report.HtmlReport;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.report.TrialFormat;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.study.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs the study of one {@code @Tune} method and reports it: each trial as a dynamic test, the
 * best trial as a report entry on the method's container, the best parameters to a file, and the
 * HTML report of the study (unless {@code tuner.report=false}).
 *
 * <p>A trial is registered after it ran, because its display name shows the objective value. The
 * container fails only when the study cannot run at all: an invalid declaration or setting, or no
 * trial completing.
 */
final class StudyExecution {

    /** Report entry keys on a study's container. */
    static final String BEST_KEY = "tuner.best";
    static final String TRIALS_KEY = "tuner.trials";
    static final String SEED_KEY = "tuner.seed";
    static final String PROPERTIES_KEY = "tuner.properties";
    static final String REPORT_KEY = "tuner.report";

    private final TuneMethodDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final RunSettings settings;
    private String displayNamePattern = TrialFormat.DEFAULT_PATTERN;

    StudyExecution(TuneMethodDescriptor descriptor, EngineExecutionListener listener, RunSettings settings) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.settings = settings;
    }

    void run() {
        listener.executionStarted(descriptor);
        TestExecutionResult result;
        try {
            runStudy();
            result = TestExecutionResult.successful();
        } catch (Exception | AssertionError failure) {
            result = TestExecutionResult.failed(failure);
        }
        listener.executionFinished(descriptor, result);
    }

    private void runStudy() {
        // annotated fields and methods read trial values through the agent; -javaagent or self-attach
        TunerAgent.ensureInstalled();
        StudyPlan plan = StudyPlan.of(descriptor.testClass(), descriptor.method(), settings.overrides());
        displayNamePattern = settings.displayNamePattern();
        boolean report = settings.report();
        Study study = plan.newStudy(new InMemoryStorage());
        study.optimize(plan.objective(), settings.optimize(plan.trials())
                .callback((optimized, outcome) -> report(outcome))
                .build());
        FrozenTrial best = study.bestTrial().orElseThrow(() -> noCompleteTrial(study));
        Path file = new BestParametersFile(Clock.systemUTC()).write(settings.outputDirectory(), study);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(BEST_KEY, TrialFormat.describe(best));
        entry.put(TRIALS_KEY, String.valueOf(study.trials().size()));
        entry.put(SEED_KEY, String.valueOf(plan.seed()));
        entry.put(PROPERTIES_KEY, file.toString());
        if (report) {
            Path page = new HtmlReport(Clock.systemUTC()).write(settings.outputDirectory(), StudySnapshot.of(study));
            entry.put(REPORT_KEY, page.toString());
        }
        listener.reportingEntryPublished(descriptor, ReportEntry.from(entry));
    }

    /** Called on the worker thread of each trial; one at a time, as the descriptor's children are a plain set. */
    private synchronized void report(TrialOutcome outcome) {
        FrozenTrial trial = outcome.trial();
        TrialDescriptor test = new TrialDescriptor(descriptor, trial.number(), TrialFormat.format(displayNamePattern, trial));
        descriptor.addChild(test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
        listener.executionFinished(test, outcome.failure()
                .map(TestExecutionResult::failed)
                .orElseGet(TestExecutionResult::successful));
        // The launcher keeps what it needs from the registration; dropping the finished trial keeps
        // a study of many thousand trials from holding every descriptor.
        descriptor.removeChild(test);
    }

    private static IllegalStateException noCompleteTrial(Study study) {
        List<FrozenTrial> trials = study.trials();
        String firstFailure = trials.stream()
                .filter(trial -> trial.state() == TrialState.FAIL)
                .findFirst()
                .flatMap(FrozenTrial::failure)
                .map(failure -> "; the first failure was " + failure.describe())
                .orElse("");
        return new IllegalStateException("no trial of study '" + study.name() + "' completed: all " + trials.size()
                + " failed" + firstFailure + ". Fix the objective (each trial's failure is shown on its test)");
    }
}
