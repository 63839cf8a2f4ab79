package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a JDBC storage's login comes from, as the storage page documents it, and secrets kept out of URLs. */
class JdbcLoginTest {

    @Test
    void tunerVariablesWinOverThePostgresOnes() {
        Map<String, String> both = Map.of("TUNER_JDBC_USER", "tuner", "TUNER_JDBC_PASSWORD", "t-secret",
                "PGUSER", "pg", "PGPASSWORD", "pg-secret");

        assertThat(JdbcLogin.user(both)).isEqualTo("tuner");
        assertThat(JdbcLogin.password(both)).isEqualTo("t-secret");
    }

    @Test
    void thePostgresVariablesServeWhenTheTunerOnesAreUnsetOrEmpty() {
        Map<String, String> postgres = Map.of("PGUSER", "pg", "PGPASSWORD", "pg-secret");
        Map<String, String> emptyTuner = Map.of("TUNER_JDBC_USER", "", "TUNER_JDBC_PASSWORD", "",
                "PGUSER", "pg", "PGPASSWORD", "pg-secret");

        assertThat(JdbcLogin.user(postgres)).isEqualTo("pg");
        assertThat(JdbcLogin.password(postgres)).isEqualTo("pg-secret");
        assertThat(JdbcLogin.user(emptyTuner)).isEqualTo("pg");
        assertThat(JdbcLogin.password(emptyTuner)).isEqualTo("pg-secret");
    }

    @Test
    void eachVariableFallsBackOnItsOwn() {
        Map<String, String> mixed = Map.of("TUNER_JDBC_USER", "tuner", "PGPASSWORD", "pg-secret");

        assertThat(JdbcLogin.user(mixed)).isEqualTo("tuner");
        assertThat(JdbcLogin.password(mixed)).isEqualTo("pg-secret");
        assertThat(JdbcLogin.user(Map.of())).isNull();
        assertThat(JdbcLogin.password(Map.of("PGPASSWORD", ""))).isNull();
    }

    @Test
    void theUrlsUserIsTheOneTheDriverUses() {
        assertThat(JdbcLogin.urlUser("jdbc:postgresql://db:5432/tuner?user=alice")).isEqualTo("alice");
        assertThat(JdbcLogin.urlUser("jdbc:postgresql://db/tuner?currentSchema=s&user=bob&ssl=true")).isEqualTo("bob");
        assertThat(JdbcLogin.urlUser("jdbc:postgresql://db/tuner?currentSchema=user")).isNull();
        assertThat(JdbcLogin.urlUser("jdbc:postgresql://db/tuner")).isNull();
    }

    @Test
    void aPasswordParameterIsRefusedAndNotRepeated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcLogin.checkNoSecret("jdbc:postgresql://db:5432/tuner?user=tuner&password=s3cr3t&ssl=true"))
                .withMessageStartingWith("storage 'jdbc:postgresql://db:5432/tuner?user=tuner&password=***&ssl=true'"
                        + " carries a password in the parameter 'password'; ")
                .withMessageContaining("Remove it from the URL and give it in the environment (TUNER_JDBC_PASSWORD, or PGPASSWORD),"
                        + " in the Maven settings' <server> that tuner.jdbc.server.id names")
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void anyParameterNamingAPasswordIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcLogin.checkNoSecret("jdbc:postgresql://db/tuner?sslpassword=k3y&sslmode=verify-full"))
                .withMessageContaining("?sslpassword=***&sslmode=verify-full")
                .withMessageContaining("the parameter 'sslpassword'")
                .withMessageNotContaining("k3y");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcLogin.checkNoSecret("jdbc:postgresql://db/tuner?PASSWORD=Zq9x"))
                .withMessageNotContaining("Zq9x");
    }

    @Test
    void aLoginBeforeTheHostIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcLogin.checkNoSecret("jdbc:postgresql://tuner:s3cr3t@db:5432/tuner"))
                .withMessageStartingWith("storage 'jdbc:postgresql://***@db:5432/tuner' carries a password in a login before '@'")
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void urlsWithoutSecretsPass() {
        assertThatNoException().isThrownBy(() -> {
            JdbcLogin.checkNoSecret("jdbc:postgresql://db:5432/tuner");
            JdbcLogin.checkNoSecret("jdbc:postgresql://db1,db2:5433/tuner?user=tuner&currentSchema=studies");
            JdbcLogin.checkNoSecret("jdbc:postgresql:tuner");
        });
    }

    @Test
    void storagesRefusesASecretBeforeOpeningAnythingAndMasksItInOtherErrors() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Storages.open("jdbc:postgresql://127.0.0.1:1/tuner?password=s3cr3t"))
                .withMessageContaining("carries a password")
                .withMessageNotContaining("s3cr3t");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Storages.checkNoSecret(" jdbc:postgresql://127.0.0.1:1/tuner?password=s3cr3t"))
                .withMessageNotContaining("s3cr3t");
        assertThatNoException().isThrownBy(() -> Storages.checkNoSecret("journal:target/password=1/journal.jsonl"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Storages.open("jdbc:mysql://db/tuner?password=s3cr3t"))
                .withMessageContaining("jdbc:mysql://db/tuner?password=***")
                .withMessageNotContaining("s3cr3t");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcStorage.builder("jdbc:mysql://db/tuner?password=s3cr3t"))
                .withMessageNotContaining("s3cr3t");
    }
}
