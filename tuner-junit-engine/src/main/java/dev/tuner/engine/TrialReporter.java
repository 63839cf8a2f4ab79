package dev.tuner.engine;

import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFormat;
import dev.tuner.core.trial.TrialState;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Shows finished trials as dynamic tests of their study's container, named by a pattern: a failed
 * trial's test fails with its exception; a pruned trial's test is aborted (as a failed assumption
 * is), with a message that says at which step it stopped.
 */
final class TrialReporter {

    private final TuneMethodDescriptor study;
    private final EngineExecutionListener listener;
    private final TrialFormat names;
    private final String nameSuffix;

    TrialReporter(TuneMethodDescriptor study, EngineExecutionListener listener, String namePattern) {
        this(study, listener, namePattern, "");
    }

    /** A reporter that ends each name with {@code nameSuffix}, e.g. where a best run's values came from. */
    TrialReporter(TuneMethodDescriptor study, EngineExecutionListener listener, String namePattern, String nameSuffix) {
        this.study = study;
        this.listener = listener;
        this.names = TrialFormat.of(namePattern);
        this.nameSuffix = nameSuffix;
    }

    /**
     * Registers, starts and finishes the test of a trial, shown as trial {@code number}; called
     * from a trial's worker thread, one at a time, as the container's children are a plain set.
     */
    synchronized void report(TrialDescriptor.Kind kind, int number, TrialOutcome outcome) {
        FrozenTrial trial = outcome.trial();
        TrialDescriptor test = new TrialDescriptor(study, kind, number, kind.namePrefix()
                + names.format(trial, number) + nameSuffix);
        study.addChild(test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
        listener.executionFinished(test, outcome.failure()
                .map(ended -> trial.state() == TrialState.PRUNED
                        ? TestExecutionResult.aborted(ended)
                        : TestExecutionResult.failed(ended))
                .orElseGet(TestExecutionResult::successful));
        // The launcher keeps what it needs from the registration; dropping the finished trial keeps
        // a study of many thousand trials from holding every descriptor.
        study.removeChild(test);
    }
}
