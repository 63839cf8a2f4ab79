package dev.tuner.core.storage;

import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Worker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A finished trial that ran elsewhere, written whole into {@link JdbcStorage}'s tables in one
 * transaction ({@link Storage#addTrial}): its row with its own times and worker, its knob values
 * and its intermediate values, so that other workers see it whole or not at all.
 */
final class JdbcAddedTrial {

    private static final String INSERT_TRIAL = "INSERT INTO tuner_trials (study_id, number, state, value, failure_type,"
            + " failure_message, failure_where, started, finished, worker, changed, objective_values, constraints)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_PARAM = "INSERT INTO tuner_params (study_id, number, knob, distribution, internal)"
            + " VALUES (?, ?, ?, ?, ?)";

    private static final String INSERT_INTERMEDIATE = "INSERT INTO tuner_intermediate_values (study_id, number, step,"
            + " value) VALUES (?, ?, ?, ?)";

    private final String studyName;
    private final FrozenTrial trial;

    /** The trial to add to the study {@code studyName}; {@link #insert} checks it. */
    JdbcAddedTrial(String studyName, FrozenTrial trial) {
        this.studyName = studyName;
        this.trial = trial;
    }

    /**
     * Checks the trial against the study's directions and adds it as the study's next, counting it in
     * the study's row, and returns its number.
     *
     * @throws IllegalArgumentException if there is no such study or the trial cannot be added, as
     *     {@link StudyTable#checkAdded} says
     */
    int insert(Connection connection, int study) throws SQLException {
        StudyTable.checkAdded(studyName, JdbcWrites.directions(connection, studyName).orElseThrow(() ->
                new IllegalArgumentException("no study named '" + studyName + "'; create it first")), trial);
        JdbcStudyRow row = JdbcStudyRow.lock(connection, study);
        int number = row.takeNumber();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRIAL)) {
            insert.setInt(1, study);
            insert.setInt(2, number);
            insert.setString(3, trial.state().name());
            JdbcWrites.setResult(connection, insert, 4, 12, 13, trial.result());
            JdbcWrites.setFailure(insert, 5, trial.failure().orElse(null));
            insert.setTimestamp(8, started());
            insert.setTimestamp(9, finished());
            insert.setString(10, trial.worker().map(Worker::toString).orElse(null));
            insert.setLong(11, row.change());
            insert.executeUpdate();
        }
        if (!trial.suggestions().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PARAM)) {
                for (Map.Entry<String, Suggestion> param : trial.suggestions().entrySet()) {
                    insert.setInt(1, study);
                    insert.setInt(2, number);
                    insert.setString(3, param.getKey());
                    insert.setString(4, DistributionJson.write(param.getValue().distribution()));
                    insert.setDouble(5, param.getValue().internal());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!trial.intermediateValues().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_INTERMEDIATE)) {
                for (Map.Entry<Integer, Double> value : trial.intermediateValues().entrySet()) {
                    insert.setInt(1, study);
                    insert.setInt(2, number);
                    insert.setInt(3, value.getKey());
                    insert.setDouble(4, value.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        row.added(trial.state());
        row.save(connection);
        return number;
    }

    /**
     * Whether trial {@code number} is this trial: that an add whose commit went unanswered took
     * effect. Its number was free unless it did, so only another worker's add of a trial with the
     * same state, result, times and worker, given that number meanwhile, could pass for it.
     */
    boolean isAt(Connection connection, int study, int number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, value, objective_values, constraints,"
                + " started, finished, worker FROM tuner_trials WHERE study_id = ? AND number = ?")) {
            select.setInt(1, study);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && trial.state().name().equals(row.getString(1))
                        && JdbcTrialReader.result(row, 2, 3, 4).equals(trial.result())
                        && instant(row.getTimestamp(5)).equals(started().toInstant())
                        && instant(row.getTimestamp(6)).equals(finished().toInstant())
                        && Objects.equals(row.getString(7), trial.worker().map(Worker::toString).orElse(null));
            }
        }
    }

    // the columns keep microseconds: the rest is cut here, so that a read gives back what was written
    private Timestamp started() {
        return Timestamp.from(trial.started().truncatedTo(ChronoUnit.MICROS));
    }

    private Timestamp finished() {
        return Timestamp.from(trial.finished().orElseThrow().truncatedTo(ChronoUnit.MICROS));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
    }
}
