package dev.tuner.core.study;

import dev.tuner.core.trial.TrialState;
import java.util.Optional;

/**
 * Thrown out of a study when an objective threw an error that the JVM cannot be trusted to go on
 * from ({@link OutOfMemoryError}, or another {@link VirtualMachineError} but a stack overflow or an
 * {@link InternalError}). The trial that was running is recorded as {@link TrialState#FAIL FAIL}
 * first, so the storage shows what happened; the error itself is the cause.
 *
 * <p>Any other throwable of an objective, {@link Error}s included, only fails its trial.
 */
public final class StudyAbortedError extends Error {

    private static final long serialVersionUID = 1L;

    /** The failed trial as told, for reporting it; null if telling it failed too. */
    private transient TrialOutcome outcome;

    StudyAbortedError(String studyName, int trialNumber, Throwable cause) {
        super("study '" + studyName + "' stopped: trial #" + trialNumber + " threw " + cause
                + ", after which the JVM cannot be trusted to run more trials; the trial is recorded as failed"
                + " and the trials before it are kept. "
                + (cause instanceof OutOfMemoryError
                        ? "Give the JVM more memory (tuner.arg.line=-Xmx4g for mvn tuner:tune) or make the objective"
                                + " use less, then run the study again to resume it"
                        : "Run the study again to resume it"), cause);
    }

    /** The trial that threw, as the storage recorded it, with the error; empty if it could not be recorded. */
    public Optional<TrialOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    void recorded(TrialOutcome told) {
        this.outcome = told;
    }

    /** Whether {@code thrown} ends the study rather than only its trial: see the class comment. */
    static boolean isFatal(Throwable thrown) {
        return thrown instanceof VirtualMachineError && !(thrown instanceof StackOverflowError)
                && !(thrown instanceof InternalError);
    }
}
