package dev.tuner.core.study;

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
 * say). The exception the study hands on for a pruned trial, in {@link TrialOutcome#failure()},
 * says at which step and value the trial stopped.
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

    /** A pruned trial's description: where it stopped, and the objective's reason if it gave one. */
    static TrialPruned describing(FrozenTrial trial, TrialPruned thrown) {
        StringBuilder message = new StringBuilder("trial #").append(trial.number()).append(" pruned ");
        if (trial.lastStep().isPresent()) {
            int step = trial.lastStep().getAsInt();
            message.append("at step ").append(step).append(" (value ")
                    .append(compact(trial.intermediateValues().get(step))).append(')');
        } else {
            message.append("before it reported any step");
        }
        if (thrown != null && thrown.getMessage() != null && !thrown.getMessage().isBlank()) {
            message.append(": ").append(thrown.getMessage());
        }
        TrialPruned described = new TrialPruned(message.toString());
        if (thrown != null) {
            // point where the objective stopped, not here
            described.setStackTrace(thrown.getStackTrace());
        }
        return described;
    }

    /** Four significant digits, as trial names show values; the stored value keeps them all. */
    private static String compact(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
