package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.DistributionJson;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p><b>Schema.</b> The tables ({@code tuner_studies}, {@code tuner_trials}, {@code tuner_params})
 * are created on first use in the connection's current schema ({@code ?currentSchema=} in the URL
 * chooses another) and versioned in {@code tuner_schema_version}. The user needs the right to
 * create tables the first time, and to read and write them after.
 *
 * <p><b>Workers.</b> Trial numbers are assigned in a transaction that bumps the study's counter
 * row, so they are unique across workers; {@link #createTrialWithinBudget} counts and creates
 * under the same row lock, so a budget is honoured by all workers together. Every transaction is
 * short and locks rows in one order (the study's row, then one trial's), and failing stale trials
 * skips rows others hold, so concurrent workers do not deadlock; a serialization failure or
 * deadlock reported anyway is retried.
 *
 * <p><b>Heartbeats.</b> While a worker has trials {@code RUNNING}, a daemon thread stamps them with
 * the database's time every {@linkplain Builder#heartbeat heartbeat interval} (10 s by default). A
 * {@code RUNNING} trial whose stamp is older than the grace period (60 s by default) belongs to a
 * worker that died or lost the database: whoever reads or creates trials of that study fails it
 * with a {@link WorkerDiedException}, and its worker can no longer finish it.
 *
 * <p><b>Credentials</b> come from the environment, never from a build file:
 * {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}, else {@code PGUSER} and {@code PGPASSWORD},
 * or from {@link Builder#user} and {@link Builder#password}.
 */
public final class JdbcStorage implements Storage {

    /** The environment variable that names the database user. */
    public static final String USER_VARIABLE = "TUNER_JDBC_USER";
    /** The environment variable that holds the database user's password. */
    public static final String PASSWORD_VARIABLE = "TUNER_JDBC_PASSWORD";

    private static final Logger LOG = Logger.getLogger(JdbcStorage.class.getName());

    private final JdbcSession session;
    private final JdbcTrialReader reader = new JdbcTrialReader();
    private final Map<String, Integer> studyIds = new HashMap<>();
    private final Map<Integer, Long> lastStaleCheck = new HashMap<>();
    private final String worker;
    private final Duration heartbeat;
    private final Duration grace;
    private final ScheduledExecutorService beats;
    private int running;
    private boolean closed;

    private JdbcStorage(Builder builder) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "tuner");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        if (builder.user != null) {
            properties.setProperty("user", builder.user);
        }
        if (builder.password != null) {
            properties.setProperty("password", builder.password);
        }
        this.heartbeat = builder.heartbeat;
        this.grace = builder.grace;
        this.worker = WorkerId.current().text() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.session = new JdbcSession(builder.url, properties);
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
        long every = heartbeat.toMillis();
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
        checkOpen();
        int id = session.transaction("create study '" + studyName + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tuner_studies (name, direction) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, studyName);
                insert.setString(2, direction.name());
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT study_id, direction FROM tuner_studies WHERE name = ?")) {
                select.setString(1, studyName);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    Direction existing = Direction.valueOf(row.getString(2));
                    if (existing != direction) {
                        throw new IllegalStateException("study '" + studyName + "' exists with direction " + existing
                                + ", not " + direction + "; use another study name or the same direction");
                    }
                    return row.getInt(1);
                }
            }
        });
        studyIds.put(studyName, id);
    }

    @Override
    public synchronized int createTrial(String studyName) {
        int study = studyId(studyName);
        failStaleTrials(studyName, study, false);
        return session.transaction("create a trial of study '" + studyName + "'", connection -> {
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE tuner_studies SET next_number = next_number + 1 WHERE study_id = ? RETURNING next_number - 1")) {
                bump.setInt(1, study);
                try (ResultSet row = bump.executeQuery()) {
                    row.next();
                    return insertTrial(connection, study, row.getInt(1));
                }
            }
        });
    }

    @Override
    public synchronized OptionalInt createTrialWithinBudget(String studyName, int budget, Set<TrialState> counted) {
        Budgets.check(budget, counted);
        int study = studyId(studyName);
        failStaleTrials(studyName, study, false);
        return session.transaction("create a trial of study '" + studyName + "' within its budget", connection -> {
            int next;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT next_number FROM tuner_studies WHERE study_id = ? FOR UPDATE")) {
                lock.setInt(1, study);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    next = row.getInt(1);
                }
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM tuner_trials WHERE study_id = ? AND state = ANY (?)")) {
                count.setInt(1, study);
                Array states = connection.createArrayOf("text", counted.stream().map(Enum::name).toArray());
                count.setArray(2, states);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= budget) {
                        return OptionalInt.empty();
                    }
                }
            }
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE tuner_studies SET next_number = ? WHERE study_id = ?")) {
                bump.setInt(1, next + 1);
                bump.setInt(2, study);
                bump.executeUpdate();
            }
            return OptionalInt.of(insertTrial(connection, study, next));
        });
    }

    private int insertTrial(Connection connection, int study, int number) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tuner_trials"
                + " (study_id, number, state, started, worker, heartbeat) VALUES (?, ?, 'RUNNING', clock_timestamp(), ?, now())")) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, worker);
            insert.executeUpdate();
        }
        running++;
        return number;
    }

    @Override
    public synchronized void setParam(
            String studyName, int trialNumber, String knob, Distribution distribution, double internal) {
        int study = studyId(studyName);
        String json = DistributionJson.write(distribution);
        session.transaction("set knob '" + knob + "' of trial #" + trialNumber, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("WITH trial AS ("
                    + " UPDATE tuner_trials SET heartbeat = now()"
                    + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING study_id, number)"
                    + " INSERT INTO tuner_params (study_id, number, knob, distribution, internal)"
                    + " SELECT study_id, number, ?, ?, ? FROM trial"
                    + " ON CONFLICT (study_id, number, knob) DO UPDATE SET distribution = EXCLUDED.distribution,"
                    + " internal = EXCLUDED.internal")) {
                insert.setInt(1, study);
                insert.setInt(2, trialNumber);
                insert.setString(3, knob);
                insert.setString(4, json);
                insert.setDouble(5, internal);
                if (insert.executeUpdate() == 0) {
                    throw notRunning(connection, studyName, study, trialNumber);
                }
                return null;
            }
        });
    }

    @Override
    public synchronized void finishTrial(
            String studyName, int trialNumber, TrialState state, OptionalDouble value, TrialFailure failure) {
        StudyTable.checkFinish(state);
        int study = studyId(studyName);
        session.transaction("finish trial #" + trialNumber + " of study '" + studyName + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tuner_trials SET state = ?, value = ?,"
                    + " failure_type = ?, failure_message = ?, failure_where = ?, finished = clock_timestamp(), heartbeat = NULL"
                    + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING worker")) {
                update.setString(1, state.name());
                if (value.isPresent()) {
                    update.setDouble(2, value.getAsDouble());
                } else {
                    update.setNull(2, Types.DOUBLE);
                }
                update.setString(3, failure == null ? null : failure.type());
                update.setString(4, failure == null ? null : failure.message());
                update.setString(5, failure == null ? null : failure.where());
                update.setInt(6, study);
                update.setInt(7, trialNumber);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        throw notRunning(connection, studyName, study, trialNumber);
                    }
                    if (worker.equals(row.getString(1))) {
                        running = Math.max(0, running - 1);
                    }
                }
                return null;
            }
        });
    }

    /** Why a trial could not be changed: it does not exist, or it is finished. */
    private static RuntimeException notRunning(Connection connection, String studyName, int study, int number)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM tuner_trials WHERE study_id = ? AND number = ?")) {
            select.setInt(1, study);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new IllegalArgumentException("study '" + studyName + "' has no trial #" + number);
                }
                return new IllegalStateException("trial #" + number + " of study '" + studyName + "' is already "
                        + row.getString(1) + " and cannot change");
            }
        }
    }

    @Override
    public synchronized FrozenTrial trial(String studyName, int trialNumber) {
        int study = studyId(studyName);
        failStaleTrials(studyName, study, false);
        return session.transaction("read trial #" + trialNumber + " of study '" + studyName + "'",
                connection -> reader.trial(connection, study, trialNumber)).orElseThrow(
                        () -> new IllegalArgumentException("study '" + studyName + "' has no trial #" + trialNumber));
    }

    @Override
    public synchronized List<FrozenTrial> trials(String studyName) {
        int study = studyId(studyName);
        failStaleTrials(studyName, study, false);
        return session.transaction("read the trials of study '" + studyName + "'", connection -> reader.trials(connection, study));
    }

    /**
     * Fails, with a {@link WorkerDiedException}, every {@code RUNNING} trial of the study whose
     * worker sent no heartbeat for longer than the grace period. Reading or creating trials does
     * this already, at most once per heartbeat interval; call it to do it now.
     *
     * @return how many trials were failed
     */
    public synchronized int failStaleTrials(String studyName) {
        return failStaleTrials(studyName, studyId(studyName), true);
    }

    private int failStaleTrials(String studyName, int study, boolean now) {
        long time = System.nanoTime();
        Long last = lastStaleCheck.get(study);
        if (!now && last != null && time - last < heartbeat.toNanos()) {
            return 0;
        }
        lastStaleCheck.put(study, time);
        TrialFailure failure = WorkerDiedException.failure("");
        List<Integer> failed = session.transaction("fail stale trials", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tuner_trials SET state = 'FAIL',"
                    + " failure_type = ?, failure_message = ? || 'no heartbeat from ' || coalesce(worker, 'an unknown worker')"
                    + " || ' since ' || to_char(heartbeat AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                    + " failure_where = '', finished = clock_timestamp(), heartbeat = NULL"
                    + " WHERE (study_id, number) IN (SELECT study_id, number FROM tuner_trials"
                    + " WHERE study_id = ? AND state = 'RUNNING' AND heartbeat < now() - make_interval(secs => ?)"
                    + " FOR UPDATE SKIP LOCKED)"
                    + " RETURNING number")) {
                update.setString(1, failure.type());
                update.setString(2, failure.message());
                update.setInt(3, study);
                update.setDouble(4, grace.toMillis() / 1000.0);
                List<Integer> numbers = new ArrayList<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        numbers.add(rows.getInt(1));
                    }
                }
                return numbers;
            }
        });
        if (!failed.isEmpty()) {
            LOG.warning(() -> session.url() + ": trials " + failed + " of study '" + studyName + "' had no heartbeat for "
                    + grace.toMillis() + " ms; they are now FAIL (worker died)");
        }
        return failed.size();
    }

    /** Stamps this worker's running trials with the database's time. */
    private synchronized void beat() {
        if (closed || running == 0) {
            return;
        }
        try {
            int beating = session.transaction("send a heartbeat", connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE tuner_trials SET heartbeat = now() WHERE worker = ? AND state = 'RUNNING'")) {
                    update.setString(1, worker);
                    return update.executeUpdate();
                }
            });
            running = beating;
        } catch (RuntimeException unreachable) {
            LOG.warning(() -> "could not send a heartbeat: " + unreachable.getMessage()
                    + "; trying again in " + heartbeat.toMillis() + " ms");
        }
    }

    private int studyId(String studyName) {
        checkOpen();
        Integer id = studyIds.get(studyName);
        if (id == null) {
            id = session.transaction("find study '" + studyName + "'", connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT study_id FROM tuner_studies WHERE name = ?")) {
                    select.setString(1, studyName);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? row.getInt(1) : null;
                    }
                }
            });
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
    public synchronized void close() {
        if (!closed) {
            closed = true;
            beats.shutdownNow();
            session.close();
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
        private String user = environment(USER_VARIABLE, "PGUSER");
        private String password = environment(PASSWORD_VARIABLE, "PGPASSWORD");
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration grace = Duration.ofSeconds(60);

        private Builder(String url) {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("'" + url + "' is not a PostgreSQL JDBC URL;"
                        + " write jdbc:postgresql://host:port/database");
            }
            this.url = url;
        }

        private static String environment(String name, String fallback) {
            String value = System.getenv(name);
            return value != null && !value.isEmpty() ? value : System.getenv(fallback);
        }

        /** The database user, instead of the one from the environment. */
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
         * other workers fail the trial; the grace period must be at least twice the interval.
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

        /** Connects, creating or checking the Tuner tables, and starts the heartbeat. */
        public JdbcStorage open() {
            return new JdbcStorage(this);
        }
    }
}
