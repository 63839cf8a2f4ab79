package dev.tuner.core.storage;

import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.sql.Array;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a study's trials from the database into {@link FrozenTrial}s, each trial with its params in
 * one statement (one snapshot), then their intermediate values in a second. Reads are incremental:
 * each asks only for the trials whose state changed since the latest change it has seen (their
 * {@code changed} column, see {@link JdbcStudyRow}) and those that run, which may have taken
 * params or values meanwhile; a finished trial never changes, and a waiting one only by a change of
 * state, so the rest are kept from earlier reads. A trial that runs or waits in the middle of the
 * history therefore costs one row a read, not a re-read of every trial after it.
 *
 * <p>What a read found is {@linkplain #apply applied} only once its transaction committed: a read
 * inside a transaction that writes sees that transaction's own change, which is not the study's
 * until it commits.
 */
final class JdbcTrialReader {

    /**
     * The trials' columns and their params. The params are looked up trial by trial (a lateral join,
     * through their unique index), so that the planner never scans the whole params table to join a
     * few trials, however small it thinks the table is.
     */
    static final String COLUMNS = " SELECT t.number, t.state, t.value, t.failure_type, t.failure_message,"
            + " t.failure_where, t.started, t.finished, p.knob, p.distribution, p.internal, t.enqueued, t.changed,"
            + " t.objective_values, t.constraints, t.worker"
            + " FROM t LEFT JOIN LATERAL (SELECT knob, distribution, internal, param_id FROM tuner_params"
            + " WHERE study_id = t.study_id AND number = t.number) p ON true ORDER BY t.number, p.param_id";

    /**
     * The trials that changed after a change number, and those that ran when last read, by number
     * (any other trial that runs now started after that change): two selects, each of which one
     * index answers, so that no plan scans the study's trials by its id and filters them (as one made
     * before the table's first statistics does for a condition with OR). The change is bounded on both
     * sides, so that a plan made for any bound (a prepared statement's generic plan) takes the index on
     * changes; the running trials are looked up one by one by their key ({@code OFFSET 0} keeps the
     * planner from turning the lookups into a join over the study's trials, which a plan made while the
     * table looked small does), not through an index on the state, whose entries for the earlier
     * versions of every trial that ran stay until a vacuum.
     */
    static final String CHANGED = "WITH t AS (SELECT * FROM tuner_trials WHERE study_id = ? AND changed > ?"
            + " AND changed <= ? UNION SELECT r.* FROM unnest(?::integer[]) AS n (number) CROSS JOIN LATERAL"
            + " (SELECT * FROM tuner_trials WHERE study_id = ? AND number = n.number OFFSET 0) r)";

    private static final String ONE = "WITH t AS (SELECT * FROM tuner_trials WHERE study_id = ? AND number = ?)";

    private static final String INTERMEDIATE = "SELECT number, step, value FROM tuner_intermediate_values"
            + " WHERE study_id = ? AND number = ANY (?)";

    private final Map<Integer, Known> known = new HashMap<>();
    private final Map<String, Distribution> distributions = new HashMap<>();
    /** Each worker column's text as trials show it, made once: the trials of a worker share one object. */
    private final Map<String, Optional<Worker>> workers = new HashMap<>();

    /** What one read found: the trials that changed or run, and the latest change it saw. */
    record Changes(int study, List<FrozenTrial> trials, long lastChange) {}

    /** The trials of a study read so far, by number, the latest change they include, and those that ran. */
    private static final class Known {
        final ArrayList<FrozenTrial> byNumber = new ArrayList<>();
        final TreeSet<Integer> running = new TreeSet<>();
        long seen = -1;
        int holes;

        void put(FrozenTrial trial) {
            int number = trial.number();
            if (trial.state() == TrialState.RUNNING) {
                running.add(number);
            } else {
                running.remove(number);
            }
            while (byNumber.size() <= number) {
                byNumber.add(null);
                holes++;
            }
            if (byNumber.set(number, trial) == null) {
                holes--;
            }
        }

        List<FrozenTrial> all() {
            if (holes == 0) {
                return List.copyOf(byNumber);
            }
            return byNumber.stream().filter(Objects::nonNull).toList();
        }
    }

    /** Reads the trials of the study that changed since the changes applied last, or that run. */
    Changes changes(Connection connection, int studyId) throws SQLException {
        Known study = known.get(studyId);
        long seen = study == null ? -1 : study.seen;
        Object[] running = study == null ? new Object[0] : study.running.toArray();
        long[] last = {seen};
        List<FrozenTrial> trials = read(connection, CHANGED, studyId, seen, running, last);
        return new Changes(studyId, trials, last[0]);
    }

    /** Takes in what a committed read found, and returns every trial of the study, in number order. */
    List<FrozenTrial> apply(Changes changes) {
        Known study = known.computeIfAbsent(changes.study(), id -> new Known());
        for (FrozenTrial trial : changes.trials()) {
            study.put(trial);
        }
        study.seen = Math.max(study.seen, changes.lastChange());
        return study.all();
    }

    /** Keeps a finished trial read in a committed transaction, so that the next look at it needs no read. */
    void remember(int studyId, FrozenTrial trial) {
        if (trial.state().isFinished()) {
            known.computeIfAbsent(studyId, id -> new Known()).put(trial);
        }
    }

    /** The trial if a read found it finished already: it does not change any more. */
    Optional<FrozenTrial> finished(int studyId, int number) {
        Known study = known.get(studyId);
        if (study == null || number < 0 || number >= study.byNumber.size()) {
            return Optional.empty();
        }
        FrozenTrial trial = study.byNumber.get(number);
        return trial != null && trial.state().isFinished() ? Optional.of(trial) : Optional.empty();
    }

    /** The trial as stored now, or empty if the study has no such trial. */
    Optional<FrozenTrial> trial(Connection connection, int studyId, int number) throws SQLException {
        Optional<FrozenTrial> finished = finished(studyId, number);
        if (finished.isPresent()) {
            return finished;
        }
        return read(connection, ONE, studyId, number, null, new long[1]).stream().findFirst();
    }

    private List<FrozenTrial> read(Connection connection, String where, int studyId, long bound, Object[] running,
            long[] lastChange) throws SQLException {
        Map<Integer, TrialRow> rowsByNumber = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(where + COLUMNS)) {
            select.setInt(1, studyId);
            if (where == ONE) {
                select.setInt(2, (int) bound);
            } else {
                select.setLong(2, bound);
                select.setLong(3, Long.MAX_VALUE);
                select.setArray(4, connection.createArrayOf("integer", running));
                select.setInt(5, studyId);
            }
            try (ResultSet rows = select.executeQuery()) {
                TrialRow current = null;
                while (rows.next()) {
                    int number = rows.getInt(1);
                    if (current == null || current.number != number) {
                        current = new TrialRow(rows, worker(rows.getString(16)));
                        rowsByNumber.put(number, current);
                        lastChange[0] = Math.max(lastChange[0], rows.getLong(13));
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
            try (PreparedStatement select = connection.prepareStatement(INTERMEDIATE)) {
                select.setInt(1, studyId);
                select.setArray(2, connection.createArrayOf("integer", rowsByNumber.keySet().toArray()));
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

    /**
     * The worker a {@code worker} column names: {@code host/pid}, followed for a trial this storage
     * started by the worker's start and a token of its storage ({@link JdbcHeartbeats#worker}).
     */
    private Optional<Worker> worker(String column) {
        if (column == null) {
            return Optional.empty();
        }
        return workers.computeIfAbsent(column, text -> {
            int host = text.indexOf('/');
            int pid = host < 0 ? -1 : text.indexOf('/', host + 1);
            return Worker.parse(pid < 0 ? text : text.substring(0, pid));
        });
    }

    private Distribution distribution(String json) {
        return distributions.computeIfAbsent(json, DistributionJson::read);
    }

    /**
     * A trial's values and constraints from the columns {@code value}, {@code objective_values} and
     * {@code constraints} at the given indices of the current row.
     */
    static TrialResult result(ResultSet rows, int valueColumn, int objectivesColumn, int constraintsColumn)
            throws SQLException {
        double one = rows.getDouble(valueColumn);
        boolean noValue = rows.wasNull();
        Array several = rows.getArray(objectivesColumn);
        String constraints = rows.getString(constraintsColumn);
        if (several == null && constraints == null) {
            return noValue ? TrialResult.none() : TrialResult.of(one);
        }
        double[] values;
        if (several != null) {
            Object[] boxed = (Object[]) several.getArray();
            values = new double[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                values[i] = ((Number) boxed[i]).doubleValue();
            }
        } else {
            values = noValue ? new double[0] : new double[] {one};
        }
        return TrialResult.of(values, constraints == null ? Map.of() : ResultJson.readConstraints(constraints));
    }

    /** The columns of one trial, gathered with its params. */
    private static final class TrialRow {
        final int number;
        final TrialState state;
        final TrialResult value;
        final Optional<TrialFailure> failure;
        final Instant started;
        final Optional<Instant> finished;
        final Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        final SortedMap<Integer, Double> intermediateValues = new TreeMap<>();
        final Map<String, String> enqueuedValues;
        final Optional<Worker> worker;

        TrialRow(ResultSet rows, Optional<Worker> worker) throws SQLException {
            this.worker = worker;
            number = rows.getInt(1);
            state = TrialState.valueOf(rows.getString(2));
            value = result(rows, 3, 14, 15);
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
                    enqueuedValues, worker);
        }
    }
}
