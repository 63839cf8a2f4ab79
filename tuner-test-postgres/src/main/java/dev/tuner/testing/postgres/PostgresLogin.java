package dev.tuner.testing.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a test reaches a PostgreSQL database: its JDBC URL, a user who may create schemas in it, and that
 * user's password (any of the last two may be null for a server named by the environment without them).
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tuner}
 * @param user the user name, or null
 * @param password the password, or null
 */
public record PostgresLogin(String url, String user, String password) {

    /**
     * The login as the environment variables that name it ({@value TestPostgres#URL_VARIABLE} and the
     * others), for a child process: a child JVM that reads them uses this server rather than starting one.
     */
    public Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(TestPostgres.URL_VARIABLE, url);
        if (user != null) {
            variables.put(TestPostgres.USER_VARIABLE, user);
        }
        if (password != null) {
            variables.put(TestPostgres.PASSWORD_VARIABLE, password);
        }
        return variables;
    }

    /** The URL and user, never the password. */
    @Override
    public String toString() {
        return url + " as " + user;
    }
}
