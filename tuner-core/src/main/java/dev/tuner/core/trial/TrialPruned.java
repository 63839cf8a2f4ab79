package dev.tuner.core.trial;

/**
 * Thrown by an objective to stop its trial because the study's pruner said so: the trial ends
 * {@link TrialState#PRUNED}, keeping the last value it {@linkplain Trial#report reported}, and the
 * study goes on. It is not a failure.
 *
 * <pre>{@code
 * for (int epoch = 0; epoch < 50; epoch++) {
 *     trial.report(epoch, model.trainEpoch());
 *     if (trial.shouldPrune()) {
 *         throw new TrialPruned();
 *     }
 * }
 * }</pre>
 *
 * <p>The study finds it also when it arrives wrapped (as the cause of an {@code ExecutionException},
 * say). The exception the study hands on for a pruned trial, as its outcome's failure, says at
 * which step and value the trial stopped.
 */
public class TrialPruned extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The trial stops where it is. */
    public TrialPruned() {
        super();
    }

    /** The trial stops where it is, for the reason given. */
    public TrialPruned(String message) {
        super(message);
    }
}
