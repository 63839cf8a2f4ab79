package dev.tuner.core.storage;

import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The heartbeat rule of {@link JdbcStorage}: this worker stamps its {@code RUNNING} trials with the
 * database's time, and a {@code RUNNING} trial whose stamp is older than the grace period is failed
 * by whoever looks. Times are the database's, so the workers' clocks need not agree.
 *
 * <p>No one can stamp while the database is down, so an outage must not count as silence: the
 * grace period runs from the server's start when that is later than the stamp (a restart), a
 * worker that reconnects after an outage stamps its trials before anything else, and it fails no
 * one's trials for a grace period, which gives the other workers, cut off too, time to come back.
 * Not thread-safe: the storage locks.
 */
final class JdbcHeartbeats {

    private static final String STALE = "study_id = ? AND state = 'RUNNING'"
            + " AND greatest(heartbeat, pg_postmaster_start_time()) < now() - make_interval(secs => ?)";

    /** Whether any trial is stale: a look that locks nothing, so that a study with none pays no lock. */
    private static final String ANY_STALE = "SELECT EXISTS (SELECT 1 FROM tuner_trials WHERE " + STALE + ")";

    private static final String FAIL_STALE = "UPDATE tuner_trials SET state = 'FAIL', failure_type = ?,"
            + " failure_message = ? || 'no heartbeat from ' || coalesce(worker, 'an unknown worker') || ' since '"
            + " || to_char(heartbeat AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
            + " failure_where = '', finished = clock_timestamp(), heartbeat = NULL, changed = ?"
            + " WHERE (study_id, number) IN (SELECT study_id, number FROM tuner_trials WHERE " + STALE
            + " FOR UPDATE SKIP LOCKED)" // never waits for a trial's row another worker holds: no deadlock
            + " RETURNING number";

    private final String worker = WorkerId.current().text() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Duration interval;
    private final Duration grace;
    private final Map<Integer, Long> lastCheck = new HashMap<>();
    private int running;
    private boolean quiet;
    private long quietSince;

    JdbcHeartbeats(Duration interval, Duration grace) {
        this.interval = interval;
        this.grace = grace;
    }

    /** This storage's name in the {@code worker} column: host, pid, start and a token of its own. */
    String worker() {
        return worker;
    }

    Duration interval() {
        return interval;
    }

    Duration grace() {
        return grace;
    }

    /** Notes a trial this worker created. */
    void created() {
        running++;
    }

    /** Notes a trial finished; it beats no more if it was this worker's. */
    void finished(String trialWorker) {
        if (worker.equals(trialWorker)) {
            running = Math.max(0, running - 1);
        }
    }

    /**
     * Notes that this worker reconnected after losing the database: for a grace period it fails no
     * one's trials, as their workers may be reconnecting still.
     */
    void reconnected() {
        quiet = true;
        quietSince = System.nanoTime();
    }

    /** Whether the study's stale trials were last looked for a heartbeat interval ago or more. */
    boolean due(int study) {
        long now = System.nanoTime();
        Long last = lastCheck.get(study);
        if (last != null && now - last < interval.toNanos()) {
            return false;
        }
        lastCheck.put(study, now);
        return true;
    }

    /**
     * Fails the study's stale trials and returns their numbers; none within a grace period after this
     * worker reconnected. Checked as the transaction runs, which may be on a connection opened just before.
     * When some are stale, the study's row is locked first and counts them, as every change of state does.
     */
    List<Integer> failStale(Connection connection, int study) throws SQLException {
        if (quiet && System.nanoTime() - quietSince < grace.toNanos()) {
            return List.of();
        }
        quiet = false;
        double graceSeconds = grace.toMillis() / 1000.0;
        try (PreparedStatement look = connection.prepareStatement(ANY_STALE)) {
            look.setInt(1, study);
            look.setDouble(2, graceSeconds);
            try (ResultSet any = look.executeQuery()) {
                any.next();
                if (!any.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        JdbcStudyRow row = JdbcStudyRow.lock(connection, study);
        TrialFailure failure = WorkerDiedException.failure("");
        List<Integer> numbers = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(FAIL_STALE)) {
            update.setString(1, failure.type());
            update.setString(2, failure.message());
            update.setLong(3, row.change());
            update.setInt(4, study);
            update.setDouble(5, graceSeconds);
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
        }
        if (!numbers.isEmpty()) {
            row.moved(TrialState.RUNNING, TrialState.FAIL, numbers.size());
            row.save(connection);
        }
        return numbers;
    }

    /** Whether this worker has trials to stamp. */
    boolean hasRunningTrials() {
        return running > 0;
    }

    /** Stamps this worker's running trials; those others failed meanwhile are no longer counted. */
    void beat(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tuner_trials SET heartbeat = now() WHERE worker = ? AND state = 'RUNNING'")) {
            update.setString(1, worker);
            running = update.executeUpdate();
        }
    }
}
