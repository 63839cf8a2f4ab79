package dev.tuner.core.study;

/**
 * What one {@link Study#optimize(Objective, OptimizeSettings)} call did.
 *
 * @param trialsRun the trials this call ran
 * @param reason why it stopped
 */
public record OptimizeResult(int trialsRun, StopReason reason) {

    /** Why an optimize call stopped. */
    public enum StopReason {
        /** The study holds its budget of trials. */
        BUDGET_SPENT,
        /** The call's timeout passed. */
        TIMEOUT,
        /** A stop condition held. */
        STOP_CONDITION
    }
}
