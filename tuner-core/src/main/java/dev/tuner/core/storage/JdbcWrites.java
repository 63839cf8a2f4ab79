package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The statements that change {@link JdbcStorage}'s tables, each run inside the caller's
 * transaction, and for those that are not idempotent the check of whether one whose commit went
 * unanswered took effect. Locks are taken in one order, the study's row and then one trial's, so
 * that concurrent workers never wait for each other in a circle.
 */
final class JdbcWrites {

    /**
     * Sets the oldest {@code WAITING} trial of a study {@code RUNNING} for a worker (parameters:
     * worker, change, study id) and returns its number and values; a row another worker is claiming
     * is skipped, never waited for.
     */
    private static final String CLAIM = "UPDATE tuner_trials SET state = 'RUNNING', started = clock_timestamp(),"
            + " worker = ?, heartbeat = now(), changed = ? WHERE (study_id, number) = (SELECT study_id, number"
            + " FROM tuner_trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING number, enqueued";

    private JdbcWrites() {}

    /** Creates the study unless it exists, checks its directions, and returns its id. */
    static int createStudy(Connection connection, String studyName, List<Direction> directions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tuner_studies (name, direction) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, studyName);
            insert.setString(2, Directions.text(directions));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT study_id, direction FROM tuner_studies WHERE name = ?")) {
            select.setString(1, studyName);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                List<Direction> existing = Directions.parse(row.getString(2));
                if (!existing.equals(directions)) {
                    throw Directions.mismatch(studyName, existing, directions);
                }
                return row.getInt(1);
            }
        }
    }

    /** The study's directions, or empty if there is no such study. */
    static Optional<List<Direction>> directions(Connection connection, String studyName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT direction FROM tuner_studies WHERE name = ?")) {
            select.setString(1, studyName);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Directions.parse(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** The study's objective names, or empty if they were never named or there is no such study. */
    static Optional<List<String>> objectiveNames(Connection connection, String studyName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT objective_names FROM tuner_studies WHERE name = ?")) {
            select.setString(1, studyName);
            try (ResultSet row = select.executeQuery()) {
                String names = row.next() ? row.getString(1) : null;
                return names == null ? Optional.empty() : Optional.of(ResultJson.readNames(names));
            }
        }
    }

    /**
     * Names the study's objectives, after checking them against its directions (read in the same
     * statement's transaction); idempotent, so a write whose commit went unanswered may be done again.
     */
    static Void nameObjectives(Connection connection, String studyName, List<String> names) throws SQLException {
        List<Direction> directions = directions(connection, studyName).orElseThrow(() -> new IllegalArgumentException(
                "no study named '" + studyName + "'; create it first"));
        ObjectiveNames.check(studyName, directions, names);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tuner_studies SET objective_names = ? WHERE name = ?")) {
            update.setString(1, ResultJson.names(names));
            update.setString(2, studyName);
            update.executeUpdate();
        }
        return null;
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

    /**
     * Starts a trial of the study if fewer than {@code budget} of its trials are in the counted
     * states ({@code WAITING} never counts): claims its oldest {@code WAITING} trial for
     * {@code worker}, or, when none waits, takes the next number and adds a {@code RUNNING} trial.
     * The study's row is locked first and holds the counts, so no trial is counted and no other
     * worker starts one meanwhile, however many trials the study holds.
     */
    static Optional<StartedTrial> startWithinBudget(Connection connection, int study, int budget,
            Set<TrialState> counted, String worker) throws SQLException {
        JdbcStudyRow row = JdbcStudyRow.lock(connection, study);
        if (row.spent(counted) >= budget) {
            return Optional.empty();
        }
        StartedTrial started = null;
        if (row.hasWaiting()) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setString(1, worker);
                claim.setLong(2, row.change());
                claim.setInt(3, study);
                try (ResultSet claimed = claim.executeQuery()) {
                    if (claimed.next()) {
                        started = started(claimed);
                        row.moved(TrialState.WAITING, TrialState.RUNNING, 1);
                    }
                }
            }
            // every waiting trial was being claimed by a worker outside the budget: add one instead
        }
        if (started == null) {
            int number = row.takeNumber();
            insertTrial(connection, study, number, worker, row.change());
            row.added(TrialState.RUNNING);
            started = StartedTrial.of(number);
        }
        row.save(connection);
        return Optional.of(started);
    }

    private static StartedTrial started(ResultSet row) throws SQLException {
        String enqueued = row.getString(2);
        return enqueued == null ? StartedTrial.of(row.getInt(1)) : new StartedTrial(row.getInt(1), EnqueuedJson.read(enqueued));
    }

    /**
     * Adds a {@code WAITING} trial with the values ({@link EnqueuedJson}'s text of them), retrying the
     * failed trial {@code retryOf} (-1 for none), and returns its number; {@code row} is the study's, locked.
     */
    static int enqueue(Connection connection, JdbcStudyRow row, int study, String values, int retryOf)
            throws SQLException {
        int number = row.takeNumber();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tuner_trials (study_id, number, state,"
                + " started, enqueued, retry_of, changed) VALUES (?, ?, 'WAITING', clock_timestamp(), ?, ?, ?)")) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, values);
            if (retryOf >= 0) {
                insert.setInt(4, retryOf);
            } else {
                insert.setNull(4, Types.INTEGER);
            }
            insert.setLong(5, row.change());
            insert.executeUpdate();
        }
        row.added(TrialState.WAITING);
        row.save(connection);
        return number;
    }

    /**
     * Whether trial {@code number} was enqueued with these values, retrying {@code retryOf} (-1 for
     * none): that an enqueue whose commit went unanswered took effect. Its number was free unless it
     * did, so only another worker's enqueue of the very same values, given that number meanwhile,
     * could pass for it; the two would then run once.
     */
    static boolean enqueuedAs(Connection connection, int study, int number, String values, int retryOf)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM tuner_trials WHERE study_id = ? AND number = ? AND enqueued = ?"
                        + " AND retry_of IS NOT DISTINCT FROM ?")) {
            select.setInt(1, study);
            select.setInt(2, number);
            select.setString(3, values);
            if (retryOf >= 0) {
                select.setInt(4, retryOf);
            } else {
                select.setNull(4, Types.INTEGER);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Whether the failed trial may be retried: it is not a retry itself and none of it was
     * enqueued. Call with the study's row locked, so that no other worker enqueues a retry meanwhile.
     *
     * @throws IllegalArgumentException if there is no such trial
     * @throws IllegalStateException if it has not failed
     */
    static boolean mayRetry(Connection connection, String studyName, int study, int failedNumber) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, retry_of IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM tuner_trials r WHERE r.study_id = t.study_id AND r.retry_of = t.number)"
                + " FROM tuner_trials t WHERE study_id = ? AND number = ?")) {
            select.setInt(1, study);
            select.setInt(2, failedNumber);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("study '" + studyName + "' has no trial #" + failedNumber);
                }
                if (!TrialState.FAIL.name().equals(row.getString(1))) {
                    throw new IllegalStateException("trial #" + failedNumber + " of study '" + studyName + "' is "
                            + row.getString(1) + ", not FAIL, so there is nothing to retry; retry only failed trials");
                }
                return row.getBoolean(2);
            }
        }
    }

    /**
     * Whether trial {@code number} runs for {@code worker}: that a start whose commit went unanswered
     * took effect. No other start gives a trial this storage's own worker name, and a trial that
     * others failed meanwhile for its silence is not taken for started: the start is done again.
     */
    static boolean runsFor(Connection connection, int study, int number, String worker) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM tuner_trials"
                + " WHERE study_id = ? AND number = ? AND worker = ? AND state = 'RUNNING'")) {
            select.setInt(1, study);
            select.setInt(2, number);
            select.setString(3, worker);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Adds a {@code RUNNING} trial, stamped with the database's time. */
    private static void insertTrial(Connection connection, int study, int number, String worker, long change)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tuner_trials (study_id, number,"
                + " state, started, worker, heartbeat, changed) VALUES (?, ?, 'RUNNING', clock_timestamp(), ?, now(), ?)")) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, worker);
            insert.setLong(4, change);
            insert.executeUpdate();
        }
    }

    /** Records a knob's value if the trial runs, and stamps its heartbeat (parameters: study, number, knob, distribution, internal). */
    private static final String SET_PARAM = "WITH trial AS ("
            + " UPDATE tuner_trials SET heartbeat = now()"
            + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING study_id, number)"
            + " INSERT INTO tuner_params (study_id, number, knob, distribution, internal)"
            + " SELECT study_id, number, ?, ?, ? FROM trial"
            + " ON CONFLICT (study_id, number, knob) DO UPDATE SET distribution = EXCLUDED.distribution,"
            + " internal = EXCLUDED.internal";

    /** Records a knob's value if the trial runs (which also stamps its heartbeat); false if it does not. */
    static boolean setParam(Connection connection, int study, int number, String knob, String distribution,
            double internal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SET_PARAM)) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, knob);
            insert.setString(4, distribution);
            insert.setDouble(5, internal);
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * Records knobs' values as {@link #setParam} does, sent to the server together (one round trip);
     * returns the first whose trial does not run, or null when all were recorded.
     */
    static JdbcBatch.Param setParams(Connection connection, List<JdbcBatch.Param> params) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SET_PARAM)) {
            for (JdbcBatch.Param param : params) {
                insert.setInt(1, param.study());
                insert.setInt(2, param.number());
                insert.setString(3, param.knob());
                insert.setString(4, param.distributionJson());
                insert.setDouble(5, param.internal());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    return params.get(i);
                }
            }
            return null;
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

    /**
     * Finishes the trial if it runs, after recording the knob values {@code params} (of this trial,
     * held back until now), and returns its worker; {@code null} if it does not run. Locks the
     * study's row first, where the finish is counted, then the trial's.
     */
    static String finish(Connection connection, int study, int number, TrialState state, TrialResult result,
            TrialFailure failure, List<JdbcBatch.Param> params) throws SQLException {
        JdbcStudyRow row = JdbcStudyRow.lock(connection, study);
        if (!params.isEmpty() && setParams(connection, params) != null) {
            return null;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE tuner_trials SET state = ?, value = ?,"
                + " failure_type = ?, failure_message = ?, failure_where = ?, finished = clock_timestamp(), heartbeat = NULL,"
                + " changed = ?, objective_values = ?, constraints = ?"
                + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' RETURNING coalesce(worker, '')")) {
            update.setString(1, state.name());
            setResult(connection, update, 2, 7, 8, result);
            setFailure(update, 3, failure);
            update.setLong(6, row.change());
            update.setInt(9, study);
            update.setInt(10, number);
            try (ResultSet finished = update.executeQuery()) {
                if (!finished.next()) {
                    return null;
                }
                row.moved(TrialState.RUNNING, state, 1);
                row.save(connection);
                return finished.getString(1);
            }
        }
    }

    /**
     * Sets a trial's values and constraints as parameters of a statement: one value in the
     * {@code value} column, several in {@code objective_values}, the constraints as JSON.
     */
    static void setResult(Connection connection, PreparedStatement statement, int value, int objectives,
            int constraints, TrialResult result) throws SQLException {
        if (result.size() == 1) {
            statement.setDouble(value, result.value(0));
        } else {
            statement.setNull(value, Types.DOUBLE);
        }
        if (result.size() > 1) {
            Double[] values = new Double[result.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.value(i);
            }
            statement.setArray(objectives, connection.createArrayOf("float8", values));
        } else {
            statement.setNull(objectives, Types.ARRAY);
        }
        statement.setString(constraints, result.constraints().isEmpty() ? null
                : ResultJson.constraints(result.constraints()));
    }

    /** Sets a failure's type, message and where as three parameters of a statement from {@code first} on; null for none. */
    static void setFailure(PreparedStatement statement, int first, TrialFailure failure) throws SQLException {
        statement.setString(first, failure == null ? null : failure.type());
        statement.setString(first + 1, failure == null ? null : failure.message());
        statement.setString(first + 2, failure == null ? null : failure.where());
    }

    /**
     * Whether the trial is finished in {@code state} with this value and failure: that a finish whose
     * commit went unanswered took effect (a trial others failed for its silence is FAIL for another
     * reason, so it does not pass).
     */
    static boolean finishedAs(Connection connection, int study, int number, TrialState state, TrialResult result,
            TrialFailure failure) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, value, failure_type,"
                + " failure_message, failure_where, objective_values, constraints FROM tuner_trials"
                + " WHERE study_id = ? AND number = ?")) {
            select.setInt(1, study);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !state.name().equals(row.getString(1))) {
                    return false;
                }
                boolean sameResult = JdbcTrialReader.result(row, 2, 6, 7).equals(result);
                return sameResult && Objects.equals(failure == null ? null : failure.type(), row.getString(3))
                        && Objects.equals(failure == null ? null : failure.message(), row.getString(4))
                        && Objects.equals(failure == null ? null : failure.where(), row.getString(5));
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
                String state = row.getString(1);
                if (TrialState.WAITING.name().equals(state)) {
                    return StudyTable.notClaimed(studyName, number);
                }
                return new IllegalStateException("trial #" + number + " of study '" + studyName + "' is already "
                        + state + " and cannot change");
            }
        }
    }
}
