package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A storage in a PostgreSQL database, for workers on many machines that share one study by name.
 *
 * <pre>{@code
 * // every worker, on any machine, with TUNER_JDBC_USER and TUNER_JDBC_PASSWORD set:
 * try (JdbcStorage storage = JdbcStorage.open("jdbc:postgresql://db.example.com:5432/tuner")) {
 *     Study study = Study.builder("svm").sampler(new RandomSampler(seed)).storage(storage).build();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Schema.</b> The tables ({@code tuner_studies}, {@code tuner_trials}, {@code tuner_params},
 * {@code tuner_intermediate_values}) are created on first use in the connection's current schema
 * ({@code ?currentSchema=} in the URL chooses another) and versioned in {@code tuner_schema_version};
 * tables an older Tuner created are upgraded by the first worker that opens them, after which
 * workers of the older Tuner refuse them. The user needs the right to create tables the first time
 * (and at an upgrade), and to read and write them after.
 *
 * <p><b>Workers.</b> Every change of a trial's state (a start, a claim, an enqueue, a finish, a
 * failure for silence) locks the study's row first, where the study counts its trials by state,
 * numbers its trials and numbers its changes: trial numbers are unique across workers, and
 * {@link #startTrialWithinBudget} checks the budget in that one row, so a budget is honoured by all
 * workers together and a start costs the same in a study of 100 trials as in one of 100,000. An
 * {@linkplain #enqueueTrial enqueued} trial waits in the table ({@code WAITING}) until a worker
 * claims it, the oldest first, so each waiting trial runs once. A worker reads only the trials that
 * changed since it last read, and those that run. Every transaction is
 * short and locks rows in one order (the study's row, then one trial's), and failing stale trials
 * skips rows others hold, so concurrent workers do not deadlock; a serialization failure or
 * deadlock reported anyway is retried.
 *
 * <p><b>Round trips.</b> {@link #together} (which a study runs around a trial's start and the knobs
 * its objective draws up front) starts the trial and reads the history the sampler needs in one
 * transaction, and writes the knobs' values in a second, in one round trip; the finish and the read
 * of the finished trial are a third. A knob drawn later (a study draws it with {@link #setParamDeferred})
 * goes with the trial's next write: a reported value, the heartbeat or the finish, so a trial costs
 * three transactions however many knobs it draws late; a worker killed before then loses those
 * values of a trial that is failed for its silence anyway.
 *
 * <p><b>Heartbeats.</b> While a worker has trials {@code RUNNING}, a daemon thread stamps them with
 * the database's time every {@linkplain Builder#heartbeat heartbeat interval} (10 s by default). A
 * {@code RUNNING} trial whose stamp is older than the grace period (60 s by default) belongs to a
 * worker that died or lost the database: whoever reads or creates trials of that study fails it
 * with a {@link WorkerDiedException}, and its worker can no longer finish it.
 *
 * <p><b>Outages.</b> When the server goes away or is not up yet (a restart, a failover, a network
 * blip), every call waits for it, retrying with a backoff that grows from 0.1 s to 5 s, for up to
 * the {@linkplain Builder#outageTimeout outage timeout} (60 s by default; the setting
 * {@value #OUTAGE_TIMEOUT_SETTING} of a run), on a new connection; what the call is to write (a
 * finished trial's result) stays in memory until it is written. The log says so, and says when the
 * database is back. A write whose commit went unanswered is looked up before it is done again, so
 * that a trial is started, enqueued and finished once. An outage longer than the timeout fails the
 * call, naming the setting. A heartbeat that finds the database down is not retried but repeated at
 * the next interval, and the grace period does not count the outage against anyone (see
 * {@link JdbcHeartbeats}).
 *
 * <p><b>Credentials</b> come from the environment, never from a build file:
 * {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}, else {@code PGUSER} and {@code PGPASSWORD},
 * or from {@link Builder#user} and {@link Builder#password} (the Maven plugin's {@code jdbcServerId} sets
 * the two variables from a {@code <server>} of the Maven settings). A {@code user=} parameter of the URL
 * wins over all of them, as PostgreSQL's driver wants; a password in the URL is refused, since a URL is
 * written in build files and shown in logs.
 */
public final class JdbcStorage implements Storage {

    /** The environment variable that names the database user. */
    public static final String USER_VARIABLE = "TUNER_JDBC_USER";
    /** The environment variable that holds the database user's password. */
    public static final String PASSWORD_VARIABLE = "TUNER_JDBC_PASSWORD";

    /**
     * The setting of a run that says how long workers wait for an unreachable database, named in the
     * messages of an outage: {@value}. In code, {@link Builder#outageTimeout}.
     */
    public static final String OUTAGE_TIMEOUT_SETTING = "tuner.storage.outage.timeout";

    /** How long workers wait for an unreachable database unless told otherwise: 60 s. */
    public static final Duration DEFAULT_OUTAGE_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(JdbcStorage.class.getName());

    private final JdbcSession session;
    private final JdbcTrialReader reader = new JdbcTrialReader();
    private final Map<String, Integer> studyIds = new HashMap<>();
    private final JdbcHeartbeats heartbeats;
    private final ScheduledExecutorService beats;
    private volatile boolean closed;
    /** What {@link #together} gathers while it runs; null otherwise. */
    private JdbcBatch batch;
    /** The knob values {@link #setParamDeferred} holds back until a write of their trial takes them. */
    private final JdbcDeferredParams deferred = new JdbcDeferredParams();

    private JdbcStorage(Builder builder) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "tuner");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        String user = JdbcLogin.urlUser(builder.url) != null ? JdbcLogin.urlUser(builder.url) : builder.user;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (builder.password != null) {
            properties.setProperty("password", builder.password);
        }
        this.heartbeats = new JdbcHeartbeats(builder.heartbeat, builder.grace);
        this.session = new JdbcSession(builder.url, properties, builder.connector, builder.outageTimeout, builder.clock,
                connection -> {
                    // this worker's trials went unstamped during the outage: stamp them before anything else
                    heartbeats.reconnected();
                    if (heartbeats.hasRunningTrials()) {
                        heartbeats.beat(connection);
                    }
                    return null;
                });
        try {
            session.transaction("create or check the Tuner tables", JdbcSchema::ensure);
        } catch (RuntimeException failed) {
            session.close();
            throw failed;
        }
        this.beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tuner-heartbeat " + builder.url);
            thread.setDaemon(true);
            return thread;
        });
        long every = builder.heartbeat.toMillis();
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the database at {@code url} ({@code jdbc:postgresql://host:port/database}) with the
     * credentials from the environment and the default heartbeat.
     *
     * @throws IllegalStateException if the server cannot be reached or refuses the user, or its
     *     Tuner tables are of a newer version
     */
    public static JdbcStorage open(String url) {
        return builder(url).open();
    }

    /** Starts configuring a storage on the database at {@code url}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    @Override
    public synchronized void createStudy(String studyName, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        createStudy(studyName, List.of(direction));
    }

    @Override
    public synchronized void createStudy(String studyName, List<Direction> directions) {
        List<Direction> checked = Directions.check(studyName, directions);
        checkOpen();
        int id = session.transaction("create study '" + studyName + "'",
                connection -> JdbcWrites.createStudy(connection, studyName, checked));
        studyIds.put(studyName, id);
    }

    @Override
    public synchronized Optional<List<Direction>> directions(String studyName) {
        checkOpen();
        return session.transaction("read the directions of study '" + studyName + "'",
                connection -> JdbcWrites.directions(connection, studyName));
    }

    @Override
    public synchronized void nameObjectives(String studyName, List<String> names) {
        checkOpen();
        List<String> checked = new ArrayList<>(names); // a null name is refused by the check, with the rest
        session.transaction("name the objectives of study '" + studyName + "'",
                connection -> JdbcWrites.nameObjectives(connection, studyName, checked));
    }

    @Override
    public synchronized Optional<List<String>> objectiveNames(String studyName) {
        checkOpen();
        return session.transaction("read the objective names of study '" + studyName + "'",
                connection -> JdbcWrites.objectiveNames(connection, studyName));
    }

    @Override
    public synchronized StartedTrial startTrial(String studyName) {
        return start(studyName, "start a trial of study '" + studyName + "'", Integer.MAX_VALUE, Set.of()).orElseThrow();
    }

    @Override
    public synchronized Optional<StartedTrial> startTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
        Budgets.check(budget, counted);
        return start(studyName, "start a trial of study '" + studyName + "' within its budget", budget, counted);
    }

    /**
     * Starts a trial within the budget; inside {@link #together}, reads in the same transaction the
     * history the sampler is about to ask for.
     */
    private Optional<StartedTrial> start(String studyName, String what, int budget, Set<TrialState> counted) {
        int study = studyId(studyName);
        writeDrawnParams();
        failStaleTrials(studyName, study, false);
        String worker = heartbeats.worker();
        boolean readHistory = batch != null;
        JdbcTrialReader.Changes[] history = new JdbcTrialReader.Changes[1];
        Optional<StartedTrial> started = session.transaction(what, null, connection -> {
            history[0] = null;
            Optional<StartedTrial> trial = JdbcWrites.startWithinBudget(connection, study, budget, counted, worker);
            if (readHistory && trial.isPresent()) {
                history[0] = reader.changes(connection, study);
            }
            return trial;
        }, (connection, trial) -> trial.isEmpty() || JdbcWrites.runsFor(connection, study, trial.get().number(), worker));
        started.ifPresent(trial -> heartbeats.created());
        if (history[0] != null) {
            batch.history(study, reader.apply(history[0]));
        }
        return started;
    }

    @Override
    public synchronized int enqueueTrial(String studyName, Map<String, String> values) {
        int study = studyId(studyName);
        writeDrawnParams();
        String json = EnqueuedJson.write(values);
        return session.transaction("enqueue a trial of study '" + studyName + "'", "its values",
                connection -> JdbcWrites.enqueue(connection, JdbcStudyRow.lock(connection, study), study, json, -1),
                (connection, number) -> JdbcWrites.enqueuedAs(connection, study, number, json, -1));
    }

    @Override
    public synchronized OptionalInt enqueueRetry(String studyName, int failedNumber, Map<String, String> values) {
        int study = studyId(studyName);
        writeDrawnParams();
        String json = EnqueuedJson.write(values);
        return session.transaction("enqueue a retry of trial #" + failedNumber + " of study '" + studyName + "'",
                "its values", connection -> {
                    JdbcStudyRow row = JdbcStudyRow.lock(connection, study);
                    return JdbcWrites.mayRetry(connection, studyName, study, failedNumber)
                            ? OptionalInt.of(JdbcWrites.enqueue(connection, row, study, json, failedNumber))
                            : OptionalInt.empty();
                },
                (connection, number) -> number.isEmpty()
                        || JdbcWrites.enqueuedAs(connection, study, number.getAsInt(), json, failedNumber));
    }

    @Override
    public void setParam(String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
        String json = DistributionJson.write(distribution); // outside the lock, which heartbeats need too
        setParam(studyName, trialNumber, knob, json, distribution, internal);
    }

    private synchronized void setParam(String studyName, int trialNumber, String knob, String json,
            Distribution distribution, double internal) {
        int study = studyId(studyName);
        if (batch != null) {
            batch.add(new JdbcBatch.Param(study, studyName, trialNumber, knob, json, distribution, internal));
            return;
        }
        session.transaction("set knob '" + knob + "' of trial #" + trialNumber, "its value", connection -> {
            if (!JdbcWrites.setParam(connection, study, trialNumber, knob, json, internal)) {
                throw JdbcWrites.notRunning(connection, studyName, study, trialNumber);
            }
            return null;
        }, null);
    }

    /**
     * Records a knob's value as {@link #setParam} does, holding it back, outside {@link #together},
     * until the trial's next reported value, its finish or this worker's next heartbeat, whichever
     * comes first, and writing it in that transaction: a knob drawn while the objective runs costs
     * none of its own. This worker's reads show it meanwhile. A worker killed before then loses the
     * values it held, of a trial that other workers fail for its silence anyway; a finished trial
     * has every value it drew, written in its finish's transaction. A value for a trial this storage
     * finished is refused at once, one for a trial others failed when it is written.
     */
    @Override
    public void setParamDeferred(String studyName, int trialNumber, String knob, Distribution distribution,
            double internal) {
        String json = DistributionJson.write(distribution); // outside the lock, which heartbeats need too
        setParamDeferred(studyName, trialNumber, knob, json, distribution, internal);
    }

    private synchronized void setParamDeferred(String studyName, int trialNumber, String knob, String json,
            Distribution distribution, double internal) {
        int study = studyId(studyName);
        if (batch != null || reader.finished(study, trialNumber).isPresent()) {
            setParam(studyName, trialNumber, knob, json, distribution, internal); // batched, or refused now
            return;
        }
        checkOpen();
        deferred.add(new JdbcBatch.Param(study, studyName, trialNumber, knob, json, distribution, internal));
    }

    @Override
    public synchronized void setIntermediateValue(String studyName, int trialNumber, int step, double value) {
        StudyTable.checkStep(step);
        int study = studyId(studyName);
        writeDrawnParams();
        List<JdbcBatch.Param> held = deferred.take(study, trialNumber);
        try {
            session.transaction("report step " + step + " of trial #" + trialNumber, "its value", connection -> {
                // the knobs held back go with it: one transaction, and other workers see them from now on
                if ((!held.isEmpty() && JdbcWrites.setParams(connection, held) != null)
                        || !JdbcWrites.setIntermediateValue(connection, study, trialNumber, step, value)) {
                    throw JdbcWrites.notRunning(connection, studyName, study, trialNumber);
                }
                return null;
            }, null);
        } catch (RuntimeException | Error failed) {
            deferred.putBack(held);
            throw failed;
        }
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
        int study = studyId(studyName);
        writeDrawnParams();
        List<JdbcBatch.Param> held = deferred.take(study, trialNumber);
        FrozenTrial[] finished = new FrozenTrial[1];
        String outcome = state + (value.size() == 0 && value.constraints().isEmpty() ? ""
                : value.size() == 1 && value.constraints().isEmpty() ? " → " + value.value(0) : " → " + value)
                + (failure == null ? "" : " (" + failure.type() + ")");
        String worker;
        try {
            // the knobs held back are written in the finish's transaction: a finished trial has them all
            worker = session.transaction("finish trial #" + trialNumber + " of study '" + studyName + "' as " + outcome,
                    "the result", connection -> {
                        finished[0] = null;
                        String trialWorker = JdbcWrites.finish(connection, study, trialNumber, state, value, failure, held);
                        if (trialWorker == null) {
                            throw JdbcWrites.notRunning(connection, studyName, study, trialNumber);
                        }
                        // read back now, so that the study's look at the finished trial needs no transaction
                        finished[0] = reader.trial(connection, study, trialNumber).orElse(null);
                        return trialWorker;
                    }, (connection, trialWorker) -> JdbcWrites.finishedAs(connection, study, trialNumber, state, value,
                            failure));
        } catch (RuntimeException | Error failed) {
            deferred.putBack(held); // the heartbeat writes them if the trial still runs, else drops them
            throw failed;
        }
        heartbeats.finished(worker);
        if (finished[0] != null) {
            reader.remember(study, finished[0]);
        }
    }

    /**
     * Adds the finished trial as it is, with its times (to the microsecond) and worker, as the next
     * trial of the study: its row, knob values and intermediate values in one transaction.
     */
    @Override
    public synchronized int addTrial(String studyName, FrozenTrial trial) {
        int study = studyId(studyName);
        writeDrawnParams();
        JdbcAddedTrial added = new JdbcAddedTrial(studyName, trial);
        int number = session.transaction("add trial #" + trial.number() + " to study '" + studyName + "' as "
                + trial.state(), "the trial", connection -> added.insert(connection, study),
                (connection, taken) -> added.isAt(connection, study, taken));
        if (batch != null) {
            batch.forgetHistory(study); // read before the add: the batch's next read reads again
        }
        return number;
    }

    @Override
    public synchronized FrozenTrial trial(String studyName, int trialNumber) {
        int study = studyId(studyName);
        failStaleTrials(studyName, study, false);
        Optional<FrozenTrial> known = reader.finished(study, trialNumber);
        FrozenTrial trial = known.isPresent() ? known.get() : session.transaction(
                "read trial #" + trialNumber + " of study '" + studyName + "'",
                connection -> reader.trial(connection, study, trialNumber)).orElseThrow(
                        () -> new IllegalArgumentException("study '" + studyName + "' has no trial #" + trialNumber));
        reader.remember(study, trial);
        FrozenTrial shown = deferred.withParams(study, trial);
        return batch == null ? shown : batch.withParams(study, shown);
    }

    @Override
    public synchronized List<FrozenTrial> trials(String studyName) {
        int study = studyId(studyName);
        failStaleTrials(studyName, study, false);
        if (batch != null && batch.history(study) != null) {
            return deferred.withParams(study, batch.history(study));
        }
        List<FrozenTrial> trials = reader.apply(session.transaction("read the trials of study '" + studyName + "'",
                connection -> reader.changes(connection, study)));
        if (batch != null) {
            batch.history(study, trials);
            return deferred.withParams(study, batch.history(study));
        }
        return deferred.withParams(study, trials);
    }

    /**
     * Runs {@code calls} as one unit: a trial started in it is started in the same transaction as the
     * read of the history its sampler needs, which the calls' reads then get, and the knobs' values
     * drawn in it are written together at its end, in one transaction and one round trip (or before
     * any other write in it). A value for a trial that no longer runs fails that write, as it would
     * have failed when drawn. Other threads of this worker, and its heartbeat, wait meanwhile.
     */
    @Override
    public synchronized <T> T together(Supplier<T> calls) {
        if (batch != null) {
            return calls.get();
        }
        checkOpen();
        batch = new JdbcBatch();
        T result;
        try {
            result = calls.get();
        } catch (RuntimeException | Error thrown) {
            try {
                writeDrawnParams();
            } catch (RuntimeException also) {
                thrown.addSuppressed(also);
            }
            batch = null;
            throw thrown;
        }
        try {
            writeDrawnParams();
        } finally {
            batch = null;
        }
        return result;
    }

    /** Writes the knobs' values drawn in {@link #together} so far, in one transaction; nothing outside it. */
    private void writeDrawnParams() {
        if (batch == null) {
            return;
        }
        List<JdbcBatch.Param> params = batch.takeParams();
        if (params.isEmpty()) {
            return;
        }
        JdbcBatch.Param first = params.get(0);
        session.transaction("set " + params.size() + " knob(s) of trial #" + first.number() + " of study '"
                + first.studyName() + "'", "their values", connection -> {
                    JdbcBatch.Param refused = JdbcWrites.setParams(connection, params);
                    if (refused != null) {
                        throw JdbcWrites.notRunning(connection, refused.studyName(), refused.study(), refused.number());
                    }
                    return null;
                }, null);
    }

    /**
     * Fails, with a {@link WorkerDiedException}, every {@code RUNNING} trial of the study whose
     * worker sent no heartbeat for longer than the grace period, counted from the server's start if
     * that is later; none within a grace period after this worker reconnected from an outage, when
     * the other workers may be reconnecting still. Reading or creating trials does this already, at
     * most once per heartbeat interval; call it to do it now.
     *
     * @return how many trials were failed
     */
    public synchronized int failStaleTrials(String studyName) {
        return failStaleTrials(studyName, studyId(studyName), true);
    }

    private int failStaleTrials(String studyName, int study, boolean now) {
        if (!now && !heartbeats.due(study)) {
            return 0;
        }
        List<Integer> failed = session.transaction("fail the stale trials of study '" + studyName + "'",
                connection -> heartbeats.failStale(connection, study));
        if (!failed.isEmpty()) {
            LOG.warning(() -> session.url() + ": trials " + failed + " of study '" + studyName + "' had no heartbeat for "
                    + heartbeats.grace().toMillis() + " ms; they are now FAIL (worker died)");
        }
        return failed.size();
    }

    /**
     * Stamps this worker's running trials with the database's time, and writes the knob values held
     * back for them in the same transaction; run by the heartbeat thread.
     */
    private synchronized void beat() {
        if (closed || !heartbeats.hasRunningTrials()) {
            return;
        }
        List<JdbcBatch.Param> held = deferred.takeAll();
        boolean sent = false;
        try {
            // once: a heartbeat that finds the database down is repeated at the next interval, not retried
            sent = session.attempt("send a heartbeat", connection -> {
                writeHeld(connection, held);
                heartbeats.beat(connection);
                return null;
            });
        } catch (RuntimeException failed) {
            LOG.warning(() -> "could not send a heartbeat: " + failed.getMessage()
                    + "; trying again in " + heartbeats.interval().toMillis() + " ms");
        } finally {
            if (!sent) {
                deferred.putBack(held);
            }
        }
    }

    /**
     * Writes knob values held back for trials of this worker; those of a trial that no longer runs
     * (others failed it for its silence) are dropped, as its finish will be refused anyway.
     */
    private static void writeHeld(java.sql.Connection connection, List<JdbcBatch.Param> held) throws java.sql.SQLException {
        if (!held.isEmpty()) {
            JdbcWrites.setParams(connection, held);
        }
    }

    private int studyId(String studyName) {
        checkOpen();
        Integer id = studyIds.get(studyName);
        if (id == null) {
            id = session.transaction("find study '" + studyName + "'", connection -> JdbcWrites.studyId(connection, studyName));
            if (id == null) {
                throw new IllegalArgumentException("no study named '" + studyName + "'; create it first");
            }
            studyIds.put(studyName, id);
        }
        return id;
    }

    /**
     * Stops the heartbeat and closes the connection. Trials this worker left {@code RUNNING} are
     * failed by other workers once the grace period has passed.
     */
    @Override
    public void close() {
        beats.shutdownNow(); // first, so that no heartbeat waits for the lock meanwhile
        synchronized (this) {
            if (!closed) {
                writeHeldBeforeClosing();
                closed = true;
                session.close();
            }
        }
    }

    /**
     * Writes, once, the knob values held back for trials this worker leaves running, so that a retry
     * of them draws the same values; a database that is down loses them, as a killed worker would.
     */
    private void writeHeldBeforeClosing() {
        List<JdbcBatch.Param> held = deferred.takeAll();
        if (held.isEmpty()) {
            return;
        }
        try {
            session.attempt("write the knob values of the trials left running", connection -> {
                writeHeld(connection, held);
                return null;
            });
        } catch (RuntimeException failed) {
            LOG.warning(() -> "could not write the knob values of the trials left running (" + failed.getMessage()
                    + "); those trials are failed for their silence anyway, and a retry draws those knobs afresh");
        }
    }

    @Override
    public String toString() {
        return session.url();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("storage " + session.url() + " is closed; open it again");
        }
    }

    /** Configures a {@link JdbcStorage}. */
    public static final class Builder {

        private final String url;
        private String user = JdbcLogin.user(System.getenv());
        private String password = JdbcLogin.password(System.getenv());
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration grace = Duration.ofSeconds(60);
        private Duration outageTimeout = DEFAULT_OUTAGE_TIMEOUT;
        private RetryClock clock = RetryClock.SYSTEM;
        private JdbcSession.Connector connector = DriverManager::getConnection;

        private Builder(String url) {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("'" + JdbcLogin.masked(url) + "' is not a PostgreSQL JDBC URL;"
                        + " write jdbc:postgresql://host:port/database");
            }
            JdbcLogin.checkNoSecret(url);
            this.url = url;
        }

        /** The database user, instead of the one from the environment (a {@code user=} of the URL still wins). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The database user's password, instead of the one from the environment. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * How often this worker stamps its running trials, and how old a stamp may grow before
         * other workers fail the trial; the grace period must be at least twice the interval, and
         * longer than any pause of a live worker (a long garbage collection, a loaded machine), or
         * that worker's trials are failed under it.
         */
        public Builder heartbeat(Duration interval, Duration gracePeriod) {
            if (interval.isNegative() || interval.isZero() || gracePeriod.compareTo(interval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("the heartbeat interval (" + interval + ") must be positive and the "
                        + "grace period (" + gracePeriod + ") at least twice as long, or live workers' trials would fail");
            }
            this.heartbeat = interval;
            this.grace = gracePeriod;
            return this;
        }

        /**
         * How long this worker waits for its database when the server goes away or is not up yet (a
         * restart, a failover, a network blip), retrying every call on a new connection, before the
         * call fails saying so: {@value JdbcStorage#OUTAGE_TIMEOUT_SETTING} of a run, 60 s by default.
         * What a call is to write, such as a finished trial's result, stays in memory meanwhile. Keep
         * the heartbeat's grace period longer than the outages other workers may ride out alone,
         * since they cannot tell a worker cut off from a dead one.
         *
         * <pre>{@code
         * JdbcStorage.builder(url).outageTimeout(Duration.ofMinutes(5)).open();
         * }</pre>
         *
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder outageTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the outage timeout (" + timeout + ") must be positive: it is how"
                        + " long a worker waits for an unreachable database, e.g. Duration.ofSeconds(60)");
            }
            this.outageTimeout = timeout;
            return this;
        }

        /** The clock the outage's backoff waits on; tests give one that does not wait. */
        Builder clock(RetryClock clock) {
            this.clock = clock;
            return this;
        }

        /** How connections are opened; tests give one that fails at will. */
        Builder connector(JdbcSession.Connector connector) {
            this.connector = connector;
            return this;
        }

        /** Connects, creating or checking the Tuner tables, and starts the heartbeat. */
        public JdbcStorage open() {
            return new JdbcStorage(this);
        }
    }
}
