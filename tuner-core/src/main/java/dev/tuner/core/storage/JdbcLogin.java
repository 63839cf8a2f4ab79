package dev.tuner.core.storage;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@link JdbcStorage}'s login comes from, and the rule that keeps passwords out of its URL.
 *
 * <p>The user: a {@code user=} parameter of the URL (PostgreSQL's driver lets it win over everything
 * else), else {@value JdbcStorage#USER_VARIABLE}, else {@code PGUSER}; with none, the driver logs in as
 * the operating system's user. The password: {@value JdbcStorage#PASSWORD_VARIABLE}, else
 * {@code PGPASSWORD}. An empty variable counts as unset. {@link JdbcStorage.Builder#user} and
 * {@link JdbcStorage.Builder#password} replace what the environment gives.
 *
 * <p>A URL is written in build files and command lines and printed in messages, so one that carries a
 * secret (a parameter whose name contains {@code password}, or a login before an {@code @}) is
 * refused, and shown with the secret masked.
 */
final class JdbcLogin {

    static final String MASK = "***";

    // a parameter of the URL's query: its name and its value
    private static final Pattern PARAMETER = Pattern.compile("([?&])([^=&?]*)=([^&]*)");
    // a login before '@' in the host part: jdbc:postgresql://user:secret@host/db
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[^:]+://)([^/?]*)@");

    private JdbcLogin() {}

    /** The user the environment names: {@value JdbcStorage#USER_VARIABLE}, else {@code PGUSER}; null if neither. */
    static String user(Map<String, String> environment) {
        return first(environment, JdbcStorage.USER_VARIABLE, "PGUSER");
    }

    /** The password the environment holds: {@value JdbcStorage#PASSWORD_VARIABLE}, else {@code PGPASSWORD}; null if neither. */
    static String password(Map<String, String> environment) {
        return first(environment, JdbcStorage.PASSWORD_VARIABLE, "PGPASSWORD");
    }

    /** The value of the URL's {@code user=} parameter, which the driver uses whatever else is given; null if none. */
    static String urlUser(String url) {
        Matcher parameter = PARAMETER.matcher(query(url));
        String user = null;
        while (parameter.find()) {
            if (parameter.group(2).equals("user")) {
                user = parameter.group(3);
            }
        }
        return user;
    }

    /**
     * Refuses a URL that carries a secret, naming where it is, with the secret masked.
     *
     * @throws IllegalArgumentException if a parameter's name contains {@code password} or a login precedes an {@code @}
     */
    static void checkNoSecret(String url) {
        if (url == null) {
            return;
        }
        String where = null;
        if (USER_INFO.matcher(url).find()) {
            where = "a login before '@'";
        }
        Matcher parameter = PARAMETER.matcher(query(url));
        while (where == null && parameter.find()) {
            if (isSecret(parameter.group(2))) {
                where = "the parameter '" + parameter.group(2) + "'";
            }
        }
        if (where != null) {
            throw new IllegalArgumentException("storage '" + masked(url) + "' carries a password in " + where
                    + "; a storage URL is written in build files and command lines and shown in logs, so it may name"
                    + " the server, the database and the user, never a password. Remove it from the URL and give it in"
                    + " the environment (" + JdbcStorage.PASSWORD_VARIABLE + ", or PGPASSWORD), in the Maven settings'"
                    + " <server> that tuner.jdbc.server.id names, or with JdbcStorage.builder(url).password(...)");
        }
    }

    /** The text with every secret of a URL in it masked: values of password parameters and a login before '@'. */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceFirst("$1" + Matcher.quoteReplacement(MASK) + "@");
        Matcher parameter = PARAMETER.matcher(masked);
        StringBuilder result = new StringBuilder();
        while (parameter.find()) {
            String replacement = isSecret(parameter.group(2))
                    ? parameter.group(1) + parameter.group(2) + "=" + MASK
                    : parameter.group();
            parameter.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        parameter.appendTail(result);
        return result.toString();
    }

    private static boolean isSecret(String parameterName) {
        return parameterName.toLowerCase(Locale.ROOT).contains("password");
    }

    private static String query(String url) {
        int start = url.indexOf('?');
        return start < 0 ? "" : url.substring(start);
    }

    private static String first(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        String other = environment.get(fallback);
        return other != null && !other.isEmpty() ? other : null;
    }
}
