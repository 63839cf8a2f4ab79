package dev.tuner.testing.postgres;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The PostgreSQL database that Tuner's tests share within one JVM: the server the environment names, when
 * {@value #URL_VARIABLE} is set (with {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}), else a
 * {@link PostgresServer} started from the binaries on the class path on first use and stopped when the JVM
 * exits. A server that cannot be started fails every test that asks for it, with the reason and the way
 * around it; nothing is skipped.
 *
 * <pre>{@code
 * PostgresLogin login = TestPostgres.database();
 * try (Connection connection = DriverManager.getConnection(login.url(), login.user(), login.password())) { ... }
 * }</pre>
 */
public final class TestPostgres {

    /** The environment variable naming a server of one's own, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tuner}. */
    public static final String URL_VARIABLE = "TUNER_TEST_JDBC_URL";
    /** The environment variable naming the user of {@link #URL_VARIABLE}'s server. */
    public static final String USER_VARIABLE = "TUNER_TEST_JDBC_USER";
    /** The environment variable holding that user's password. */
    public static final String PASSWORD_VARIABLE = "TUNER_TEST_JDBC_PASSWORD";

    private static Supplier<PostgresLogin> shared;

    private TestPostgres() {}

    /**
     * The database of this JVM's tests: the environment's, else the server started for them (once).
     *
     * @throws IllegalStateException when no server is named and none could be started, saying why and how
     *     to name one
     */
    public static synchronized PostgresLogin database() {
        if (shared == null) {
            shared = choose(System.getenv(), TestPostgres::startShared);
        }
        return shared.get();
    }

    /** The database the environment names, or null when {@value #URL_VARIABLE} is unset or blank. */
    public static PostgresLogin fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    private static PostgresLogin fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        return url == null || url.isBlank() ? null
                : new PostgresLogin(url, environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
    }

    /**
     * The environment's database, or the one {@code start} starts; a failure to start is kept and thrown
     * again on every call, so that each test says why without trying again.
     */
    static Supplier<PostgresLogin> choose(Map<String, String> environment, Supplier<PostgresLogin> start) {
        PostgresLogin named = fromEnvironment(environment);
        if (named != null) {
            return () -> named;
        }
        try {
            PostgresLogin login = start.get();
            return () -> login;
        } catch (RuntimeException failed) {
            IllegalStateException reason = new IllegalStateException("The PostgreSQL tests need a server, and "
                    + URL_VARIABLE + " names none, so they start one from the binaries on the class path ("
                    + PostgresBinaries.ARTIFACT + "), which failed: " + failed.getMessage() + ". Fix that, or set "
                    + URL_VARIABLE + " (e.g. jdbc:postgresql://127.0.0.1:5432/tuner), " + USER_VARIABLE + " and "
                    + PASSWORD_VARIABLE + " to a database of yours whose user may create schemas", failed);
            return () -> {
                throw reason;
            };
        }
    }

    private static PostgresLogin startShared() {
        PostgresServer server = PostgresServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop the tests' PostgreSQL"));
        System.err.println("PostgreSQL " + server.version() + " for the tests at " + server.login().url() + ", started in "
                + server.startup().toMillis() + " ms from " + PostgresBinaries.ARTIFACT + " (set " + URL_VARIABLE
                + " to use a server of yours)");
        return server.login();
    }
}
