package dev.tuner.maven;

import dev.tuner.engine.Constants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The PostgreSQL login the {@code tune} goal hands to the forked JVM: the username and password of the
 * Maven settings' {@code <server>} that {@code jdbcServerId} names, decrypted, as the environment
 * variables {@code TUNER_JDBC_USER} and {@code TUNER_JDBC_PASSWORD} that {@code JdbcStorage} reads.
 * The password goes into the child's environment only: never onto its command line or into its
 * argument file, which other users of the machine may read, and never into a log line.
 *
 * <p>The order: those variables in Maven's own environment win, and the settings are then not read;
 * else the named server; else, when {@code jdbcServerId} is not set, a server with id {@value #DEFAULT_ID}
 * if the settings have one. A {@code jdbcServerId} the settings lack fails the goal when the storage is
 * a database, since the studies could not log in.
 */
final class JdbcServerLogin {

    /** The server looked up when {@code jdbcServerId} is not set, and used only if the settings have it. */
    static final String DEFAULT_ID = "tuner";

    static final String USER_VARIABLE = "TUNER_JDBC_USER";
    static final String PASSWORD_VARIABLE = "TUNER_JDBC_PASSWORD";

    private static final Pattern UNSET_VARIABLE = Pattern.compile("\\$\\{env\\.([^}]+)}");

    private final Settings settings;
    private final String settingsFiles;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> mavenEnvironment;
    private final Log log;

    /**
     * @param settingsFiles the settings files Maven read, for messages ({@code ~/.m2/settings.xml}, or the {@code -s} file)
     * @param mavenEnvironment the environment Maven runs in, which the forked JVM inherits
     */
    JdbcServerLogin(Settings settings, String settingsFiles, SettingsDecrypter decrypter,
            Map<String, String> mavenEnvironment, Log log) {
        this.settings = settings;
        this.settingsFiles = settingsFiles;
        this.decrypter = decrypter;
        this.mavenEnvironment = mavenEnvironment;
        this.log = log;
    }

    /**
     * The variables to add to the forked JVM's environment for {@code storage}; none when the storage
     * is not a database, the environment has a login already, or no server applies.
     *
     * @param storage the storage the goal was given; null or blank when the studies name their own
     *     ({@code @Tune(storage)}, {@code junit-platform.properties}), which may be a database too
     * @param serverId the goal's {@code jdbcServerId}; null when not set
     * @throws MojoFailureException if the server is missing though the storage is a database, or its
     *     login is incomplete or refers to an environment variable that is not set
     * @throws MojoExecutionException if its password cannot be decrypted
     */
    Map<String, String> variables(String storage, String serverId) throws MojoFailureException, MojoExecutionException {
        boolean database = storage != null && storage.strip().startsWith("jdbc:");
        boolean unknown = storage == null || storage.isBlank();
        if (!database && !unknown) {
            return Map.of();
        }
        String id = serverId == null ? DEFAULT_ID : serverId;
        if (isSet(USER_VARIABLE) || isSet(PASSWORD_VARIABLE)) {
            if (database) {
                log.info("PostgreSQL login from the environment (TUNER_JDBC_USER, TUNER_JDBC_PASSWORD)"
                        + (settings.getServer(id) == null ? "" : ", which wins over the Maven settings' server '" + id + "'"));
            }
            return Map.of();
        }
        Server server = settings.getServer(id);
        if (server == null) {
            if (serverId != null && database) {
                throw new MojoFailureException(missing(id, storage));
            }
            if (serverId != null) {
                log.warn("jdbcServerId names server '" + id + "', which the Maven settings (" + settingsFiles
                        + ") lack; a jdbc:postgresql: storage named by @Tune or junit-platform.properties gets no login"
                        + " from them");
            }
            return Map.of();
        }
        if (server.getUsername() == null || server.getUsername().isBlank()) {
            throw new MojoFailureException("Server '" + id + "' in the Maven settings (" + settingsFiles
                    + ") has no <username>, so the studies cannot log in to " + describe(storage)
                    + "; add the database user as <username> (and its password as <password>)");
        }
        // before decrypting, which would take ${env.NAME}'s braces for an encrypted password's
        checkInterpolated(id, "<username>", server.getUsername());
        checkInterpolated(id, "<password>", server.getPassword());
        Server login = decrypt(server);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(USER_VARIABLE, login.getUsername());
        if (login.getPassword() != null) {
            variables.put(PASSWORD_VARIABLE, login.getPassword());
        }
        String message = "PostgreSQL login: user '" + login.getUsername() + "' from server '" + id
                + "' of the Maven settings (" + settingsFiles + ")" + (login.getPassword() == null ? ", without a password" : "");
        if (database) {
            log.info(message);
        } else {
            log.debug(message + ", for a jdbc:postgresql: storage the studies may name");
        }
        return variables;
    }

    private boolean isSet(String variable) {
        String value = mavenEnvironment.get(variable);
        return value != null && !value.isEmpty();
    }

    private String missing(String id, String storage) {
        List<String> ids = settings.getServers().stream().map(Server::getId).toList();
        String have = ids.isEmpty() ? "no server" : String.join(", ", ids);
        return "jdbcServerId names server '" + id + "', which the Maven settings (" + settingsFiles
                + ") do not have (they have " + have + "), so the studies could not log in to " + describe(storage)
                + ". Add <server><id>" + id + "</id><username>…</username><password>…</password></server> to the"
                + " settings, correct jdbcServerId (the plugin's <jdbcServerId> or -D" + Constants.JDBC_SERVER_ID_PROPERTY_NAME
                + "), or give the login in TUNER_JDBC_USER and TUNER_JDBC_PASSWORD";
    }

    private Server decrypt(Server server) throws MojoExecutionException {
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!decrypted.getProblems().isEmpty()) {
            throw new MojoExecutionException("Could not decrypt the password of server '" + server.getId()
                    + "' in the Maven settings: " + decrypted.getProblems().get(0).getMessage()
                    + "; encrypt it again with mvn --encrypt-password, under the master password of"
                    + " ~/.m2/settings-security.xml");
        }
        return decrypted.getServer();
    }

    /** Maven leaves {@code ${env.NAME}} as it is when NAME is not set; that text is no login. */
    private void checkInterpolated(String id, String element, String value) throws MojoFailureException {
        if (value == null) {
            return;
        }
        Matcher unset = UNSET_VARIABLE.matcher(value);
        if (unset.find()) {
            throw new MojoFailureException("The " + element + " of server '" + id + "' in the Maven settings ("
                    + settingsFiles + ") refers to ${env." + unset.group(1) + "}, but " + unset.group(1)
                    + " is not set in the environment Maven runs in; set it, or write the value in the settings"
                    + " (a password encrypted with mvn --encrypt-password)");
        }
    }

    private static String describe(String storage) {
        return storage == null || storage.isBlank() ? "the storage the studies name" : storage.strip();
    }
}
