package dev.tuner.core.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which storage a study came from, as the files written from it name it: the storage's spec in a
 * form fit to be written in a file and shown, and whether two names mean the same storage.
 *
 * <ul>
 *   <li>a journal: {@code journal:} and its file, relative to the working directory when it lies
 *       under it ({@code journal:target/tuner/journal.jsonl}), else absolute; its options
 *       ({@code ?fsync=finish}) are left out, as they do not change what it holds;</li>
 *   <li>memory: {@code memory:}, a storage gone with its process, never {@link #persistent()};</li>
 *   <li>PostgreSQL: the server and database, {@code jdbc:postgresql://dbhost/tuner}, and the
 *       {@code currentSchema} if one is given; any login (a user, a password) and the connection's
 *       other options are left out.</li>
 * </ul>
 *
 * <pre>{@code
 * StorageName.of("journal:target/tuner/journal.jsonl?fsync=finish").text()   // journal:target/tuner/journal.jsonl
 * StorageName.of("jdbc:postgresql://tuner@DBHOST:5432/tuner?ssl=true").text() // jdbc:postgresql://dbhost/tuner
 * }</pre>
 */
public final class StorageName {

    private static final Pattern POSTGRESQL = Pattern.compile(
            "jdbc:postgresql://(?:[^/?@]*@)?([^/?]*)(/[^?]*)?(?:\\?(.*))?", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final String identity;
    private final String tag;
    private final boolean persistent;

    private StorageName(String text, String identity, String tag, boolean persistent) {
        this.text = text;
        this.identity = identity;
        this.tag = tag;
        this.persistent = persistent;
    }

    /**
     * The name of the storage {@code spec} names, as {@code tuner.storage} gives it or a file
     * written from it names it; a relative journal is relative to the working directory.
     */
    public static StorageName of(String spec) {
        return of(spec, Path.of("").toAbsolutePath());
    }

    /** The name of the storage {@code spec} names, a relative journal being relative to {@code workingDirectory}. */
    static StorageName of(String spec, Path workingDirectory) {
        String text = Objects.requireNonNull(spec, "spec").strip();
        if (text.startsWith("memory")) {
            return new StorageName("memory:", "memory:", "memory", false);
        }
        if (text.startsWith("journal:")) {
            Path file = Storages.journalFile(text.substring("journal:".length()));
            Path absolute = workingDirectory.resolve(file).normalize();
            Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
            String name = absolute.getFileName() == null ? "journal" : absolute.getFileName().toString();
            return new StorageName("journal:" + slashes(shown), "journal:" + slashes(absolute), safe(name), true);
        }
        Matcher postgresql = POSTGRESQL.matcher(text);
        if (postgresql.matches()) {
            String host = postgresql.group(1).toLowerCase(Locale.ROOT);
            if (host.endsWith(":5432")) {
                host = host.substring(0, host.length() - ":5432".length());
            }
            String database = postgresql.group(2) == null ? "" : postgresql.group(2);
            String schema = schema(postgresql.group(3));
            String name = "jdbc:postgresql://" + host + database + (schema.isEmpty() ? "" : "?currentSchema=" + schema);
            String tag = "postgresql-" + host.replace(':', '-') + (database.length() > 1 ? "-" + database.substring(1) : "")
                    + (schema.isEmpty() ? "" : "-" + schema);
            return new StorageName(name, name, safe(tag), true);
        }
        return new StorageName(text, text, safe(text), true);
    }

    /**
     * The storage as files and messages name it: {@code journal:target/tuner/journal.jsonl},
     * {@code memory:}, {@code jdbc:postgresql://dbhost/tuner}.
     */
    public String text() {
        return text;
    }

    /**
     * A short name for the files written beside those of another storage ({@code <study>@<tag>.properties}):
     * {@code memory}, a journal's file name ({@code scratch.jsonl}), {@code postgresql-<host>-<database>}.
     * Letters, digits, {@code . _ -} only.
     */
    public String tag() {
        return tag;
    }

    /** Whether the storage outlives its process: a journal or a database, not memory. */
    public boolean persistent() {
        return persistent;
    }

    /** Whether {@code other} names the same storage: the same journal file, memory, or the same database and schema. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StorageName name && name.identity.equals(identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String schema(String query) {
        if (query == null) {
            return "";
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).equals("currentSchema")) {
                return parameter.substring(equals + 1);
            }
        }
        return "";
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.append(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == '-' ? (char) c : '-'));
        return safe.toString();
    }
}
