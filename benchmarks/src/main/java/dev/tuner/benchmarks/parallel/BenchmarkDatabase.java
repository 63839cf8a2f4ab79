package dev.tuner.benchmarks.parallel;

import dev.tuner.testing.postgres.PostgresLogin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL database the benchmark's workers share: a schema of its own, made on the server
 * of a login and dropped at the end, so that a benchmark leaves nothing in a user's database. The
 * login of a server named by URL comes from {@code TUNER_TEST_JDBC_USER} and
 * {@code TUNER_TEST_JDBC_PASSWORD}, else from {@code TUNER_JDBC_USER} and {@code TUNER_JDBC_PASSWORD}.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema = "tuner_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private BenchmarkDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        execute("CREATE SCHEMA " + schema);
    }

    /** The login to the server at {@code url}, its user and password from the environment. */
    public static PostgresLogin login(String url) {
        return new PostgresLogin(url, environment("TUNER_TEST_JDBC_USER", "TUNER_JDBC_USER"),
                environment("TUNER_TEST_JDBC_PASSWORD", "TUNER_JDBC_PASSWORD"));
    }

    /** Makes a fresh schema on the server of {@code login}. */
    public static BenchmarkDatabase create(PostgresLogin login) {
        return new BenchmarkDatabase(login.url(), login.user(), login.password());
    }

    /** The storage spec of the schema. */
    public String spec() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The environment a worker needs to connect: the credentials under the names {@code JdbcStorage} reads. */
    public Map<String, String> workerEnvironment() {
        Map<String, String> environment = new HashMap<>();
        if (user != null) {
            environment.put("TUNER_JDBC_USER", user);
        }
        if (password != null) {
            environment.put("TUNER_JDBC_PASSWORD", password);
        }
        return environment;
    }

    /** The schema the workers' tables are made in. */
    public String schema() {
        return schema;
    }

    /** A new connection to the database, as the benchmark's user, to watch the workers. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + failed.getMessage() + "; give a database"
                    + " whose user may create schemas (TUNER_TEST_JDBC_URL, TUNER_TEST_JDBC_USER, TUNER_TEST_JDBC_PASSWORD),"
                    + " or run benchmarks/run parallel without them and without --jdbc, to start a throwaway server", failed);
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isEmpty() ? value : System.getenv(fallback);
    }
}
