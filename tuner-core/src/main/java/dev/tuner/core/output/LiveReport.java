package dev.tuner.core.output;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rewrites a running study's report page (and the index) as trials finish: every
 * {@link Settings#everyTrials()} trials or {@link Settings#every()}, whichever comes first, but
 * never taking more than a tenth of the run's time; each page says the study runs and reloads
 * itself in a browser. Made by {@link StudyOutputs#live}.
 *
 * <pre>{@code
 * try (LiveReport live = outputs.live(study.name(), storage, defaultStorage, "tpe",
 *         () -> StudySnapshot.of(study), LiveReport.Settings.DEFAULT)) {
 *     study.optimize(objective, OptimizeSettings.builder().budget(200)
 *             .callback((running, outcome) -> live.trialFinished()).build());
 *     live.finish();                      // no more live writes: the end writes the finished page
 *     outputs.write(StudySnapshot.of(study), storage, defaultStorage, "tpe");
 * }                                       // had the study failed: a page that says it stopped
 * }</pre>
 *
 * <p>A trial's thread only counts it and reads the clock; the page is read from the storage and
 * written on a thread of the report's own. A run that stops before its end ({@link #stop}, which
 * {@link #close} calls unless {@link #finish} came first) replaces its running page by a last one
 * saying so, from the trials then stored; so does a JVM that shuts down (Ctrl-C, {@code kill}) while the study runs. A
 * run killed outright ({@code kill -9}) leaves the last page written while it ran. A write that
 * fails is logged and the study goes on.
 */
public final class LiveReport implements AutoCloseable {

    /**
     * How often a running study's report is rewritten.
     *
     * @param on whether it is rewritten while the study runs at all
     * @param everyTrials after how many finished trials, at least 1
     * @param every after how long, when fewer trials finished; positive
     */
    public record Settings(boolean on, int everyTrials, Duration every) {

        /** On, every 10 trials or 10 seconds. */
        public static final Settings DEFAULT = new Settings(true, 10, Duration.ofSeconds(10));

        /** Off: the report is written at the study's end only. */
        public static final Settings OFF = new Settings(false, DEFAULT.everyTrials, DEFAULT.every);

        /**
         * @throws IllegalArgumentException if {@code everyTrials} is below 1 or {@code every} is not positive
         */
        public Settings {
            Objects.requireNonNull(every, "every");
            if (everyTrials < 1) {
                throw new IllegalArgumentException("a live report rewritten every " + everyTrials + " trials: give 1"
                        + " or more (or turn live writes off)");
            }
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("a live report rewritten every " + every + ": give a positive"
                        + " time, e.g. 10s (or turn live writes off)");
            }
        }
    }

    /** What a live report writes: the page of the running study, or of its stopped run. */
    interface Pages {

        /** Writes the page of the study as it stands, marked running. */
        void running();

        /** Writes the page of the study as it stands, marked stopped. */
        void stopped();

        /** The page written, for messages. */
        String describe();
    }

    private static final Logger LOG = Logger.getLogger(LiveReport.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How long {@link #finish} waits for a write under way. */
    private static final Duration WRITE_WAIT = Duration.ofMinutes(5);

    private final Object lock = new Object();
    private final Pages pages;
    private final Clock clock;
    private final LiveSchedule schedule;
    private final Executor writer;
    private final ScheduledExecutorService timer;
    private final Thread shutdownHook;
    private boolean writing;
    private boolean closed;
    private boolean warned;
    /** Whether a page saying the study runs was written, which a stopped run must then correct. */
    private volatile boolean wroteRunning;

    /** A live report writing {@code pages} on {@code writer}, due by {@code clock}; {@link #tick} checks the time. */
    LiveReport(Pages pages, Settings settings, Clock clock, Executor writer) {
        this(pages, settings, clock, writer, null, false);
    }

    private LiveReport(Pages pages, Settings settings, Clock clock, Executor writer, ScheduledExecutorService timer,
            boolean hook) {
        this.pages = pages;
        this.clock = clock;
        this.schedule = new LiveSchedule(settings.everyTrials(), settings.every(), clock.millis());
        this.writer = writer;
        this.timer = timer;
        this.closed = pages == null;
        this.shutdownHook = hook ? new Thread(this::stop, "tuner-live-report-shutdown") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** A live report that writes nothing. */
    static LiveReport off() {
        return new LiveReport(null, Settings.DEFAULT, Clock.systemUTC(), Runnable::run);
    }

    /**
     * A live report writing {@code pages} on a daemon thread of its own, which also checks every
     * second (or {@code every}, if shorter) whether the time is due; a shutdown hook stops it.
     */
    static LiveReport started(Pages pages, Settings settings, Clock clock) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread daemon = new Thread(runnable, "tuner-live-report");
            daemon.setDaemon(true);
            return daemon;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        LiveReport live = new LiveReport(pages, settings, clock, thread, thread, true);
        long tick = Math.max(1, Math.min(settings.every().toMillis(), 1000));
        thread.scheduleWithFixedDelay(live::tick, tick, tick, TimeUnit.MILLISECONDS);
        return live;
    }

    /** Counts a trial that finished, and has the page rewritten if that is due. Cheap; any thread. */
    public void trialFinished() {
        synchronized (lock) {
            if (!closed) {
                schedule.finished();
                writeIfDue();
            }
        }
    }

    /** Has the page rewritten if its time is due. */
    void tick() {
        synchronized (lock) {
            writeIfDue();
        }
    }

    private void writeIfDue() {
        if (!closed && !writing && schedule.due(clock.millis())) {
            writing = true;
            writer.execute(this::write);
        }
    }

    private void write() {
        long start;
        synchronized (lock) {
            if (closed) {
                writing = false;
                lock.notifyAll();
                return;
            }
            start = clock.millis();
            schedule.writing();
        }
        long cpuStart = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        long wallStart = System.nanoTime();
        try {
            pages.running();
            wroteRunning = true;
            // what a rewrite costs, for the overhead benchmark (benchmarks/README.md) and the curious
            LOG.fine(() -> "rewrote " + pages.describe() + " in " + (System.nanoTime() - wallStart) / 1_000_000
                    + " ms, " + (cpuStart < 0 ? "?" : (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000)
                    + " ms of the writing thread's CPU");
        } catch (RuntimeException failed) {
            warn(failed);
        } finally {
            synchronized (lock) {
                schedule.written(start, clock.millis());
                writing = false;
                lock.notifyAll();
            }
        }
    }

    /**
     * Ends the live writes, waiting for one under way, so that the page the study's end writes is
     * the last; {@link #stop} and {@link #close} then write nothing. Idempotent.
     */
    public void finish() {
        end();
    }

    /**
     * Ends the live writes, as {@link #finish} does, and, if one was written, replaces the page that
     * says the study runs by one of the study as it stands, marked stopped: for a run that ends before
     * the study does. Does nothing after {@link #finish}; a run stopped before its first live write
     * leaves no page, as before live writes.
     */
    public void stop() {
        if (end() && wroteRunning) {
            try {
                pages.stopped();
            } catch (RuntimeException failed) {
                warn(failed);
            }
        }
    }

    /** {@link #stop}: a study whose run leaves this block without {@link #finish} has stopped. */
    @Override
    public void close() {
        stop();
    }

    /** Ends the live writes; whether this call ended them (false once ended, or for a report that is off). */
    private boolean end() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            long deadline = System.nanoTime() + WRITE_WAIT.toNanos();
            boolean interrupted = false;
            while (writing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warning(() -> "a live write of " + pages.describe() + " did not end within " + WRITE_WAIT
                            + "; the study's last page may be overwritten by it");
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException wakeUp) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (timer != null) {
            timer.shutdown();
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run: it finds the report ended
            }
        }
        return true;
    }

    private void warn(RuntimeException failed) {
        synchronized (lock) {
            if (warned) {
                LOG.log(Level.FINE, "live report write failed again", failed);
                return;
            }
            warned = true;
        }
        LOG.log(Level.WARNING, "could not rewrite the report of a running study, " + pages.describe() + ": " + failed
                + "; the study goes on, and its page is written at its end. Check that the directory is writable,"
                + " or turn live writes off (tuner.report.live=false)", failed);
    }
}
