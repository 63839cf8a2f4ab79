package dev.tuner.core.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One connection to the database and the short transactions run on it. Each unit of work commits
 * or rolls back as a whole, and is retried when PostgreSQL reports a serialization failure or a
 * deadlock. When the server goes away or is not up yet (a restart, a failover, a network blip),
 * the connection is replaced and the work retried through the outage, paced and logged by
 * {@link JdbcOutage}, for as long as its limit allows.
 *
 * <p>A commit whose answer is lost with the connection may or may not have taken effect. Work that
 * is not idempotent comes with a {@link Committed} check: on the new connection the session first
 * ends the old connection's server process if it still runs, so that its transaction is settled
 * one way or the other, then asks the check whether the work took effect, and returns the result
 * the work gave if it did, rather than doing it twice. Not thread-safe: its owner locks.
 */
final class JdbcSession implements AutoCloseable {

    /** Attempts of a unit of work that meets serialization failures or deadlocks. */
    private static final int CONFLICT_ATTEMPTS = 5;
    /** How often, 50 ms apart, the server is asked whether a lost connection's process is gone. */
    private static final int SETTLE_POLLS = 100;

    private static final String BACKEND = "SELECT pid, backend_start::text FROM pg_stat_activity WHERE pid = pg_backend_pid()";
    private static final String END_BACKEND =
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ? AND backend_start::text = ?";
    private static final String BACKEND_RUNS = "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND backend_start::text = ?";

    private final String url;
    private final Properties properties;
    private final Connector connector;
    private final JdbcOutage outage;
    private final RetryClock clock;
    private final Work<?> onReconnect;
    private Connection connection;
    private Backend backend;
    private boolean connectedOnce;

    /** A unit of work inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Whether a unit of work whose commit went unanswered took effect, looked up in a transaction of
     * its own once the lost connection's transaction is settled.
     */
    interface Committed<T> {
        /**
         * @param result what the work returned before its commit
         */
        boolean took(Connection connection, T result) throws SQLException;
    }

    /** Opens a connection: {@link DriverManager#getConnection(String, Properties)}, or in tests one that fails at will. */
    interface Connector {
        Connection open(String url, Properties properties) throws SQLException;
    }

    /** A connection's server process, which may outlive the connection: its pid and when it started, as text. */
    private record Backend(int pid, String started) {}

    /** A commit whose answer was lost: what the work returned, and the process that was committing it. */
    private record Doubt<T>(T result, Backend backend) {}

    /**
     * @param outageLimit how long an outage may last before a failure is given up on
     * @param onReconnect work run in a transaction of its own on each connection opened during an
     *     outage, before anything else, or null
     */
    JdbcSession(String url, Properties properties, Connector connector, Duration outageLimit, RetryClock clock,
            Work<?> onReconnect) {
        this.url = url;
        this.properties = properties;
        this.connector = connector;
        this.outage = new JdbcOutage(JdbcOutage.server(url), outageLimit, clock);
        this.clock = clock;
        this.onReconnect = onReconnect;
    }

    String url() {
        return url;
    }

    /** Runs {@code work}, which must be idempotent, in a transaction, retrying it when the database asks for that or goes away. */
    <T> T transaction(String what, Work<T> work) {
        return transaction(what, null, work, null);
    }

    /**
     * Runs {@code work} in a transaction as {@link #transaction(String, Work)} does; when its commit
     * goes unanswered, {@code committed} says whether it took effect before the work is done again.
     *
     * @param what what the work does, for messages: {@code start a trial of study 'x'}
     * @param kept what the worker keeps in memory while the server is unreachable, for the log, or null
     * @param committed the check of an unanswered commit, or null for idempotent work
     * @throws IllegalStateException if the work fails for good, or the server stays unreachable longer
     *     than the outage limit
     */
    <T> T transaction(String what, String kept, Work<T> work, Committed<T> committed) {
        Doubt<T> doubt = null;
        int conflicts = 0;
        while (true) {
            boolean connecting = true;
            boolean committing = false;
            T result = null;
            try {
                boolean opened = open();
                connecting = false;
                if (opened) {
                    reconnected();
                }
                if (doubt != null) {
                    boolean took = settle(doubt, committed);
                    T earlier = doubt.result();
                    doubt = null;
                    if (took) {
                        outage.ended(what);
                        return earlier;
                    }
                }
                result = work.run(connection);
                committing = true;
                connection.commit();
                outage.ended(what);
                return result;
            } catch (SQLException failed) {
                boolean gone = JdbcOutage.signals(failed);
                if (committing && gone && committed != null) {
                    doubt = new Doubt<>(result, backend);
                }
                rollback();
                if (isConflict(failed) && ++conflicts < CONFLICT_ATTEMPTS) {
                    pause(conflicts);
                } else if (gone && (connectedOnce || JdbcOutage.notUpYet(failed))) {
                    closeQuietly();
                    outage.pause(failed, what, kept);
                } else if (connecting) {
                    throw new IllegalStateException(cannotConnect(failed), failed);
                } else {
                    throw failure(what, failed);
                }
            } catch (RuntimeException rejected) {
                rollback();
                throw rejected;
            }
        }
    }

    /**
     * Runs idempotent {@code work} in a transaction once, as a heartbeat does, which the next one
     * repeats: an unreachable server is noted as part of the outage (and logged once it lasts), not
     * waited for.
     *
     * @return whether the work committed; false when the server is unreachable
     * @throws IllegalStateException if the work fails for another reason
     */
    boolean attempt(String what, Work<?> work) {
        boolean connecting = true;
        try {
            boolean opened = open();
            connecting = false;
            if (opened) {
                reconnected();
            }
            work.run(connection);
            connection.commit();
            outage.ended(what);
            return true;
        } catch (SQLException failed) {
            rollback();
            if (JdbcOutage.signals(failed) && connectedOnce) {
                closeQuietly();
                outage.note(failed, what);
                return false;
            }
            throw connecting ? new IllegalStateException(cannotConnect(failed), failed) : failure(what, failed);
        } catch (RuntimeException rejected) {
            rollback();
            throw rejected;
        }
    }

    /** Serialization failures, deadlocks and lock timeouts: the same work may well succeed again. */
    private static boolean isConflict(SQLException failed) {
        String state = failed.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
    }

    private void pause(int attempt) {
        try {
            clock.sleep(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, 10L << attempt)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens a connection unless one is open, and says whether it did. */
    private boolean open() throws SQLException {
        if (connection != null) {
            return false;
        }
        Connection opened = connector.open(url, properties);
        try {
            opened.setAutoCommit(false);
            try (PreparedStatement select = opened.prepareStatement(BACKEND); ResultSet row = select.executeQuery()) {
                row.next();
                backend = new Backend(row.getInt(1), row.getString(2));
            }
            opened.commit();
        } catch (SQLException | RuntimeException failed) {
            closeQuietly(opened);
            throw failed;
        }
        connection = opened;
        connectedOnce = true;
        return true;
    }

    /** On a connection opened during an outage, runs the reconnection's work before anything else. */
    private void reconnected() throws SQLException {
        if (outage.active() && onReconnect != null) {
            onReconnect.run(connection);
            connection.commit();
        }
    }

    /**
     * Whether the work of an unanswered commit took effect: ends the process that was committing it
     * if it still runs, and waits until it is gone (so that its transaction is settled; one that
     * committed stays committed), then asks {@code committed}.
     */
    private <T> boolean settle(Doubt<T> doubt, Committed<T> committed) throws SQLException {
        if (doubt.backend() != null) {
            end(doubt.backend());
        }
        boolean took = committed.took(connection, doubt.result());
        connection.commit();
        return took;
    }

    private void end(Backend lost) throws SQLException {
        try {
            if (!runs(END_BACKEND, lost)) {
                return; // gone, or a server restarted since: its transactions are settled
            }
            for (int poll = 0; poll < SETTLE_POLLS && runs(BACKEND_RUNS, lost); poll++) {
                clock.sleep(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (SQLException refused) {
            if (JdbcOutage.signals(refused)) {
                throw refused;
            }
            // not allowed to end it (another role's process): it was this worker's, so it ends with its socket
            connection.rollback();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL at " + url
                    + " ended a lost connection's process", interrupted);
        }
    }

    /** Whether {@code query} on the process finds a row; in a transaction of its own. */
    private boolean runs(String query, Backend lost) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setInt(1, lost.pid());
            select.setString(2, lost.started());
            try (ResultSet row = select.executeQuery()) {
                boolean found = row.next();
                connection.commit();
                return found;
            }
        }
    }

    private IllegalStateException failure(String what, SQLException failed) {
        return new IllegalStateException("PostgreSQL at " + url + " could not " + what + ": " + failed.getMessage()
                + " (SQL state " + failed.getSQLState() + ")", failed);
    }

    private String cannotConnect(SQLException failed) {
        String state = failed.getSQLState() == null ? "" : failed.getSQLState();
        String user = properties.getProperty("user", "(none given, so the driver tried " + System.getProperty("user.name")
                + ")");
        String message = "could not connect to " + url + " as user " + user + ": " + failed.getMessage();
        if (failed.getMessage() != null && failed.getMessage().startsWith("No suitable driver")) {
            return message + ": PostgreSQL's driver is not on the class path. Add the dependency"
                    + " org.postgresql:postgresql (42.7 or newer, <scope>test</scope>) to the project whose studies"
                    + " use this storage; Tuner does not bring it, so that projects on a journal do without it";
        }
        if (state.startsWith("28")) {
            return message + "; set " + JdbcStorage.USER_VARIABLE + " and " + JdbcStorage.PASSWORD_VARIABLE
                    + " (or PGUSER and PGPASSWORD) to a user the server accepts, or under Maven the <server> of the"
                    + " settings that tuner.jdbc.server.id names";
        }
        return message + "; check that the server runs and the URL names its host, port and database";
    }

    private void rollback() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException lost) {
                closeQuietly();
            }
        }
    }

    private void closeQuietly() {
        closeQuietly(connection);
        connection = null;
    }

    private static void closeQuietly(Connection closing) {
        try {
            if (closing != null) {
                closing.close();
            }
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
