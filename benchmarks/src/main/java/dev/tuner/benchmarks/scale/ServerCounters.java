package dev.tuner.benchmarks.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Watches a study from a connection of its own: how many trials it has started (its
 * {@code next_number}, which every Tuner's tables have) and what the server has done so far for its
 * database ({@code pg_stat_database}: transactions committed and rolled back, tuples read). The
 * watching costs transactions and tuples too; {@link #polls} counts them, so that they can be taken off.
 *
 * <p>The server's statistics of a busy connection are sent at most once a second, so a reading lags
 * the workers by up to a second; windows of several seconds keep that error small, and it falls on
 * both ends of a window alike.
 */
final class ServerCounters implements AutoCloseable {

    /** One reading: when, trials started, and the server's counts. */
    record Reading(long nanos, int trials, long transactions, long tuples) {}

    private final Connection connection;
    private final PreparedStatement trials;
    private final PreparedStatement stats;
    private long polls;

    ServerCounters(Connection connection, String schema, String study) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        this.trials = connection.prepareStatement("SELECT next_number FROM " + schema + ".tuner_studies WHERE name = ?");
        trials.setString(1, study);
        this.stats = connection.prepareStatement("SELECT xact_commit + xact_rollback, tup_returned + tup_fetched"
                + " FROM pg_stat_database WHERE datname = current_database()");
    }

    /** How many trials the study has started; 0 before it exists. One transaction. */
    int trials() throws SQLException {
        polls++;
        try (ResultSet row = trials.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** The trials started and the server's counts, now. Two transactions. */
    Reading read() throws SQLException {
        int started = trials();
        polls++;
        try (ResultSet row = stats.executeQuery()) {
            row.next();
            return new Reading(System.nanoTime(), started, row.getLong(1), row.getLong(2));
        }
    }

    /** The transactions this watcher has run so far. */
    long polls() {
        return polls;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
