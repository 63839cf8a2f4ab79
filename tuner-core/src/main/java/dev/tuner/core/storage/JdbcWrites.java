package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The statements that change {@link JdbcStorage}'s tables, each run inside the caller's
 * transaction. Locks are taken in one order, the study's row and then one trial's, so that
 * concurrent workers never wait for each other in a circle.
 */
final class JdbcWrites {

    private JdbcWrites() {}

    /** Creates the study unless it exists, checks its direction, and returns its id. */
    static int createStudy(Connection connection, String studyName, Direction direction) throws SQLException {
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
    }

    /** The study's id, or {@code null} if there is no such study. */
    static Integer studyId(Connection connection, String studyName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT study_id FROM tuner_studies WHERE name = ?")) {
            select.setString(1, studyName);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    /** Takes the study's next trial number, locking its row until the transaction ends. */
    static int takeNumber(Connection connection, int study) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE tuner_studies SET next_number = next_number + 1 WHERE study_id = ? RETURNING next_number - 1")) {
            bump.setInt(1, study);
            try (ResultSet row = bump.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * Takes the study's next trial number if fewer than {@code budget} of its trials are in the
     * counted states; the study's row is locked first, so no other worker counts meanwhile.
     */
    static OptionalInt takeNumberWithinBudget(Connection connection, int study, int budget, Set<TrialState> counted)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT 1 FROM tuner_studies WHERE study_id = ? FOR UPDATE")) {
            lock.setInt(1, study);
            lock.executeQuery().close();
        }
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM tuner_trials WHERE study_id = ? AND state = ANY (?)")) {
            count.setInt(1, study);
            count.setArray(2, connection.createArrayOf("text", counted.stream().map(Enum::name).toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                if (row.getLong(1) >= budget) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.of(takeNumber(connection, study));
    }

    /** Adds a {@code RUNNING} trial, stamped with the database's time. */
    static void insertTrial(Connection connection, int study, int number, String worker) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tuner_trials"
                + " (study_id, number, state, started, worker, heartbeat) VALUES (?, ?, 'RUNNING', clock_timestamp(), ?, now())")) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, worker);
            insert.executeUpdate();
        }
    }

    /** Records a knob's value if the trial runs (which also stamps its heartbeat); false if it does not. */
    static boolean setParam(Connection connection, int study, int number, String knob, String distribution,
            double internal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("WITH trial AS ("
                + " UPDATE tuner_trials SET heartbeat = now()"
                + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING study_id, number)"
                + " INSERT INTO tuner_params (study_id, number, knob, distribution, internal)"
                + " SELECT study_id, number, ?, ?, ? FROM trial"
                + " ON CONFLICT (study_id, number, knob) DO UPDATE SET distribution = EXCLUDED.distribution,"
                + " internal = EXCLUDED.internal")) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, knob);
            insert.setString(4, distribution);
            insert.setDouble(5, internal);
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * Records an intermediate value if the trial runs (which also stamps its heartbeat), replacing
     * one at the same step; false if it does not run.
     */
    static boolean setIntermediateValue(Connection connection, int study, int number, int step, double value)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("WITH trial AS ("
                + " UPDATE tuner_trials SET heartbeat = now()"
                + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING study_id, number)"
                + " INSERT INTO tuner_intermediate_values (study_id, number, step, value)"
                + " SELECT study_id, number, ?, ? FROM trial"
                + " ON CONFLICT (study_id, number, step) DO UPDATE SET value = EXCLUDED.value")) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setInt(3, step);
            insert.setDouble(4, value);
            return insert.executeUpdate() > 0;
        }
    }

    /** Finishes the trial if it runs and returns its worker; {@code null} if it does not run. */
    static String finish(Connection connection, int study, int number, TrialState state, OptionalDouble value,
            TrialFailure failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE tuner_trials SET state = ?, value = ?,"
                + " failure_type = ?, failure_message = ?, failure_where = ?, finished = clock_timestamp(), heartbeat = NULL"
                + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING coalesce(worker, '')")) {
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
            update.setInt(7, number);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Why a trial could not be changed: it does not exist, or it is finished. */
    static RuntimeException notRunning(Connection connection, String studyName, int study, int number)
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
}
