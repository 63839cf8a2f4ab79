package dev.tuner.core.study;

import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link Study#optimize(Objective, OptimizeSettings)} runs: a trial budget counted per study
 * (so that many workers together run it once), a wall-clock timeout, a per-trial timeout,
 * parallel threads, callbacks and stop conditions.
 *
 * <pre>{@code
 * study.optimize(objective, OptimizeSettings.builder()
 *         .budget(200)                          // trials the study holds, all workers together
 *         .parallelism(4)                       // threads in this JVM
 *         .timeout(Duration.ofMinutes(30))      // this call's wall clock
 *         .trialTimeout(Duration.ofSeconds(60)) // a longer trial fails, the study goes on
 *         .stopWhen(StopCondition.noImprovementFor(50))
 *         .build());
 * }</pre>
 *
 * @param budget the most trials the study may hold in the counted states
 * @param retryFailed whether failed trials are left out of the budget, so that they are made up
 *     for; the call gives up once more trials failed than the budget, so that an objective that
 *     always fails does not run for ever. A trial failed because its worker died ({@link
 *     dev.tuner.core.storage.WorkerDiedException}: a killed process, a worker without heartbeat) is
 *     also enqueued again with the knob values it had, once, so that the same configuration runs
 *     to its end, as Optuna's {@code RetryFailedTrialCallback} does
 * @param timeout how long this call may start new trials, if limited
 * @param trialTimeout how long one trial may run before it fails, if limited
 * @param parallelism how many trials run at once in this JVM
 * @param callbacks called after each trial
 * @param stopConditions any one of them stops the call
 */
public record OptimizeSettings(
        int budget,
        boolean retryFailed,
        Optional<Duration> timeout,
        Optional<Duration> trialTimeout,
        int parallelism,
        List<TrialCallback> callbacks,
        List<StopCondition> stopConditions) {

    public OptimizeSettings {
        if (budget < 0) {
            throw new IllegalArgumentException("the trial budget must be at least 0, not " + budget);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1 thread, not " + parallelism);
        }
        requirePositive("timeout", timeout);
        requirePositive("trial timeout", trialTimeout);
        callbacks = List.copyOf(callbacks);
        stopConditions = List.copyOf(stopConditions);
    }

    /** Starts settings with a budget of 100 trials, one thread, no timeouts. */
    public static Builder builder() {
        return new Builder();
    }

    /** The trial states that spend the budget: every state but {@code FAIL} when failures are retried. */
    public Set<TrialState> countedStates() {
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED);
        if (!retryFailed) {
            counted.add(TrialState.FAIL);
        }
        return counted;
    }

    private static void requirePositive(String what, Optional<Duration> duration) {
        duration.ifPresent(value -> {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, not " + value);
            }
        });
    }

    /** Builds {@link OptimizeSettings}. */
    public static final class Builder {

        private int budget = 100;
        private boolean retryFailed;
        private Duration timeout;
        private Duration trialTimeout;
        private int parallelism = 1;
        private final List<TrialCallback> callbacks = new ArrayList<>();
        private final List<StopCondition> stopConditions = new ArrayList<>();

        private Builder() {}

        /** The most trials the study may hold (all workers together); default 100. */
        public Builder budget(int trials) {
            this.budget = trials;
            return this;
        }

        /**
         * Leave failed trials out of the budget, so that each is made up for by another, until more
         * trials failed than the budget, and run a trial whose worker died again with the same knob
         * values, once; default off.
         */
        public Builder retryFailed(boolean retry) {
            this.retryFailed = retry;
            return this;
        }

        /** Start no trial after this much time; running ones finish. Default: no limit. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Fail a trial that runs longer than this, interrupting it; default: no limit. */
        public Builder trialTimeout(Duration timeout) {
            this.trialTimeout = Objects.requireNonNull(timeout, "trialTimeout");
            return this;
        }

        /** Run this many trials at once in this JVM; the objective must then be thread-safe. Default 1. */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        /** Call {@code callback} after each trial. */
        public Builder callback(TrialCallback callback) {
            callbacks.add(Objects.requireNonNull(callback, "callback"));
            return this;
        }

        /** Stop when {@code condition} holds after a trial. */
        public Builder stopWhen(StopCondition condition) {
            stopConditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        public OptimizeSettings build() {
            return new OptimizeSettings(budget, retryFailed, Optional.ofNullable(timeout),
                    Optional.ofNullable(trialTimeout), parallelism, callbacks, stopConditions);
        }
    }
}
