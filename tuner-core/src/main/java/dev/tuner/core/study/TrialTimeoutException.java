package dev.tuner.core.study;

import java.time.Duration;

/** The reason a trial failed for running past {@link OptimizeSettings#trialTimeout()}. */
public final class TrialTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrialTimeoutException(int trialNumber, Duration timeout) {
        super("trial #" + trialNumber + " ran past its timeout of " + timeout
                + " and was interrupted; raise the trial timeout, or make the objective faster");
    }
}
