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
 * tuner_studies  (study_id, name unique, direction, next_number: the next trial's number, created)
 * tuner_trials   (study_id, number, state, value, failure_type/_message/_where, started, finished,
 *                 worker, heartbeat, enqueued, retry_of), primary key (study_id, number); since
 *                 version 3, enqueued is the JSON object of the values a trial was enqueued with
 *                 (text by knob), null for a trial that was not enqueued, and retry_of the number
 *                 of the failed trial it retries, unique within the study
 * tuner_params   (param_id: the order of setting, study_id, number, knob, distribution as JSON,
 *                 internal), unique (study_id, number, knob)
 * tuner_intermediate_values (study_id, number, step, value), primary key (study_id, number, step);
 *                 since version 2
 * </pre>
 *
 * <p>Each version is a migration from the one before; a database at an older version is brought
 * up to this one, in one transaction, by the first worker that opens it.
 */
final class JdbcSchema {

    /** The version these tables are at. */
    static final int VERSION = 3;

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

    /** The statements that bring the tables from version {@code i} to {@code i + 1}, at index {@code i}. */
    static final List<List<String>> MIGRATIONS = List.of(VERSION_1, VERSION_2, VERSION_3);

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
