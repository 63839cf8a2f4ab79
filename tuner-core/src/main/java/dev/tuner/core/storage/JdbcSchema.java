package dev.tuner.core.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables {@link JdbcStorage} keeps, created on first use in the connection's current schema
 * and versioned in {@code tuner_schema_version}, so that a later Tuner can upgrade them and an
 * older one refuses tables it does not know.
 *
 * <pre>
 * tuner_studies  (study_id, name unique, direction (since version 5, several directions joined by
 *                 commas for a study of several objectives: MAXIMIZE,MINIMIZE), next_number: the next trial's number, created,
 *                 waiting, running, complete, pruned, failed: how many of its trials are in each
 *                 state, and last_change: the number of its latest change of a trial's state),
 *                 the counters since version 4
 * tuner_trials   (study_id, number, state, value, failure_type/_message/_where, started, finished,
 *                 worker, heartbeat, enqueued, retry_of, changed), primary key (study_id, number);
 *                 since version 3, enqueued is the JSON object of the values a trial was enqueued
 *                 with (text by knob), null for a trial that was not enqueued, and retry_of the
 *                 number of the failed trial it retries, unique within the study; since version 4,
 *                 changed is the study's last_change that its latest change of state took; since
 *                 version 5, objective_values holds a trial's values when its study has several
 *                 objectives (value is null then), and constraints the JSON object of its
 *                 constraint values by name, null when it recorded none
 * tuner_params   (param_id: the order of setting, study_id, number, knob, distribution as JSON,
 *                 internal), unique (study_id, number, knob)
 * tuner_intermediate_values (study_id, number, step, value), primary key (study_id, number, step);
 *                 since version 2
 * </pre>
 *
 * <p>Each version is a migration from the one before; a database at an older version is brought
 * up to this one, in one transaction, by the first worker that opens it. Every statement finds a
 * study's trials through an index whose every entry it needs (the primary key, the changes, the
 * running or waiting trials by study), so that no plan reads trials it does not return, even one
 * made before the tables have statistics.
 */
final class JdbcSchema {

    /** The version these tables are at. */
    static final int VERSION = 6;

    /** Serializes schema creation among workers starting together; any constant of ours would do. */
    private static final long LOCK_KEY = 0x54554e4552L; // "TUNER"

    private static final List<String> VERSION_1 = List.of(
            "CREATE TABLE tuner_schema_version (version INTEGER NOT NULL)",
            "CREATE TABLE tuner_studies ("
                    + " study_id SERIAL PRIMARY KEY,"
                    + " name TEXT NOT NULL UNIQUE,"
                    + " direction TEXT NOT NULL,"
                    + " next_number INTEGER NOT NULL DEFAULT 0,"
                    + " created TIMESTAMPTZ NOT NULL DEFAULT now())",
            "CREATE TABLE tuner_trials ("
                    + " study_id INTEGER NOT NULL REFERENCES tuner_studies,"
                    + " number INTEGER NOT NULL,"
                    + " state TEXT NOT NULL,"
                    + " value DOUBLE PRECISION,"
                    + " failure_type TEXT,"
                    + " failure_message TEXT,"
                    + " failure_where TEXT,"
                    + " started TIMESTAMPTZ NOT NULL,"
                    + " finished TIMESTAMPTZ,"
                    + " worker TEXT,"
                    + " heartbeat TIMESTAMPTZ,"
                    + " PRIMARY KEY (study_id, number))",
            "CREATE INDEX tuner_trials_state ON tuner_trials (study_id, state)",
            "CREATE INDEX tuner_trials_running_worker ON tuner_trials (worker) WHERE state = 'RUNNING'",
            "CREATE TABLE tuner_params ("
                    + " param_id BIGSERIAL PRIMARY KEY,"
                    + " study_id INTEGER NOT NULL,"
                    + " number INTEGER NOT NULL,"
                    + " knob TEXT NOT NULL,"
                    + " distribution TEXT NOT NULL,"
                    + " internal DOUBLE PRECISION NOT NULL,"
                    + " UNIQUE (study_id, number, knob),"
                    + " FOREIGN KEY (study_id, number) REFERENCES tuner_trials)",
            "INSERT INTO tuner_schema_version (version) VALUES (1)");

    /** Version 2: the values trials report at each step, which pruners read. */
    private static final List<String> VERSION_2 = List.of(
            "CREATE TABLE tuner_intermediate_values ("
                    + " study_id INTEGER NOT NULL,"
                    + " number INTEGER NOT NULL,"
                    + " step INTEGER NOT NULL,"
                    + " value DOUBLE PRECISION NOT NULL,"
                    + " PRIMARY KEY (study_id, number, step),"
                    + " FOREIGN KEY (study_id, number) REFERENCES tuner_trials)",
            "INSERT INTO tuner_schema_version (version) VALUES (2)");

    /**
     * Version 3: trials enqueued with given values wait in the table (state {@code WAITING}) for
     * any worker to claim them, the oldest first, which the partial index finds; a failed trial is
     * retried once at most, which the unique index keeps.
     */
    private static final List<String> VERSION_3 = List.of(
            "ALTER TABLE tuner_trials ADD COLUMN enqueued TEXT",
            "ALTER TABLE tuner_trials ADD COLUMN retry_of INTEGER",
            "CREATE INDEX tuner_trials_waiting ON tuner_trials (study_id, number) WHERE state = 'WAITING'",
            "CREATE UNIQUE INDEX tuner_trials_retry_of ON tuner_trials (study_id, retry_of) WHERE retry_of IS NOT NULL",
            "INSERT INTO tuner_schema_version (version) VALUES (3)");

    /**
     * Version 4: a trial starts without counting the study's trials. The study's row counts its
     * trials by state, so that a budget is checked in one row, and numbers its changes of a trial's
     * state, so that a reader reads only the trials that changed since it last looked (and those
     * that run). Both are kept under the study's row lock, which every change of state takes, so a
     * change's number is committed after every smaller one. The counters are filled from the
     * trials there are; those trials all get change 0, so every reader reads them once. The tables
     * are locked meanwhile, so that no worker changes a trial between the count and the end of the
     * upgrade.
     */
    private static final List<String> VERSION_4 = List.of(
            "LOCK TABLE tuner_studies, tuner_trials IN EXCLUSIVE MODE",
            "ALTER TABLE tuner_studies ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0,"
                    + " ADD COLUMN running INTEGER NOT NULL DEFAULT 0,"
                    + " ADD COLUMN complete INTEGER NOT NULL DEFAULT 0,"
                    + " ADD COLUMN pruned INTEGER NOT NULL DEFAULT 0,"
                    + " ADD COLUMN failed INTEGER NOT NULL DEFAULT 0,"
                    + " ADD COLUMN last_change BIGINT NOT NULL DEFAULT 0",
            "UPDATE tuner_studies s SET waiting = c.waiting, running = c.running, complete = c.complete,"
                    + " pruned = c.pruned, failed = c.failed FROM (SELECT study_id,"
                    + " count(*) FILTER (WHERE state = 'WAITING') AS waiting,"
                    + " count(*) FILTER (WHERE state = 'RUNNING') AS running,"
                    + " count(*) FILTER (WHERE state = 'COMPLETE') AS complete,"
                    + " count(*) FILTER (WHERE state = 'PRUNED') AS pruned,"
                    + " count(*) FILTER (WHERE state = 'FAIL') AS failed"
                    + " FROM tuner_trials GROUP BY study_id) c WHERE s.study_id = c.study_id",
            "ALTER TABLE tuner_trials ADD COLUMN changed BIGINT NOT NULL DEFAULT 0",
            // a trial is found by its key: an index on (study, state) looked as good to a planner without
            // statistics, and its entries for every earlier RUNNING version are read until a vacuum
            "DROP INDEX tuner_trials_state",
            "CREATE INDEX tuner_trials_running ON tuner_trials (study_id, number) WHERE state = 'RUNNING'",
            "CREATE INDEX tuner_trials_changed ON tuner_trials (study_id, changed)",
            "INSERT INTO tuner_schema_version (version) VALUES (4)");

    /**
     * Version 5: several objectives and constraints. A study of several objectives keeps its
     * directions joined by commas in {@code direction}, and its trials their values in
     * {@code objective_values}; a trial's constraint values, with one objective or several, are in
     * {@code constraints}. A study of one objective without constraints is stored as before, and
     * every trial of an upgraded table reads as it did. A Tuner of version 4's tables refuses these.
     */
    private static final List<String> VERSION_5 = List.of(
            "ALTER TABLE tuner_trials ADD COLUMN objective_values DOUBLE PRECISION[], ADD COLUMN constraints TEXT",
            "INSERT INTO tuner_schema_version (version) VALUES (5)");

    /**
     * Version 6: a study's objective names ({@code objective_names}, a JSON array of strings), null
     * until they are named. A Tuner of version 5's tables refuses these.
     */
    private static final List<String> VERSION_6 = List.of(
            "ALTER TABLE tuner_studies ADD COLUMN objective_names TEXT",
            "INSERT INTO tuner_schema_version (version) VALUES (6)");

    /** The statements that bring the tables from version {@code i} to {@code i + 1}, at index {@code i}. */
    static final List<List<String>> MIGRATIONS = List.of(VERSION_1, VERSION_2, VERSION_3, VERSION_4, VERSION_5,
            VERSION_6);

    private JdbcSchema() {}

    /**
     * Creates the tables if they are missing, brings them up from an older version, or checks that
     * they are not newer; runs inside a transaction.
     */
    static Void ensure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            boolean exists;
            try (ResultSet table = statement.executeQuery("SELECT to_regclass('tuner_schema_version') IS NOT NULL")) {
                table.next();
                exists = table.getBoolean(1);
            }
            int version = 0;
            if (exists) {
                try (ResultSet row = statement.executeQuery("SELECT max(version) FROM tuner_schema_version")) {
                    row.next();
                    version = row.getInt(1);
                }
                if (version < 1) {
                    throw new IllegalStateException("tuner_schema_version holds no version; the Tuner tables are damaged. "
                            + "Drop the tuner_* tables to start afresh, or restore them");
                }
            }
            if (version > VERSION) {
                throw new IllegalStateException("the database's Tuner tables are at version " + version
                        + ", newer than this Tuner knows (" + VERSION + "); upgrade Tuner on this worker");
            }
            for (int from = version; from < VERSION; from++) {
                for (String sql : MIGRATIONS.get(from)) {
                    statement.execute(sql);
                }
            }
            return null;
        }
    }
}
