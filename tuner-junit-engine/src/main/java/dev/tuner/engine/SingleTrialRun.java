package dev.tuner.engine;

import dev.tuner.core.output.KnownParameters;
import dev.tuner.core.plan.StudyPlan;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialCallback;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.Trial;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs the objective of a {@code @Tune} method once with known parameters (the best so far, or a
 * stored trial's), and shows that run as one test. The run is not a trial of the study: it goes to
 * a study in memory, so re-checking the best configuration never changes what the search found,
 * and without a pruner, so that it runs to its end.
 */
final class SingleTrialRun {

    private final TuneMethodDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final RunSettings settings;

    SingleTrialRun(TuneMethodDescriptor descriptor, EngineExecutionListener listener, RunSettings settings) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.settings = settings;
    }

    /**
     * Runs the objective with {@code known} and reports it as a test of {@code kind}, numbered as
     * the trial the parameters come from (0, without its number in the name, when that is unknown):
     * the objective's {@code trial.number()} is that number too. Keys Tuner 0.1 wrote bare for the
     * knobs the method suggests are read as the study's, with a warning.
     */
    void run(StudyPlan plan, KnownParameters known, TrialDescriptor.Kind kind) {
        listener.reportingEntryPublished(descriptor, ReportEntry.from(Constants.SOURCE_ENTRY, known.source()));
        known.bareKeysWarning(plan.studyName()).ifPresent(warning ->
                listener.reportingEntryPublished(descriptor, ReportEntry.from(Constants.WARNING_ENTRY, warning)));
        Study study = plan.withoutPruning().newStudy(InMemoryStorage.numberingFrom(known.trialNumber().orElse(0)));
        KnownParameters studyKnown = known.forStudy(plan.studyName());
        study.enqueue(studyKnown.values());
        String pattern = settings.displayNamePattern();
        if (known.trialNumber().isEmpty()) {
            pattern = pattern.replace("#{number}", "").replace("{number}", "");
        }
        // a plain test run (Surefire) shows no report entry: the best test's name says where its values came from
        String suffix = kind == TrialDescriptor.Kind.BEST ? " (from " + known.where() + ")" : "";
        TrialReporter reporter = new TrialReporter(descriptor, listener, pattern, plan, suffix);
        try {
            study.runTrial(plan.objective().forStudy(), new TrialCallback() {
                @Override
                public void beforeTrial(Study running, Trial trial) {
                    reporter.started(kind, trial.number(), startingValues(trial, studyKnown, plan.studyName()));
                }

                @Override
                public void afterTrial(Study running, TrialOutcome outcome) {
                    reporter.finished(kind, outcome.trial().number(), outcome);
                }
            });
        } catch (RuntimeException | Error stopped) {
            reporter.failRunning(stopped);
            throw stopped;
        }
    }

    /**
     * The values a run's test is named by: the knobs drawn already, as the objective reads them, then
     * the other known values named under the study (its parameters and the knobs it suggests). A file
     * may hold other studies' values too, and which field or method knobs this study reads shows only
     * as it runs, so those are left to the end-of-trial line.
     */
    private static Map<String, Object> startingValues(Trial trial, KnownParameters known, String studyName) {
        Map<String, Object> values = new LinkedHashMap<>(trial.params());
        String prefix = studyName + ".";
        known.values().forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                values.putIfAbsent(name, value);
            }
        });
        return values;
    }
}
