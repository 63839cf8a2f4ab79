package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded default storage: an append-only file of JSON lines, one record per change of state
 * (a study created, a trial created, a knob's value set, an intermediate value reported, a trial
 * finished, a trial enqueued, a waiting trial claimed). Opening the file replays it, so the next
 * run of a study resumes it with every trial kept, and trials enqueued but not yet run still wait.
 *
 * <pre>{@code
 * try (JournalStorage storage = JournalStorage.open(Path.of("target/tuner/journal.jsonl"))) {
 *     Study study = Study.builder("quad1").sampler(new RandomSampler(1)).storage(storage).build();
 *     study.optimize(trial -> trial.suggestFloat("x", -10, 10), 100);
 * }
 * }</pre>
 *
 * <p><b>Crashes.</b> Every record is written to the file before the call that made it returns, so
 * a killed process loses nothing it had finished. By default the operating system flushes its
 * cache to the disk when it likes ({@link Sync#NEVER}): a power cut or a kernel crash may lose the
 * last seconds. {@link Sync#ON_FINISH} forces each finished trial to the disk, which survives
 * those too but costs a disk flush per trial, about a millisecond, more than the rest of a
 * trial's bookkeeping many times over. A kill in
 * the middle of a write leaves a torn last line: the next process to open the file ignores it,
 * with a warning, and cuts it off before it appends. A trial left {@code RUNNING} by a process
 * that is gone is failed with a {@link WorkerDiedException} ("worker died") when the journal is
 * opened, when {@link #startTrialWithinBudget} finds the budget spent while trials run, and by
 * {@link #failStaleTrials()} at any time.
 *
 * <p><b>Several processes.</b> Processes on one machine share a journal safely: each append, and
 * each read of what others appended, holds the operating system's lock on the file, and every
 * call first replays what others appended, so trial numbers are unique across processes, each
 * process sees every trial, and each waiting trial is claimed by one process only. Processes on several machines need {@link JdbcStorage}: file locks on
 * network file systems are not to be trusted, and whether a process on another host is alive
 * cannot be told from here.
 *
 * <p><b>Reading only.</b> {@link #openToRead} opens an existing journal without writing it, for a
 * run that only reads its studies (a best run, a replay): it works on a journal this process may
 * not write, a checked-in one or an immutable one, in a folder where it may create nothing. It sees
 * what other processes append, but leaves a torn last line and the trials of dead workers as they
 * are, and every call that would write throws.
 *
 * <p>Warnings (a torn line, trials of dead workers) go to {@link java.util.logging} under this
 * class's name: the JDK's own logging needs no dependency, prints to the console by default, and
 * reaches SLF4J or Log4j through their usual bridges.
 */
public final class JournalStorage implements Storage {

    private static final Logger LOG = Logger.getLogger(JournalStorage.class.getName());
    private static final Set<TrialState> RUNNING = EnumSet.of(TrialState.RUNNING);
    /** How long a knob value {@link #setParamDeferred} holds back waits at most for a write to take it along. */
    static final Duration DEFERRED_DELAY = Duration.ofSeconds(1);

    /** When appends are forced past the operating system's cache to the disk. */
    public enum Sync {
        /**
         * A trial's finish is forced to the disk: no completed trial is lost to a power cut or an
         * operating-system crash. Costs a disk flush per trial (milliseconds on many disks).
         */
        ON_FINISH,
        /**
         * Nothing is forced: the operating system writes when it likes. A killed process still
         * loses nothing; a power cut may lose the last seconds. The default.
         */
        NEVER
    }

    private final JournalFile file;
    private final Sync sync;
    /** Whether this storage was opened to read only: it writes nothing, not even a torn line's cut. */
    private final boolean readOnly;
    private final StudyTable table = new StudyTable();
    private final JournalCodec records = new JournalCodec();
    private final JournalReplay replayer = new JournalReplay();
    private long offset;
    private long lines;
    private boolean closed;
    /** Whether {@link #together} runs: appends gather in {@link #pending} until it ends. */
    private boolean batching;
    private final JournalLines pending = new JournalLines();
    /** The knob values {@link #setParamDeferred} holds back: the next append takes them along. */
    private final JournalLines deferred = new JournalLines();
    /** Writes {@link #deferred} a {@linkplain #DEFERRED_DELAY delay} after it fills; started when first needed. */
    private ScheduledExecutorService deferredWriter;
    private boolean deferredWriteScheduled;

    /** Where a torn last line that a storage open to read only skipped starts, so that it warns once; -1 for none. */
    private long tornSkippedAt = -1;

    private JournalStorage(JournalFile file, Sync sync, boolean readOnly) {
        this.file = file;
        this.sync = sync;
        this.readOnly = readOnly;
    }

    /**
     * Opens the journal at {@code path} with {@link Sync#NEVER}, creating it and its folders if
     * missing, replaying it, and failing the {@code RUNNING} trials of workers that are gone.
     *
     * @throws UncheckedIOException if the file cannot be created, read or written
     * @throws IllegalStateException if a line other than the last is not a record this storage wrote
     */
    public static JournalStorage open(Path path) {
        return open(path, Sync.NEVER);
    }

    /** Opens the journal at {@code path}, as {@link #open(Path)} does, forcing appends as {@code sync} says. */
    public static JournalStorage open(Path path, Sync sync) {
        Objects.requireNonNull(sync, "sync");
        JournalFile file;
        try {
            file = JournalFile.acquire(path);
        } catch (FileSystemException refused) {
            if (!(refused instanceof AccessDeniedException) && !"Operation not permitted".equals(refused.getReason())) {
                throw new UncheckedIOException("could not open journal " + path + " (" + refused.getMessage()
                        + "); check that its folder is writable", refused);
            }
            // an AccessDeniedException's message is only the path: say what it means
            throw new UncheckedIOException("could not open journal " + path + " for writing: "
                    + (refused instanceof AccessDeniedException ? "permission denied" : refused.getReason()) + " on "
                    + refused.getFile() + "; a journal is appended to by every run, so make the file and its folder"
                    + " writable by this user (ls -l and lsattr show why not), or give another tuner.storage", refused);
        } catch (IOException cannotOpen) {
            throw new UncheckedIOException("could not open journal " + path + " (" + cannotOpen.getMessage()
                    + "); check that its folder is writable", cannotOpen);
        }
        JournalStorage storage = new JournalStorage(file, sync, false);
        try {
            storage.write(() -> {
                if (file.size() == 0) {
                    storage.append(storage.records.header(), false);
                    storage.replayer.wrote(JournalCodec.WAITING_VERSION);
                }
                return null;
            });
            storage.failStaleTrials();
        } catch (RuntimeException unreadable) {
            storage.close();
            throw unreadable;
        }
        return storage;
    }

    /**
     * Opens the existing journal at {@code path} to read only: nothing is created or written, so the
     * file and its folder may be read-only to this process, or immutable. Trials of workers that are
     * gone stay {@code RUNNING} and a torn last line is skipped (with a warning), not cut off; the
     * next process to open the journal for writing does both. Each call that would write throws
     * {@link IllegalStateException}.
     *
     * <pre>{@code
     * try (JournalStorage storage = JournalStorage.openToRead(Path.of("target/tuner/journal.jsonl"))) {
     *     Optional<FrozenTrial> best = TrialHistory.best(storage.trials("quad1"), Direction.MINIMIZE);
     * }
     * }</pre>
     *
     * @throws UncheckedIOException if there is no such file, or it cannot be read
     * @throws IllegalStateException if a line other than the last is not a record this storage wrote
     */
    public static JournalStorage openToRead(Path path) {
        JournalFile file;
        try {
            file = JournalFile.acquireToRead(path);
        } catch (NoSuchFileException missing) {
            throw new UncheckedIOException("could not open journal " + path + " to read: there is no such file;"
                    + " give the tuner.storage that holds the study", missing);
        } catch (IOException cannotOpen) {
            throw new UncheckedIOException("could not open journal " + path + " to read (" + cannotOpen.getMessage()
                    + "); check that the file is readable by this user", cannotOpen);
        }
        JournalStorage storage = new JournalStorage(file, Sync.NEVER, true);
        try {
            storage.readNew();
        } catch (RuntimeException unreadable) {
            storage.close();
            throw unreadable;
        }
        return storage;
    }

    /** Whether this storage was {@linkplain #openToRead opened to read only}. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The journal's file. */
    public Path path() {
        return file.path();
    }

    /**
     * Fails every {@code RUNNING} trial whose worker was a process on this machine that is no
     * longer alive (its pid is gone, or now belongs to a process started at another time), with a
     * {@link WorkerDiedException} as the reason. {@link #open} does this; call it again to clean up
     * after workers that died while this one ran.
     *
     * @return how many trials were failed
     */
    public synchronized int failStaleTrials() {
        return write(this::failStale);
    }

    /** Fails the running trials of workers that are gone; call with the file locked, after {@link #catchUp()}. */
    private int failStale() throws IOException {
        Map<WorkerId, Boolean> alive = new HashMap<>();
        List<StaleTrial> stale = new ArrayList<>();
        table.forEachRunning((studyName, trial) -> {
            WorkerId worker = trial.worker();
            if (worker != null && !alive.computeIfAbsent(worker, WorkerId::mayBeAlive)) {
                TrialFailure failure = WorkerDiedException.failure("process " + worker.pid() + " on " + worker.host()
                        + " ended while the trial ran");
                stale.add(new StaleTrial(studyName, trial.number(), failure));
                LOG.warning(() -> "journal " + path() + ": trial #" + trial.number() + " of study '" + studyName
                        + "' was RUNNING in process " + worker.pid() + ", which is gone; it is now FAIL (worker died)");
            }
        });
        for (int i = 0; i < stale.size(); i++) {
            StaleTrial trial = stale.get(i);
            finish(trial.studyName, trial.number, TrialState.FAIL, TrialResult.none(), trial.failure,
                    i == stale.size() - 1);
        }
        return stale.size();
    }

    /** Finishes a running trial in the file and the table; call with the file locked, after {@link #catchUp()}. */
    private void finish(String studyName, int trialNumber, TrialState state, TrialResult value, TrialFailure failure,
            boolean force) throws IOException {
        if (JournalCodec.needsObjectivesVersion(value)) {
            declare(JournalCodec.OBJECTIVES_VERSION);
        }
        Instant finished = JournalCodec.time();
        append(records.finish(studyName, trialNumber, state, value, failure, finished), force);
        table.finishTrial(studyName, trialNumber, state, value, failure, finished);
    }

    /** A running trial of a dead worker, to fail once the table is no longer being walked. */
    private record StaleTrial(String studyName, int number, TrialFailure failure) {}

    @Override
    public synchronized void createStudy(String studyName, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        createStudy(studyName, List.of(direction));
    }

    @Override
    public synchronized void createStudy(String studyName, List<Direction> directions) {
        List<Direction> checked = Directions.check(studyName, directions);
        write(() -> {
            if (table.isNewStudy(studyName, checked)) {
                if (JournalCodec.needsObjectivesVersion(checked)) {
                    declare(JournalCodec.OBJECTIVES_VERSION);
                }
                append(records.study(studyName, checked), false);
                table.createStudy(studyName, checked);
            }
            return null;
        });
    }

    @Override
    public synchronized Optional<List<Direction>> directions(String studyName) {
        readNew();
        return table.knownDirections(studyName);
    }

    /** Names the study's objectives with a {@code study} record that repeats it, unless they are named so already. */
    @Override
    public synchronized void nameObjectives(String studyName, List<String> names) {
        write(() -> {
            if (table.renames(studyName, names)) {
                append(records.names(studyName, table.directions(studyName), names), false);
                table.nameObjectives(studyName, names);
            }
            return null;
        });
    }

    @Override
    public synchronized Optional<List<String>> objectiveNames(String studyName) {
        readNew();
        return table.objectiveNames(studyName);
    }

    /**
     * Appends a {@code journal} record of {@code version} unless the journal declared it (or a later
     * one) already, so that a Tuner that reads only older versions refuses the records after it
     * clearly; call with the file locked, after {@link #catchUp()}.
     */
    private void declare(int version) throws IOException {
        if (replayer.version() < version) {
            append(records.header(version), false);
            replayer.wrote(version);
        }
    }

    @Override
    public synchronized StartedTrial startTrial(String studyName) {
        return write(() -> start(studyName));
    }

    @Override
    public synchronized Optional<StartedTrial> startTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
        Budgets.check(budget, counted);
        return write(() -> {
            if (table.spent(studyName, counted) >= budget && table.count(studyName, RUNNING) > 0) {
                failStale(); // a dead worker's trial may hold budget that live workers should spend
            }
            return table.spent(studyName, counted) < budget ? Optional.of(start(studyName)) : Optional.empty();
        });
    }

    @Override
    public synchronized int enqueueTrial(String studyName, Map<String, String> values) {
        return write(() -> enqueue(studyName, values, -1));
    }

    @Override
    public synchronized OptionalInt enqueueRetry(String studyName, int failedNumber, Map<String, String> values) {
        return write(() -> table.mayRetry(studyName, failedNumber)
                ? OptionalInt.of(enqueue(studyName, values, failedNumber))
                : OptionalInt.empty());
    }

    /** Enqueues a trial; call with the file locked, after {@link #catchUp()}. */
    private int enqueue(String studyName, Map<String, String> values, int retryOf) throws IOException {
        int number = table.nextNumber(studyName);
        // a journal an older Tuner began: say that it now holds records that Tuner does not know
        declare(JournalCodec.WAITING_VERSION);
        Instant enqueued = JournalCodec.time();
        append(records.enqueue(studyName, number, enqueued, values, retryOf), false);
        return table.enqueueTrial(studyName, values, enqueued, retryOf);
    }

    /** Claims the study's oldest waiting trial, or adds a trial; call with the file locked, after {@link #catchUp()}. */
    private StartedTrial start(String studyName) throws IOException {
        int waiting = table.oldestWaiting(studyName);
        if (waiting < 0) {
            return StartedTrial.of(newTrial(studyName));
        }
        Instant started = JournalCodec.time();
        WorkerId worker = WorkerId.current();
        append(records.claim(studyName, waiting, started, worker), false);
        return new StartedTrial(waiting, table.claim(studyName, waiting, started, worker));
    }

    private int newTrial(String studyName) throws IOException {
        int number = table.nextNumber(studyName);
        Instant started = JournalCodec.time();
        WorkerId worker = WorkerId.current();
        append(records.trial(studyName, number, started, worker), false);
        table.createTrial(studyName, started, worker);
        return number;
    }

    @Override
    public synchronized void setParam(
            String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
        Objects.requireNonNull(distribution, "distribution");
        write(() -> {
            table.running(studyName, trialNumber);
            append(records.param(studyName, trialNumber, knob, distribution, internal), false);
            table.setParam(studyName, trialNumber, knob, distribution, internal);
            return null;
        });
    }

    /**
     * Records a knob's value as {@link #setParam} does, holding its record back, outside {@link
     * #together}, until the next append of this storage takes it along (the trial's next reported
     * value or its finish, or another trial's start), or at most a second has passed: a knob drawn while the objective runs costs no lock and no append of its own. This
     * storage's reads show it at once; other processes see it once written. The records held back go
     * before the finish's record in the same append, so a finished trial has every value it drew. A
     * process killed before then loses the values of a trial that is failed as its worker's death is
     * found anyway. A value for a trial this storage does not know to be running is written at once,
     * as {@link #setParam} writes it, and refused if the trial does not run.
     */
    @Override
    public synchronized void setParamDeferred(String studyName, int trialNumber, String knob, Distribution distribution,
            double internal) {
        Objects.requireNonNull(distribution, "distribution");
        if (batching || readOnly || closed || !table.isRunning(studyName, trialNumber)) {
            setParam(studyName, trialNumber, knob, distribution, internal); // gathered, or refused now
            return;
        }
        deferred.add(records.param(studyName, trialNumber, knob, distribution, internal));
        table.setParam(studyName, trialNumber, knob, distribution, internal);
        if (!deferredWriteScheduled) {
            deferredWriteScheduled = true;
            if (deferredWriter == null) {
                deferredWriter = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "tuner-journal " + file.path());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            deferredWriter.schedule(this::writeDeferred, DEFERRED_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the knob values held back, if any; what the delayed writer runs, and tests. */
    synchronized void writeDeferred() {
        deferredWriteScheduled = false;
        if (closed || deferred.isEmpty()) {
            return;
        }
        try {
            write(() -> null); // every append under the lock takes the values held back along
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, failed, () -> "journal " + path() + ": could not write the knob values held back for"
                    + " running trials (" + failed.getMessage() + "); the trials' next write takes them along");
        }
    }

    @Override
    public synchronized void setIntermediateValue(String studyName, int trialNumber, int step, double value) {
        StudyTable.checkStep(step);
        write(() -> {
            table.running(studyName, trialNumber);
            append(records.intermediate(studyName, trialNumber, step, value), false);
            table.setIntermediateValue(studyName, trialNumber, step, value);
            return null;
        });
    }

    @Override
    public synchronized void finishTrial(
            String studyName, int trialNumber, TrialState state, OptionalDouble value, TrialFailure failure) {
        finishTrial(studyName, trialNumber, state, TrialResult.of(value), failure);
    }

    @Override
    public synchronized void finishTrial(
            String studyName, int trialNumber, TrialState state, TrialResult value, TrialFailure failure) {
        Objects.requireNonNull(value, "result");
        StudyTable.checkFinish(state);
        write(() -> {
            table.running(studyName, trialNumber);
            finish(studyName, trialNumber, state, value, failure, sync == Sync.ON_FINISH);
            return null;
        });
    }

    /**
     * Adds the finished trial as it is, with its times (to the microsecond) and worker, as the next
     * trial of the study: its start, knob values, intermediate values and finish in one append, which
     * is forced to the disk with {@link Sync#ON_FINISH}. The start names this process as the trial's
     * writer, so that an append cut before the finish (a full disk, a kill mid-write) leaves a trial
     * that fails as its writer's death is found, as any other.
     */
    @Override
    public synchronized int addTrial(String studyName, FrozenTrial trial) {
        WorkerId writer = WorkerId.current();
        return write(() -> {
            // checked before anything is appended; the records and the table both keep its times to the microsecond
            table.checkAdded(studyName, trial);
            boolean gathering = batching; // inside together, whose end writes what this appends
            batching = true;
            try {
                int number = table.nextNumber(studyName);
                if (JournalCodec.needsObjectivesVersion(trial.result())) {
                    declare(JournalCodec.OBJECTIVES_VERSION);
                }
                // written by this process: should the append be cut before the finish, its death fails the trial
                append(records.added(studyName, number, trial.started(), writer, trial.worker()), false);
                for (Map.Entry<String, Suggestion> param : trial.suggestions().entrySet()) {
                    append(records.param(studyName, number, param.getKey(), param.getValue().distribution(),
                            param.getValue().internal()), false);
                }
                for (Map.Entry<Integer, Double> value : trial.intermediateValues().entrySet()) {
                    append(records.intermediate(studyName, number, value.getKey(), value.getValue()), false);
                }
                append(records.finish(studyName, number, trial.state(), trial.result(), trial.failure().orElse(null),
                        trial.finished().orElseThrow()), sync == Sync.ON_FINISH);
                return table.addTrial(studyName, trial, writer);
            } finally {
                if (!gathering) {
                    batching = false;
                    flush();
                }
            }
        });
    }

    @Override
    public synchronized FrozenTrial trial(String studyName, int trialNumber) {
        // a study asks for each trial it has just finished: that needs no look at the file's size
        FrozenTrial finished = table.finishedTrial(studyName, trialNumber);
        if (finished != null) {
            return finished;
        }
        readNew();
        return table.trial(studyName, trialNumber);
    }

    @Override
    public synchronized List<FrozenTrial> trials(String studyName) {
        readNew();
        return table.trials(studyName);
    }

    /**
     * Runs {@code calls} holding the file throughout, and writes the records they append in one
     * go at the end: a trial's start and the knob values drawn right after it cost one lock and one
     * write. The records are written whether {@code calls} returns or throws, before this returns;
     * other threads and processes wait for the file meanwhile.
     */
    @Override
    public synchronized <T> T together(Supplier<T> calls) {
        if (batching) {
            return calls.get();
        }
        return write(() -> {
            batching = true;
            try {
                return calls.get();
            } finally {
                batching = false;
                flush();
            }
        });
    }

    /**
     * Writes the knob values held back for trials left running, so that a retry of them draws the
     * same values, and releases the file; the journal stays.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            writeDeferred();
            release();
        }
    }

    /** Releases the file without writing anything more. */
    private void release() {
        if (!closed) {
            closed = true;
            if (deferredWriter != null) {
                deferredWriter.shutdownNow();
            }
            file.release();
        }
    }

    @Override
    public String toString() {
        return "journal:" + file.path();
    }

    /** How many appends this JVM made to the journal's file so far, for the tests that count a trial's writes. */
    long appends() {
        return file.appends();
    }

    /** When this storage forces its appends to the disk. */
    public Sync sync() {
        return sync;
    }

    /** Runs {@code action} under the file lock after replaying what others appended. */
    private <T> T write(JournalFile.LockedAction<T> action) {
        checkOpen();
        if (readOnly) {
            throw new IllegalStateException("journal " + file.path() + " is open to read only (as a best run or a"
                    + " replay opens it), so it cannot be written; open it with JournalStorage.open to run trials");
        }
        try {
            if (batching) {
                return action.run(); // inside together: the file is held, and nobody else appended
            }
            return file.locked(() -> {
                catchUp();
                if (deferred.isEmpty()) {
                    return action.run();
                }
                // the knob values held back go first, in one append with what the action writes
                batching = true;
                pending.take(deferred);
                try {
                    return action.run();
                } finally {
                    batching = false;
                    flush();
                }
            });
        } catch (IOException failed) {
            throw new UncheckedIOException("could not use journal " + file.path() + ": " + failed.getMessage(), failed);
        }
    }

    /** Replays what others appended, if anything; a look at the size first spares the lock. */
    private void readNew() {
        checkOpen();
        try {
            if (file.size() != offset) {
                file.locked(() -> {
                    catchUp();
                    return null;
                });
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read journal " + file.path() + ": " + failed.getMessage(), failed);
        }
    }

    /** Replays the records after {@link #offset}; call with the file locked. */
    private void catchUp() throws IOException {
        long size = file.size();
        if (size < offset) {
            throw new IllegalStateException("journal " + file.path() + " shrank from " + offset + " to " + size
                    + " bytes while open; something other than Tuner changed it. Keep one journal per study series "
                    + "and do not edit or replace it while studies run");
        }
        if (size == offset) {
            return;
        }
        long end = file.readLines(offset, size, this::replay);
        if (end < size) {
            String torn = file.text(end, size, 200);
            if (end == 0 && !torn.startsWith("{\"op\":")) {
                throw new IllegalStateException(file.path() + " is not a Tuner journal (it starts with '"
                        + torn.substring(0, Math.min(torn.length(), 40)) + "'); name a new file or an existing journal");
            }
            if (tornSkippedAt != end) {
                LOG.log(Level.WARNING, () -> "journal " + file.path() + ": ignoring a torn last line (" + (size - end)
                        + " bytes at byte " + end + ", line " + (lines + 1) + ", left by a process killed while writing it): "
                        + torn);
            }
            if (readOnly) {
                tornSkippedAt = end; // the next process that writes cuts it off
            } else {
                file.truncate(end);
            }
        }
        offset = end;
    }

    private void replay(byte[] bytes, int start, int length) {
        try {
            lines += replayer.applyLines(bytes, start, length, table);
            offset += length;
        } catch (JournalReplay.BadLine bad) {
            lines += bad.linesBefore;
            offset += bad.start;
            throw new IllegalStateException("journal " + file.path() + " line " + (lines + 1) + " is not a record Tuner wrote ("
                    + bad.getMessage() + "): " + bad.text + "; remove that line, or move the journal aside to start afresh",
                    bad.getCause());
        }
    }

    /**
     * Appends a record; call with the file locked, after {@link #catchUp()}, having checked that
     * the table takes the change, and apply the change to the table right after. Applying it
     * directly, rather than parsing the line back, halves what a trial's bookkeeping costs;
     * {@code JournalStorageTest} checks that a replay of the file builds the same table.
     */
    private void append(byte[] line, boolean force) throws IOException {
        if (batching) {
            pending.add(line);
            if (force) {
                flush();
                file.force();
            }
            return;
        }
        file.append(line, 0, line.length); // the file ends at offset: catchUp read it to its end
        if (force) {
            file.force();
        }
        offset += line.length;
        lines++;
    }

    /**
     * Writes the records {@link #together} gathered. The table has taken them already, so a journal
     * that cannot write them is closed: further records would name trials the file does not hold.
     */
    private void flush() throws IOException {
        int length = pending.length();
        int count = pending.count();
        if (length == 0) {
            return;
        }
        try {
            file.append(pending.bytes(), 0, length);
        } catch (IOException failed) {
            release();
            throw failed;
        } finally {
            pending.clear();
        }
        offset += length;
        lines += count;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("journal storage " + file.path() + " is closed; open it again");
        }
    }
}
