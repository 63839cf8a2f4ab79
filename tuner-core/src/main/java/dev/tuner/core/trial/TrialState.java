package dev.tuner.core.trial;

/** Where a trial stands in its life. */
public enum TrialState {
    /** Asked for and not yet told: its objective is being evaluated. */
    RUNNING,
    /** Finished with a finite objective value. */
    COMPLETE,
    /** Stopped early by a pruner; its last reported value is kept. */
    PRUNED,
    /** Its objective threw, or returned a value that is not finite; the reason is kept. */
    FAIL,
    /** Queued with given values, waiting to be run. */
    WAITING;

    /** Whether the trial will not change any more. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
