package dev.tuner.engine;

import dev.tuner.core.optuna.OptunaImport;
import dev.tuner.core.optuna.OptunaJournal;
import dev.tuner.core.output.KnownParameters;
import dev.tuner.core.output.LiveReport;
import dev.tuner.core.output.Progress;
import dev.tuner.core.output.StudyOutputs;
import dev.tuner.core.plan.StudyPlan;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.study.RequireKnobs;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.StudyAbortedError;
import dev.tuner.core.study.TrialCallback;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialFormat;
import dev.tuner.core.trial.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs the study of one {@code @Tune} method in its storage, resuming what is there, and reports
 * it: each trial as a dynamic test, its progress now and then, the best trial at the end as a
 * report entry and as a test of its own ({@code best #17 …}, after every trial's), the best
 * parameters to a file, and the study's HTML report (unless {@code tuner.report=false}), rewritten
 * as trials finish while the study runs and, should the run stop before its end, saying so. A study
 * in which no trial completed has no best: its container fails, and no best test is shown.
 *
 * <p>A trial's test is registered and started as the trial starts, on the thread that runs it, and
 * finished as it ends, so that what it prints and how long it took are its own.
 */
final class SearchRun {

    private final TuneMethodDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final RunSettings settings;
    private final long progressIntervalNanos;
    private Progress progress;
    private long lastProgressNanos;

    SearchRun(TuneMethodDescriptor descriptor, EngineExecutionListener listener, RunSettings settings) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.settings = settings;
        this.progressIntervalNanos = settings.progressInterval().toNanos();
    }

    void run(StudyPlan plan, Storage storage) {
        boolean report = settings.report();
        TrialReporter reporter = new TrialReporter(descriptor, listener, settings.displayNamePattern(), plan);
        Study study = plan.newStudy(storage);
        List<FrozenTrial> stored = study.trials();
        if (stored.isEmpty() && settings.warmStart().isPresent()) {
            // stored as a waiting trial: whichever worker starts first runs it, once
            warmStart(settings.warmStart().get(), plan, storage, study);
            stored = study.trials();
        }
        int started = started(stored);
        if (started > 0) {
            long failed = stored.stream().filter(trial -> trial.state() == TrialState.FAIL).count();
            Map<String, String> resumed = new LinkedHashMap<>();
            resumed.put(Constants.RESUMED_ENTRY, started + " trials already in " + storage);
            if (failed > 0) {
                resumed.put(Constants.RESUMED_FAILED_ENTRY, failed + " of them failed" + (settings.retryFailed()
                        ? ", made up for (tuner.retry.failed=true)"
                        : "; tuner.retry.failed=true would make them up"));
            }
            listener.reportingEntryPublished(descriptor, ReportEntry.from(resumed));
        }
        progress = new Progress(plan.trials(), started, plan.directions(), System.nanoTime());
        progress.resumeFrom(stored);
        lastProgressNanos = System.nanoTime();
        StudyOutputs outputs = new StudyOutputs(settings.outputDirectory(), settings.outputFile(), report,
                settings.outputReplace(), Clock.systemUTC());
        StorageName storageName = StorageName.of(plan.storage());
        StorageName defaultStorage = StorageName.of(StudyPlan.declaredStorage(descriptor.method()));
        // the page is rewritten as trials finish; should the run leave this block unfinished, it says it stopped
        try (LiveReport live = outputs.live(plan.studyName(), storageName, defaultStorage, plan.samplerName(),
                () -> StudySnapshot.of(study), settings.liveReport())) {
            search(plan, study, reporter, live);
            // the history, read once for everything written at the end (a full read on PostgreSQL)
            StudySnapshot finished = StudySnapshot.of(study);
            if (finished.isMultiObjective() ? finished.bestTrials().isEmpty() : finished.best().isEmpty()) {
                throw noCompleteTrial(finished);
            }
            String choices = study.sampler().describe(study);
            String sampler = plan.samplerName() + (choices.isEmpty() ? "" : ": " + choices);
            // no live write may come after the page of the end
            live.finish();
            StudyOutputs.Written written = outputs.write(finished, plan.objective().pick(), storageName, defaultStorage,
                    sampler);
            // the trial the properties hold: the best, or the one picked from the Pareto set
            FrozenTrial best = written.trial();
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put(Constants.BEST_ENTRY, TrialFormat.of(TrialFormat.DEFAULT_PATTERN)
                    .withObjectives(plan.objectiveNames(), plan.objective().constraintViolations()).format(best));
            if (!written.picked().isEmpty()) {
                entry.put(Constants.PICKED_ENTRY, written.picked());
            }
            entry.put(Constants.TRIALS_ENTRY, String.valueOf(finished.started()));
            entry.put(Constants.SEED_ENTRY, String.valueOf(plan.seed()));
            if (stored.stream().anyMatch(trial -> trial.number() == best.number() && trial.state() == TrialState.COMPLETE)) {
                // the seed is this run's: say that it did not find the best
                entry.put(Constants.BEST_FROM_EARLIER_RUN_ENTRY, "true");
            }
            entry.put(Constants.SAMPLER_ENTRY, sampler);
            entry.put(Constants.PROPERTIES_ENTRY, written.properties().toString());
            written.pareto().ifPresent(pareto -> entry.put(Constants.PARETO_ENTRY, pareto.toString()));
            written.page().ifPresent(page -> entry.put(Constants.REPORT_ENTRY, page.toString()));
            if (!written.warnings().isEmpty()) {
                entry.put(Constants.WARNING_ENTRY, String.join("\n", written.warnings()));
            }
            listener.reportingEntryPublished(descriptor, ReportEntry.from(entry));
            // the same facts again, as a test of its own: Surefire's XML keeps a test's output, not report entries
            reporter.best(best, entry, settings.bestSummary() ? BestSummary.of(plan.studyName(), best, entry) : "");
        }
    }

    /** Runs the study's trials, each as a test, counting each into the live report as it finishes. */
    private void search(StudyPlan plan, Study study, TrialReporter reporter, LiveReport live) {
        try {
            study.optimize(plan.objective().forStudy(), settings.optimize(plan.trials())
                    .callback(new TrialCallback() {
                        @Override
                        public void beforeTrial(Study running, Trial trial) {
                            reporter.started(TrialDescriptor.Kind.SEARCHED, trial.number(), trial.params());
                        }

                        @Override
                        public void afterTrial(Study running, TrialOutcome outcome) {
                            reporter.finished(TrialDescriptor.Kind.SEARCHED, outcome.trial().number(), outcome);
                            publishProgress(outcome);
                            live.trialFinished();
                        }
                    })
                    .callback(new RequireKnobs())
                    .build());
        } catch (StudyAbortedError aborted) {
            // the trial that ended the study is shown failed like any other, then the study fails
            aborted.outcome().ifPresent(outcome ->
                    reporter.finished(TrialDescriptor.Kind.SEARCHED, outcome.trial().number(), outcome));
            reporter.failRunning(aborted);
            throw aborted;
        } catch (RuntimeException | Error stopped) {
            // a storage or callback failed: the trials it cut off are not told, but their tests must end
            reporter.failRunning(stopped);
            throw stopped;
        }
    }

    /** How many of the trials ran or run: those enqueued and still waiting are not counted. */
    private static int started(List<FrozenTrial> trials) {
        int started = 0;
        for (FrozenTrial trial : trials) {
            if (trial.state() != TrialState.WAITING) {
                started++;
            }
        }
        return started;
    }

    /** An Optuna journal's trials become the study's; a properties file's values its first trial. */
    private void warmStart(Path file, StudyPlan plan, Storage storage, Study study) {
        if (OptunaJournal.isJournal(file)) {
            // its trials are the study's from now on: they count towards tuner.trials, as resumed ones do
            OptunaImport.warmStart(file, storage, plan.studyName(), plan.objective().declaredKnobs(),
                    plan.objective().suggestsKnobs());
            return;
        }
        study.enqueue(warmStart(file, plan.studyName()));
    }

    private Map<String, ?> warmStart(Path file, String studyName) {
        KnownParameters known = KnownParameters.fromFile(file)
                .orElseThrow(() -> new IllegalArgumentException("configuration parameter "
                        + Constants.WARM_START_PROPERTY_NAME + "=" + file + " names no file (looked in "
                        + file.toAbsolutePath() + "); give the path of a properties file of knob values,"
                        + " e.g. target/tuner/<study>.properties from an earlier run"));
        known.bareKeysWarning(studyName).ifPresent(warning ->
                listener.reportingEntryPublished(descriptor, ReportEntry.from(Constants.WARNING_ENTRY, warning)));
        return known.forStudy(studyName).values();
    }

    /** Called on a trial's worker thread; serialized, as the reporter is. */
    private synchronized void publishProgress(TrialOutcome outcome) {
        progress.record(outcome.trial());
        long now = System.nanoTime();
        if (now - lastProgressNanos >= progressIntervalNanos) {
            lastProgressNanos = now;
            listener.reportingEntryPublished(descriptor, ReportEntry.from(Constants.PROGRESS_ENTRY, progress.line(now)));
        }
    }

    private static IllegalStateException noCompleteTrial(StudySnapshot study) {
        List<FrozenTrial> trials = study.trials();
        String firstFailure = trials.stream()
                .filter(trial -> trial.state() == TrialState.FAIL)
                .findFirst()
                .flatMap(FrozenTrial::failure)
                .map(failure -> "; the first failure was " + failure.describe())
                .orElse("");
        long pruned = study.count(TrialState.PRUNED);
        int ran = study.started();
        long complete = study.count(TrialState.COMPLETE);
        if (complete > 0) {
            List<String> constraints = trials.stream().filter(trial -> trial.state() == TrialState.COMPLETE)
                    .flatMap(trial -> trial.constraints().keySet().stream()).distinct().toList();
            return new IllegalStateException("no trial of study '" + study.name() + "' met every constraint: all "
                    + complete + " complete trials broke one of " + constraints + ", so there is no best to write."
                    + " Loosen the bounds (@AtMost, @AtLeast, trial.constrain), widen the knobs' ranges towards"
                    + " where the constraints hold, or give more trials (tuner.trials)");
        }
        if (pruned > 0) {
            return new IllegalStateException("no trial of study '" + study.name() + "' completed: " + pruned + " of "
                    + ran + " were pruned and the rest failed" + firstFailure + ". A pruner keeps pruning "
                    + "until some trials complete: give more trials (tuner.trials), fix the failures, or a pruner "
                    + "that prunes later (tuner.pruner, e.g. tuner.median.startupTrials)");
        }
        return new IllegalStateException("no trial of study '" + study.name() + "' completed: all " + ran
                + " failed" + firstFailure + ". Fix the objective (each trial's failure is shown on its test)");
    }
}
