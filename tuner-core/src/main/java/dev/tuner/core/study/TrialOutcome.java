package dev.tuner.core.study;

import java.util.Optional;

/**
 * A trial that {@link Study#runTrial(Objective)} ran: its record, and the exception that ended it early.
 *
 * @param trial the finished trial as stored
 * @param failure the exception that made it {@link TrialState#FAIL}, or, for a
 *     {@link TrialState#PRUNED} trial, a {@link TrialPruned} saying at which step it stopped;
 *     empty when it completed
 */
public record TrialOutcome(FrozenTrial trial, Optional<Throwable> failure) {}
