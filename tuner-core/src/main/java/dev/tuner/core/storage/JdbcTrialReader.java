package dev.tuner.core.storage;

import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a study's trials from the database into {@link FrozenTrial}s, each trial with its params in
 * one statement (one snapshot), then their intermediate values in a second. Finished trials never change, so the unbroken run of finished
 * trials from #0 is kept and only the trials after it are read again.
 */
final class JdbcTrialReader {

    private static final String SELECT = "SELECT t.number, t.state, t.value, t.failure_type, t.failure_message,"
            + " t.failure_where, t.started, t.finished, p.knob, p.distribution, p.internal, t.enqueued"
            + " FROM tuner_trials t LEFT JOIN tuner_params p ON p.study_id = t.study_id AND p.number = t.number"
            + " WHERE t.study_id = ? AND t.number >= ? AND t.number < ?"
            + " ORDER BY t.number, p.param_id";

    private static final String SELECT_INTERMEDIATE = "SELECT number, step, value FROM tuner_intermediate_values"
            + " WHERE study_id = ? AND number >= ? AND number < ?";

    private final Map<Integer, List<FrozenTrial>> finishedPrefix = new HashMap<>();
    private final Map<String, Distribution> distributions = new HashMap<>();

    /** Every trial of the study, in number order. */
    List<FrozenTrial> trials(Connection connection, int studyId) throws SQLException {
        List<FrozenTrial> prefix = finishedPrefix.computeIfAbsent(studyId, id -> new ArrayList<>());
        List<FrozenTrial> rest = read(connection, studyId, prefix.size(), Integer.MAX_VALUE);
        int kept = 0;
        while (kept < rest.size() && rest.get(kept).state().isFinished()) {
            prefix.add(rest.get(kept++));
        }
        List<FrozenTrial> all = new ArrayList<>(prefix.size() + rest.size() - kept);
        all.addAll(prefix);
        all.addAll(rest.subList(kept, rest.size()));
        return List.copyOf(all);
    }

    /** The trial, or empty if the study has no such trial. */
    Optional<FrozenTrial> trial(Connection connection, int studyId, int number) throws SQLException {
        List<FrozenTrial> prefix = finishedPrefix.getOrDefault(studyId, List.of());
        if (number >= 0 && number < prefix.size()) {
            return Optional.of(prefix.get(number));
        }
        return read(connection, studyId, number, number + 1).stream().findFirst();
    }

    private List<FrozenTrial> read(Connection connection, int studyId, int from, int to) throws SQLException {
        Map<Integer, TrialRow> rowsByNumber = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, studyId);
            select.setInt(2, from);
            select.setInt(3, to);
            try (ResultSet rows = select.executeQuery()) {
                TrialRow current = null;
                while (rows.next()) {
                    int number = rows.getInt(1);
                    if (current == null || current.number != number) {
                        current = new TrialRow(rows);
                        rowsByNumber.put(number, current);
                    }
                    String knob = rows.getString(9);
                    if (knob != null) {
                        current.suggestions.put(knob, new Suggestion(distribution(rows.getString(10)), rows.getDouble(11)));
                    }
                }
            }
        }
        if (!rowsByNumber.isEmpty()) {
            // read after the trials: a trial read as finished has all its values committed already
            try (PreparedStatement select = connection.prepareStatement(SELECT_INTERMEDIATE)) {
                select.setInt(1, studyId);
                select.setInt(2, from);
                select.setInt(3, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        TrialRow trial = rowsByNumber.get(rows.getInt(1));
                        if (trial != null) {
                            trial.intermediateValues.put(rows.getInt(2), rows.getDouble(3));
                        }
                    }
                }
            }
        }
        List<FrozenTrial> trials = new ArrayList<>(rowsByNumber.size());
        for (TrialRow row : rowsByNumber.values()) {
            trials.add(row.freeze());
        }
        return trials;
    }

    private Distribution distribution(String json) {
        return distributions.computeIfAbsent(json, DistributionJson::read);
    }

    /** The columns of one trial, gathered with its params. */
    private static final class TrialRow {
        final int number;
        final TrialState state;
        final OptionalDouble value;
        final Optional<TrialFailure> failure;
        final Instant started;
        final Optional<Instant> finished;
        final Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        final SortedMap<Integer, Double> intermediateValues = new TreeMap<>();
        final Map<String, String> enqueuedValues;

        TrialRow(ResultSet rows) throws SQLException {
            number = rows.getInt(1);
            state = TrialState.valueOf(rows.getString(2));
            double v = rows.getDouble(3);
            value = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
            String type = rows.getString(4);
            failure = type == null ? Optional.empty() : Optional.of(new TrialFailure(type, rows.getString(5), rows.getString(6)));
            started = rows.getTimestamp(7).toInstant();
            Timestamp end = rows.getTimestamp(8);
            finished = end == null ? Optional.empty() : Optional.of(end.toInstant());
            String enqueued = rows.getString(12);
            enqueuedValues = enqueued == null ? Map.of() : EnqueuedJson.read(enqueued);
        }

        FrozenTrial freeze() {
            return new FrozenTrial(number, state, value, suggestions, failure, started, finished, intermediateValues,
                    enqueuedValues);
        }
    }
}
