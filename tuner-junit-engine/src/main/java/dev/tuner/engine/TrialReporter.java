package dev.tuner.engine;

import dev.tuner.core.plan.StudyPlan;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFormat;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Shows trials as dynamic tests of their study's container while they run: a trial's test is
 * registered and started when the trial starts, on the thread that runs its objective, so that its
 * output and duration are the trial's; it is named then, by the display-name pattern's
 * {@linkplain TrialFormat#atStart start form}. As the trial ends, its outcome is published as report
 * entries on its test (the pattern's full line, state, value, knobs) and the test finishes: a failed
 * trial's test fails with its exception; a pruned trial's test is aborted (as a failed assumption
 * is), with a message that says at which step it stopped.
 *
 * <p>After a search, {@link #best} shows its best trial once more, as a test of its own.
 *
 * <p>Its methods may be called from several workers at once; the listener hears one call at a time.
 */
final class TrialReporter {

    private final TuneMethodDescriptor study;
    private final EngineExecutionListener listener;
    private final TrialFormat lines;
    private final TrialFormat names;
    private final List<String> objectiveNames;
    private final String nameSuffix;
    /** The tests started and not finished yet, by trial number. */
    private final Map<Integer, TrialDescriptor> running = new HashMap<>();

    TrialReporter(TuneMethodDescriptor study, EngineExecutionListener listener, String namePattern, StudyPlan plan) {
        this(study, listener, namePattern, plan, "");
    }

    /**
     * A reporter that names trials by {@code namePattern}, their values by the objectives of {@code plan},
     * and ends each name with {@code nameSuffix}, e.g. where a best run's values came from.
     */
    TrialReporter(TuneMethodDescriptor study, EngineExecutionListener listener, String namePattern, StudyPlan plan,
            String nameSuffix) {
        this.study = study;
        this.listener = listener;
        this.objectiveNames = plan.objectiveNames();
        this.lines = TrialFormat.of(namePattern).withObjectives(objectiveNames, plan.objective().constraintViolations());
        this.names = lines.atStart();
        this.nameSuffix = nameSuffix;
    }

    /**
     * Registers and starts the test of trial {@code number}, named from the knob values known at its
     * start; called on the thread that runs its objective, just before it runs.
     */
    synchronized void started(TrialDescriptor.Kind kind, int number, Map<String, ?> params) {
        TrialDescriptor test = new TrialDescriptor(study, kind, number, kind.namePrefix()
                + names.format(number, params) + nameSuffix);
        study.addChild(test);
        running.put(number, test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
    }

    /** Publishes how trial {@code number} ended on its test, and finishes the test; a trial not running here is let be. */
    synchronized void finished(TrialDescriptor.Kind kind, int number, TrialOutcome outcome) {
        TrialDescriptor test = running.remove(number);
        if (test == null) {
            return;
        }
        FrozenTrial trial = outcome.trial();
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(Constants.TRIAL_ENTRY, kind.namePrefix() + lines.format(trial, number) + nameSuffix);
        entry.put(Constants.STATE_ENTRY, trial.state().name().toLowerCase(Locale.ROOT));
        putValues(entry, trial);
        List<String> params = new ArrayList<>();
        trial.params().forEach((knob, value) -> params.add(knob + "=" + value));
        if (!params.isEmpty()) {
            // a report entry holds no blank value
            entry.put(Constants.PARAMS_ENTRY, String.join("\n", params));
        }
        listener.reportingEntryPublished(test, ReportEntry.from(entry));
        finish(test, outcome.failure()
                .map(ended -> trial.state() == TrialState.PRUNED
                        ? TestExecutionResult.aborted(ended)
                        : TestExecutionResult.failed(ended))
                .orElseGet(TestExecutionResult::successful));
    }

    /**
     * Puts a complete trial's objective values in {@code entry}: one {@link Constants#VALUE_ENTRY} for one
     * objective, one {@code tuner.value.<name>} per objective for several; then, for a trial that
     * recorded constraints, whether it met them all and each constraint's value.
     */
    private void putValues(Map<String, String> entry, FrozenTrial trial) {
        int count = trial.result().size();
        if (count == 1) {
            entry.put(Constants.VALUE_ENTRY, String.valueOf(trial.result().value(0)));
        } else {
            for (int i = 0; i < count && i < objectiveNames.size(); i++) {
                entry.put(Constants.VALUE_ENTRY + "." + objectiveNames.get(i), String.valueOf(trial.result().value(i)));
            }
        }
        if (!trial.constraints().isEmpty()) {
            entry.put(Constants.FEASIBLE_ENTRY, String.valueOf(trial.isFeasible()));
            trial.constraints().forEach((name, value) -> entry.put(Constants.CONSTRAINT_ENTRY_PREFIX + name, String.valueOf(value)));
        }
    }

    /**
     * Shows the best trial of a finished search as a test of its own, after every trial's: named by
     * the whole pattern ({@code best #17 x=0.5 → 0.25}), it prints {@code summary} (unless empty) as
     * its output, which tools that keep a test's output but no report entries (Surefire's
     * {@code TEST-*.xml}) hold then, publishes {@code entry} on itself and passes. Its unique id
     * ends in {@code [best:17]}, so rerunning it runs the best again (see {@link DirectSelections}).
     */
    synchronized void best(FrozenTrial best, Map<String, String> entry, String summary) {
        TrialDescriptor test = new TrialDescriptor(study, TrialDescriptor.Kind.BEST, best.number(),
                TrialDescriptor.Kind.BEST.namePrefix() + lines.format(best) + nameSuffix);
        study.addChild(test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
        if (!summary.isEmpty()) {
            // one call, so that the summary is not torn by a line some other thread prints
            System.out.print(summary);
            System.out.flush();
        }
        listener.reportingEntryPublished(test, ReportEntry.from(entry));
        finish(test, TestExecutionResult.successful());
    }

    /**
     * Fails the tests of the trials still running with {@code cause}: the study stopped (a storage
     * failed, the JVM ran out of memory) before they could be told, and a started test must finish.
     */
    synchronized void failRunning(Throwable cause) {
        for (TrialDescriptor test : List.copyOf(running.values())) {
            finish(test, TestExecutionResult.failed(cause));
        }
        running.clear();
    }

    private void finish(TrialDescriptor test, TestExecutionResult result) {
        listener.executionFinished(test, result);
        // The launcher keeps what it needs from the registration; dropping the finished trial keeps
        // a study of many thousand trials from holding every descriptor.
        study.removeChild(test);
    }
}
