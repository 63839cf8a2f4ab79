package dev.tuner.engine.console;

import dev.tuner.core.inject.TrialContext;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import java.io.PrintStream;
import java.util.List;

/**
 * Watches for the forked JVM going down before its studies finish: a {@code System.exit} in an
 * objective, a signal (Ctrl-C, a cancelled CI job), or {@link #exit} when Maven is gone. Its shutdown
 * hook says which trials were running, records them as failed in their storage, and ends the JVM
 * with {@link TunerConsole#EXIT_CUT_OFF}, so that even {@code System.exit(0)} does not pass for a
 * finished run.
 */
final class ExitGuard {

    private final PrintStream out;
    private final Thread hook;
    private volatile boolean finished;
    /** Why the JVM goes down, when Tuner itself ends it ({@link #exit}); null for System.exit or a signal. */
    private volatile String cause;

    private ExitGuard(PrintStream out) {
        this.out = out;
        this.hook = new Thread(this::cutOff, "tuner-exit-guard");
    }

    /** Guards the run from now until {@link #finished()}. */
    static ExitGuard install(PrintStream out) {
        ExitGuard guard = new ExitGuard(out);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The run ended as it should: the JVM may exit with the run's own code. */
    void finished() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs, sees finished, and does nothing
        }
    }

    /**
     * Ends the JVM before its studies finish, because of {@code cause}, e.g. "the Maven process (pid 4711)
     * that started this JVM is gone": the trials running are recorded as failed with it as their reason,
     * not with that of a {@code System.exit} in an objective.
     */
    void exit(String cause) {
        this.cause = cause;
        System.exit(TunerConsole.EXIT_CUT_OFF);
    }

    private void cutOff() {
        if (finished) {
            return;
        }
        String cause = this.cause;
        List<Trial> running = TrialContext.running();
        StringBuilder message = new StringBuilder("[tuner] ERROR: the JVM running the studies is exiting before they "
                + "finished: " + (cause != null ? cause
                        : "System.exit (or Runtime.exit) called in an objective, or a signal such as Ctrl-C") + ". ");
        if (running.isEmpty()) {
            message.append("No trial was running. ");
        }
        for (Trial trial : running) {
            Study study = Study.of(trial);
            message.append("Trial #").append(trial.number()).append(" of study ").append(study.name())
                    .append(" was running; it is recorded as failed. ");
            try {
                study.tellFailure(trial, new IllegalStateException("the JVM exited while the trial ran"
                        + (cause != null ? ": " + cause : " (System.exit in the objective, or a signal)")));
            } catch (RuntimeException notRecorded) {
                message.append("(Recording it failed: ").append(notRecorded.getMessage()).append(") ");
            }
        }
        message.append("The trials finished before are kept; run the study again to resume it.");
        if (cause == null) {
            message.append(" An objective must not call System.exit: throw an exception to fail a trial.");
        }
        out.println(message);
        out.flush();
        // a hook that halts sets the exit code, whatever System.exit was given
        Runtime.getRuntime().halt(TunerConsole.EXIT_CUT_OFF);
    }
}
