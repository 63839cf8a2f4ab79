package dev.tuner.core.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One connection to the database and the short transactions run on it: each unit of work commits
 * or rolls back as a whole, is retried when PostgreSQL reports a serialization failure or a
 * deadlock, and reconnects once when the connection was lost. Not thread-safe: its owner locks.
 */
final class JdbcSession implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    private final String url;
    private final Properties properties;
    private Connection connection;

    /** A unit of work inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    JdbcSession(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
        this.connection = connect();
    }

    String url() {
        return url;
    }

    /** Runs {@code work} in a transaction, retrying it when the database asks for that. */
    <T> T transaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (connection == null) {
                    connection = connect();
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException failed) {
                rollback();
                if (attempt < ATTEMPTS && isRetryable(failed)) {
                    pause(attempt);
                } else if (attempt < ATTEMPTS && isConnectionLost(failed)) {
                    closeQuietly();
                    pause(attempt);
                } else {
                    throw new IllegalStateException("PostgreSQL at " + url + " could not " + what + ": " + failed.getMessage()
                            + " (SQL state " + failed.getSQLState() + ")", failed);
                }
            } catch (RuntimeException rejected) {
                rollback();
                throw rejected;
            }
        }
    }

    /** Serialization failures, deadlocks and lock timeouts: the same work may well succeed again. */
    private static boolean isRetryable(SQLException failed) {
        String state = failed.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
    }

    private static boolean isConnectionLost(SQLException failed) {
        String state = failed.getSQLState();
        return state != null && state.startsWith("08");
    }

    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 10L << attempt);
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect() {
        try {
            Connection opened = DriverManager.getConnection(url, properties);
            opened.setAutoCommit(false);
            return opened;
        } catch (SQLException failed) {
            throw new IllegalStateException(cannotConnect(failed), failed);
        }
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
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
        connection = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
