package dev.tuner.core.study;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.core.trial.TrialState;
import java.util.Optional;

/**
 * A trial that {@link Study#runTrial(Objective)} ran: its record, and the exception that ended it early.
 *
 * @param trial the finished trial as stored
 * @param failure the exception that made it {@link TrialState#FAIL}, or, for a
 *     {@link TrialState#PRUNED} trial, a {@link TrialPruned} saying at which step it stopped;
 *     empty when it completed
 */
public record TrialOutcome(FrozenTrial trial, Optional<Throwable> failure) {

    /** A pruned trial's description: where it stopped, and the objective's reason if it gave one. */
    static TrialPruned describing(FrozenTrial trial, TrialPruned thrown) {
        StringBuilder message = new StringBuilder("trial #").append(trial.number()).append(" pruned ");
        if (trial.lastStep().isPresent()) {
            int step = trial.lastStep().getAsInt();
            message.append("at step ").append(step).append(" (value ")
                    .append(Numbers.compact(trial.intermediateValues().get(step).doubleValue())).append(')');
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
}
