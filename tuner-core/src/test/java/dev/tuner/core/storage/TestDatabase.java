package dev.tuner.core.storage;

import dev.tuner.testing.postgres.PostgresLogin;
import dev.tuner.testing.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL database the JDBC tests share: the one {@code TUNER_TEST_JDBC_URL} names (with
 * {@code TUNER_TEST_JDBC_USER} and {@code TUNER_TEST_JDBC_PASSWORD}), else a real server started for this
 * JVM from the binaries on the class path ({@link TestPostgres}). The tests run on any machine; when no
 * server can be had they fail, saying why. Each test gets schemas of its own, dropped by {@link #dropSchemas()}.
 */
final class TestDatabase {

    private static TestDatabase shared;

    private final PostgresLogin login;
    private final List<String> schemas = new ArrayList<>();

    private TestDatabase(PostgresLogin login) {
        this.login = login;
    }

    /** The database of this JVM's tests, started on first use when the environment names none. */
    static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = new TestDatabase(TestPostgres.database());
        }
        return shared;
    }

    static String user() {
        return shared().login.user();
    }

    static String password() {
        return shared().login.password();
    }

    /** The login, e.g. as the environment of a child JVM that is to use the same database. */
    PostgresLogin login() {
        return login;
    }

    /** The URL of a new, empty schema. */
    String newSchemaUrl() {
        String schema = "tuner_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        String url = login.url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A builder on a new, empty schema, with the test credentials. */
    JdbcStorage.Builder newSchema() {
        return storage(newSchemaUrl());
    }

    static JdbcStorage.Builder storage(String url) {
        return JdbcStorage.builder(url).user(user()).password(password());
    }

    /** A builder on the database of {@code login}, with its credentials. */
    static JdbcStorage.Builder storage(PostgresLogin login) {
        return JdbcStorage.builder(login.url()).user(login.user()).password(login.password());
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(login.url(), login.user(), login.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(sql + " failed on " + login.url() + ": " + failed.getMessage(), failed);
        }
    }

    /**
     * Waits until the server has been up longer than {@code period}, by the server's own clock: a
     * trial counts as stale only once a grace period has passed since the server's start too (its
     * worker could not beat while the server was down), and the tests' server starts with their JVM.
     */
    void awaitUptimeOver(Duration period) {
        execute("DO $$ BEGIN WHILE clock_timestamp() - pg_postmaster_start_time() <= make_interval(secs => "
                + period.toMillis() / 1000.0 + ") LOOP PERFORM pg_sleep(0.05); END LOOP; END $$");
    }

    void dropSchemas() {
        schemas.forEach(schema -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        schemas.clear();
    }
}
