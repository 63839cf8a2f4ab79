package dev.tuner.core.study;

import dev.tuner.core.study.OptimizeResult.StopReason;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loop behind {@link Study#optimize(Objective, OptimizeSettings)}: {@code parallelism} workers
 * each ask for a trial within the budget, evaluate it (on a watched thread when trials have a
 * timeout), call the callbacks and check the stop conditions, until one of them says stop. When
 * failures are retried, a trial whose worker died is first enqueued again with its knob values.
 */
final class StudyRunner {

    private final Study study;
    private final Objective objective;
    private final OptimizeSettings settings;
    private final RunnerClock clock;
    /** When the call started, on {@link #clock}. */
    private final long started;
    private final AtomicReference<StopReason> stop = new AtomicReference<>();
    private final AtomicInteger trialsRun = new AtomicInteger();
    /** The died trials this runner asked the storage to retry. */
    private final Set<Integer> retryAsked = ConcurrentHashMap.newKeySet();

    StudyRunner(Study study, Objective objective, OptimizeSettings settings) {
        this(study, objective, settings, RunnerClock.SYSTEM);
    }

    /** A runner that goes by {@code clock}: the system's in use, one moved by hand in tests. */
    StudyRunner(Study study, Objective objective, OptimizeSettings settings, RunnerClock clock) {
        this.study = study;
        this.objective = objective;
        this.settings = settings;
        this.clock = clock;
        this.started = clock.nanoTime();
    }

    OptimizeResult run() {
        ExecutorService workers = Executors.newFixedThreadPool(settings.parallelism(), threads("tuner-worker"));
        ExecutorService watched = settings.trialTimeout().isPresent()
                ? Executors.newCachedThreadPool(threads("tuner-trial"))
                : null;
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < settings.parallelism(); i++) {
                loops.add(workers.submit(() -> {
                    try {
                        work(watched);
                    } catch (RuntimeException | Error failure) {
                        // the other workers stop too; run() rethrows this one
                        stop.compareAndSet(null, StopReason.STOP_CONDITION);
                        throw failure;
                    }
                }));
            }
            for (Future<?> loop : loops) {
                await(loop);
            }
        } finally {
            workers.shutdownNow();
            if (watched != null) {
                watched.shutdownNow();
            }
        }
        return new OptimizeResult(trialsRun.get(), stop.get());
    }

    private void work(ExecutorService watched) {
        // the loop runs once a study, so the JVM would interpret it throughout: each trial's work is
        // a method of its own, which the JIT compiles after the first few hundred trials
        while (stop.get() == null) {
            StopReason reason = runTrial(watched);
            if (reason != null) {
                stop.compareAndSet(null, reason);
                return;
            }
        }
    }

    /** Runs one trial, unless the study should stop first: then says why, without running it. */
    private StopReason runTrial(ExecutorService watched) {
        if (timedOut()) {
            return StopReason.TIMEOUT;
        }
        if (settings.retryFailed() && retryFailures() > settings.budget()) {
            // more failures than the whole budget: give up rather than retry for ever
            return StopReason.BUDGET_SPENT;
        }
        Optional<Trial> trial = settings.parallelism() == 1
                ? study.together(this::askAndPrepare)
                : study.askWithinBudget(settings.budget(), settings.countedStates());
        if (trial.isEmpty()) {
            return StopReason.BUDGET_SPENT;
        }
        announce(study, trial.get(), settings.callbacks());
        TrialOutcome outcome = watched == null
                ? study.evaluate(trial.get(), objective)
                : evaluateWatched(trial.get(), watched);
        trialsRun.incrementAndGet();
        for (TrialCallback callback : settings.callbacks()) {
            callback.afterTrial(study, outcome);
        }
        for (StopCondition condition : settings.stopConditions()) {
            if (condition.shouldStop(study, outcome.trial())) {
                stop.compareAndSet(null, StopReason.STOP_CONDITION);
            }
        }
        return null;
    }

    /**
     * Calls each callback's {@link TrialCallback#beforeTrial}; if one throws, the trial is told failed
     * with it, so that it is not left running in the storage, and the exception goes on.
     */
    static void announce(Study study, Trial trial, List<TrialCallback> callbacks) {
        try {
            for (TrialCallback callback : callbacks) {
                callback.beforeTrial(study, trial);
            }
        } catch (RuntimeException | Error failed) {
            try {
                study.tellFailure(trial, failed);
            } catch (RuntimeException notTold) {
                failed.addSuppressed(notTold);
            }
            throw failed;
        }
    }

    /** Whether the call's timeout, if it has one, has passed. */
    private boolean timedOut() {
        // a difference of nanoTime readings, as its Javadoc asks: the readings themselves may overflow
        return settings.timeout().filter(timeout -> clock.nanoTime() - started >= timeout.toNanos()).isPresent();
    }

    /**
     * Starts a trial and draws the knobs the objective reads first, which a storage then records
     * together. Only a single worker does this: the storage is held meanwhile, and with several
     * workers a sampler's own locks could be taken in the other order by another worker.
     */
    private Optional<Trial> askAndPrepare() {
        return study.askWithinBudget(settings.budget(), settings.countedStates())
                .map(asked -> Study.prepared(asked, objective));
    }

    /** Evaluates on another thread and fails the trial if it outlives its timeout, interrupting it. */
    private TrialOutcome evaluateWatched(Trial trial, ExecutorService watched) {
        Duration timeout = settings.trialTimeout().orElseThrow();
        long deadline = clock.nanoTime() + timeout.toNanos();
        Future<double[]> running = watched.submit(() -> Study.valuesOf(objective, trial));
        try {
            return study.complete(trial, clock.await(running, deadline));
        } catch (TimeoutException late) {
            running.cancel(true);
            return study.fail(trial, new TrialTimeoutException(trial.number(), timeout));
        } catch (ExecutionException thrown) {
            return study.fail(trial, thrown.getCause());
        } catch (InterruptedException interrupted) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return study.fail(trial, interrupted);
        }
    }

    /**
     * Counts the study's failed trials, and enqueues a retry of each whose worker died that this
     * runner has not looked at yet: the storage enqueues one retry a trial, whichever worker asks.
     */
    private long retryFailures() {
        long failed = 0;
        for (FrozenTrial trial : study.trials()) {
            if (trial.state() == TrialState.FAIL) {
                failed++;
                if (Study.workerDied(trial) && retryAsked.add(trial.number())) {
                    study.enqueueRetry(trial);
                }
            }
        }
        return failed;
    }

    private void await(Future<?> loop) {
        try {
            loop.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("optimizing study '" + study.name() + "' stopped: " + cause.getMessage()
                    + "; the trials finished so far are kept in its storage", cause);
        } catch (InterruptedException interrupted) {
            stop.compareAndSet(null, StopReason.TIMEOUT);
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            // a trial that ignores its interrupt must not keep the JVM alive after the study
            thread.setDaemon(true);
            return thread;
        };
    }
}
