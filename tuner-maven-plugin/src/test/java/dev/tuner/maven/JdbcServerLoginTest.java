package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The login the tune goal takes from the Maven settings, with Maven's own decrypter reading a
 * settings-security.xml as {@code mvn --encrypt-master-password} writes it.
 */
class JdbcServerLoginTest {

    private static final String URL = "jdbc:postgresql://db:5432/tuner";
    private static final String FILES = "/home/me/.m2/settings.xml";

    @TempDir
    Path folder;

    private final Settings settings = new Settings();
    private final RecordingLog log = new RecordingLog();

    @Test
    void theNamedServersLoginBecomesTheForksEnvironment() throws Exception {
        settings.addServer(server("tuner-db", "alice", "s3cr3t"));

        Map<String, String> variables = login(Map.of()).variables(URL, "tuner-db");

        assertThat(variables).containsExactly(Map.entry("TUNER_JDBC_USER", "alice"), Map.entry("TUNER_JDBC_PASSWORD", "s3cr3t"));
        assertThat(log.lines).containsExactly("[info] PostgreSQL login: user 'alice' from server 'tuner-db' of the Maven settings ("
                + FILES + ")");
    }

    @Test
    void anEncryptedPasswordIsDecryptedWithTheMasterPassword() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = folder.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-42", "settings.security")
                + "</master></settingsSecurity>");
        settings.addServer(server("tuner-db", "alice", cipher.encryptAndDecorate("s3cr3t", "master-42")));
        DefaultSettingsDecrypter decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));

        Map<String, String> variables = new JdbcServerLogin(settings, FILES, decrypter, Map.of(), log).variables(URL, "tuner-db");

        assertThat(variables).containsEntry("TUNER_JDBC_PASSWORD", "s3cr3t");
    }

    @Test
    void aPasswordThatDoesNotDecryptIsAnErrorNamingTheServerAndTheFix() throws Exception {
        Path security = folder.resolve("settings-security.xml");
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-42", "settings.security")
                + "</master></settingsSecurity>");
        settings.addServer(server("tuner-db", "alice", cipher.encryptAndDecorate("s3cr3t", "another-master")));
        DefaultSettingsDecrypter decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));

        assertThatThrownBy(() -> new JdbcServerLogin(settings, FILES, decrypter, Map.of(), log).variables(URL, "tuner-db"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Could not decrypt the password of server 'tuner-db' in the Maven settings: ")
                .hasMessageContaining("encrypt it again with mvn --encrypt-password")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aNamedServerTheSettingsLackFailsSayingWhereAndHowToFixIt() {
        settings.addServer(server("tuner-db", "alice", "s3cr3t"));
        settings.addServer(server("nexus", "deployer", "n3xus"));

        assertThatThrownBy(() -> login(Map.of()).variables(URL, "no-such-server"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("jdbcServerId names server 'no-such-server', which the Maven settings (" + FILES + ") do not have"
                        + " (they have tuner-db, nexus), so the studies could not log in to " + URL + ". Add <server><id>"
                        + "no-such-server</id><username>…</username><password>…</password></server> to the settings,"
                        + " correct jdbcServerId (the plugin's <jdbcServerId> or -Dtuner.jdbc.server.id), or give the login in"
                        + " TUNER_JDBC_USER and TUNER_JDBC_PASSWORD");
    }

    @Test
    void withoutAnIdTheServerTunerIsUsedIfPresentAndNothingFailsIfNot() throws Exception {
        assertThat(login(Map.of()).variables(URL, null)).isEmpty();

        settings.addServer(server("tuner", "bob", "pw"));
        assertThat(login(Map.of()).variables(URL, null)).containsEntry("TUNER_JDBC_USER", "bob");
    }

    @Test
    void theEnvironmentWinsAndTheSettingsAreNotRead() throws Exception {
        settings.addServer(server("tuner-db", "alice", "s3cr3t"));

        assertThat(login(Map.of("TUNER_JDBC_USER", "carol")).variables(URL, "tuner-db")).isEmpty();
        assertThat(login(Map.of("TUNER_JDBC_PASSWORD", "pw")).variables(URL, "no-such-server")).isEmpty();
        assertThat(log.lines).containsExactly(
                "[info] PostgreSQL login from the environment (TUNER_JDBC_USER, TUNER_JDBC_PASSWORD), which wins over the"
                        + " Maven settings' server 'tuner-db'",
                "[info] PostgreSQL login from the environment (TUNER_JDBC_USER, TUNER_JDBC_PASSWORD)");
        assertThat(login(Map.of("TUNER_JDBC_USER", "")).variables(URL, "tuner-db")).as("empty is unset")
                .containsEntry("TUNER_JDBC_USER", "alice");
    }

    @Test
    void storagesThatAreNoDatabaseGetNoLogin() throws Exception {
        settings.addServer(server("tuner-db", "alice", "s3cr3t"));

        assertThat(login(Map.of()).variables("journal:target/tuner/journal.jsonl", "tuner-db")).isEmpty();
        assertThat(login(Map.of()).variables("memory:", "no-such-server")).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void aStorageTheStudiesNameThemselvesGetsTheLoginAndAMissingServerOnlyWarns() throws Exception {
        settings.addServer(server("tuner-db", "alice", "s3cr3t"));

        assertThat(login(Map.of()).variables(null, "tuner-db")).containsEntry("TUNER_JDBC_USER", "alice");
        assertThat(login(Map.of()).variables("", "other")).isEmpty();
        assertThat(log.lines).anyMatch(line -> line.startsWith("[warn] jdbcServerId names server 'other', which the Maven settings"));
    }

    @Test
    void anEnvironmentVariableMavenCouldNotFillIsAnError() {
        settings.addServer(server("tuner-db", "alice", "${env.DB_PASSWORD}"));

        assertThatThrownBy(() -> login(Map.of()).variables(URL, "tuner-db"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("The <password> of server 'tuner-db' in the Maven settings (" + FILES + ") refers to"
                        + " ${env.DB_PASSWORD}, but DB_PASSWORD is not set in the environment Maven runs in; set it, or write"
                        + " the value in the settings (a password encrypted with mvn --encrypt-password)");
    }

    @Test
    void aServerWithoutAUsernameIsAnError() {
        settings.addServer(server("tuner-db", null, "s3cr3t"));

        assertThatThrownBy(() -> login(Map.of()).variables(URL, "tuner-db"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Server 'tuner-db' in the Maven settings (" + FILES + ") has no <username>")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aServerWithoutAPasswordGivesTheUserAlone() throws Exception {
        settings.addServer(server("tuner-db", "alice", null));

        assertThat(login(Map.of()).variables(URL, "tuner-db")).containsOnlyKeys("TUNER_JDBC_USER");
        assertThat(log.lines).containsExactly("[info] PostgreSQL login: user 'alice' from server 'tuner-db' of the Maven"
                + " settings (" + FILES + "), without a password");
    }

    private JdbcServerLogin login(Map<String, String> environment) {
        DefaultSettingsDecrypter decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(),
                Map.of(), folder.resolve("no-settings-security.xml").toString()));
        return new JdbcServerLogin(settings, FILES, decrypter, environment, log);
    }

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    /** Maven's console log, keeping what it is told to show. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("[info] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[warn] " + content);
        }

        @Override
        public void debug(CharSequence content) {
            lines.add("[debug] " + content);
        }
    }
}
