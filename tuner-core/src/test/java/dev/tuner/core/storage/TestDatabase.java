package dev.tuner.core.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server the JDBC tests use, named by the environment: {@value #URL_VARIABLE} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/tuner}), {@value #USER_VARIABLE} and
 * {@value #PASSWORD_VARIABLE}. Without the URL the tests are skipped. Each test gets schemas of its
 * own, dropped by {@link #dropSchemas()}.
 */
final class TestDatabase {

    static final String URL_VARIABLE = "TUNER_TEST_JDBC_URL";
    static final String USER_VARIABLE = "TUNER_TEST_JDBC_USER";
    static final String PASSWORD_VARIABLE = "TUNER_TEST_JDBC_PASSWORD";

    private static final String SKIPPED = "PostgreSQL tests skipped: set " + URL_VARIABLE
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/tuner), " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
            + " to a database the user may create schemas in, or run .ci/run, which starts a server on loopback";
    private static TestDatabase shared;

    private final String url;
    private final List<String> schemas = new ArrayList<>();

    private TestDatabase(String url) {
        this.url = url;
    }

    /**
     * The database the environment names; when it names none, skips the calling test, saying how
     * to enable it (once on the console too, since build logs do not show the reasons of skips).
     */
    static synchronized TestDatabase fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if (shared == null) {
                shared = new TestDatabase(null);
                System.err.println(SKIPPED);
            }
            assumeTrue(false, SKIPPED);
        }
        if (shared == null) {
            shared = new TestDatabase(url);
        }
        return shared;
    }

    static String user() {
        return System.getenv(USER_VARIABLE);
    }

    static String password() {
        return System.getenv(PASSWORD_VARIABLE);
    }

    /** The URL of a new, empty schema. */
    String newSchemaUrl() {
        String schema = "tuner_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A builder on a new, empty schema, with the test credentials. */
    JdbcStorage.Builder newSchema() {
        return storage(newSchemaUrl());
    }

    static JdbcStorage.Builder storage(String url) {
        return JdbcStorage.builder(url).user(user()).password(password());
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + failed.getMessage(), failed);
        }
    }

    void dropSchemas() {
        schemas.forEach(schema -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        schemas.clear();
    }
}
