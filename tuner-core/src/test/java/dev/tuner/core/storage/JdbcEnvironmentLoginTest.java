package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login a {@code jdbc:postgresql:} storage takes from its process's environment, on a real
 * server: each case runs {@link JdbcLoginMain} in a child JVM whose environment holds only the
 * variables the case sets, so the order the storage page documents is what the server sees.
 */
class JdbcEnvironmentLoginTest {

    private TestDatabase database;
    private String url;

    @BeforeEach
    void connect() {
        database = TestDatabase.shared();
        url = database.newSchemaUrl();
    }

    @AfterAll
    static void dropSchemas() {
        TestDatabase.shared().dropSchemas();
    }

    @Test
    void theTunerVariablesLogInAndWinOverWrongPostgresOnes() throws Exception {
        Result result = open(url, Map.of("TUNER_JDBC_USER", TestDatabase.user(),
                "TUNER_JDBC_PASSWORD", TestDatabase.password(), "PGUSER", "nobody", "PGPASSWORD", "wrong-pg-password"));

        assertThat(result.output()).isEqualTo("OPENED");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void thePostgresVariablesLogInWhenTheTunerOnesAreUnset() throws Exception {
        Result result = open(url, Map.of("PGUSER", TestDatabase.user(), "PGPASSWORD", TestDatabase.password()));

        assertThat(result.output()).isEqualTo("OPENED");
    }

    @Test
    void aWrongTunerPasswordIsUsedEvenWithARightPostgresOne() throws Exception {
        Result result = open(url, Map.of("TUNER_JDBC_USER", TestDatabase.user(),
                "TUNER_JDBC_PASSWORD", "wrong-tuner-password", "PGPASSWORD", TestDatabase.password()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .startsWith("REFUSED could not connect to " + url + " as user " + TestDatabase.user() + ": ")
                .contains("password authentication failed")
                .contains("set TUNER_JDBC_USER and TUNER_JDBC_PASSWORD")
                .doesNotContain("wrong-tuner-password")
                .doesNotContain(TestDatabase.password());
    }

    @Test
    void theUrlsUserWinsOverTheEnvironmentsOne() throws Exception {
        Result result = open(url + "&user=nobody", Map.of("TUNER_JDBC_USER", TestDatabase.user(),
                "TUNER_JDBC_PASSWORD", TestDatabase.password()));

        assertThat(result.output()).startsWith("REFUSED could not connect to " + url + "&user=nobody as user nobody: ")
                .doesNotContain(TestDatabase.password());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingShown() throws Exception {
        Result result = open(url + "&password=" + TestDatabase.password(), Map.of("TUNER_JDBC_USER", TestDatabase.user()));

        assertThat(result.output()).startsWith("REFUSED storage '" + url + "&password=***' carries a password in the parameter 'password'")
                .doesNotContain(TestDatabase.password());
    }

    private record Result(int exitCode, String output) {}

    /** Runs {@link JdbcLoginMain} on {@code storage} with no login variables but {@code login}. */
    private static Result open(String storage, Map<String, String> login) throws IOException, InterruptedException {
        ProcessBuilder child = ChildJvm.running(JdbcLoginMain.class, storage);
        Map<String, String> environment = child.environment();
        environment.keySet().removeIf(name -> name.startsWith("TUNER_JDBC_") || name.startsWith("PG"));
        environment.putAll(login);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        return new Result(process.exitValue(), output);
    }
}
