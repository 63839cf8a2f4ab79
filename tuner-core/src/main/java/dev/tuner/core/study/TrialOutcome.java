package dev.tuner.core.study;

import java.util.Optional;

/**
 * A trial that {@link Study#runTrial(Objective)} ran: its record, and the exception that failed it.
 *
 * @param trial the finished trial as stored
 * @param failure the exception that made it {@link TrialState#FAIL}; empty otherwise
 */
public record TrialOutcome(FrozenTrial trial, Optional<Throwable> failure) {}
