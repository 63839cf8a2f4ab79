package dev.tuner.core.storage;

import dev.tuner.core.settings.Spelling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Opens a storage from its text form, as {@code -Dtuner.storage}, {@code @Tune} and
 * {@code junit-platform.properties} give it:
 *
 * <ul>
 *   <li>{@code journal:<path>}: a {@link JournalStorage} on that file, created with its folders if
 *       missing ({@code journal:} alone means {@value #DEFAULT_JOURNAL}); it survives a killed
 *       process; add {@code ?fsync=finish} to force each finished trial to the disk so that it
 *       survives a power cut too ({@link JournalStorage.Sync#ON_FINISH});</li>
 *   <li>{@code memory:}: an {@link InMemoryStorage}, gone when the process ends;</li>
 *   <li>{@code jdbc:postgresql://host:port/database}: a {@link JdbcStorage}, with the credentials
 *       from {@value JdbcStorage#USER_VARIABLE} and {@value JdbcStorage#PASSWORD_VARIABLE}; a URL that
 *       carries a password is refused (see {@link #checkNoSecret}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (Storage storage = Storages.open(System.getProperty("tuner.storage", Storages.DEFAULT))) { ... }
 * }</pre>
 */
public final class Storages {

    /** The journal file used when {@code journal:} names none. */
    public static final String DEFAULT_JOURNAL = "target/tuner/journal.jsonl";

    /** The storage used when none is named: a journal under {@code target/tuner/}. */
    public static final String DEFAULT = "journal:" + DEFAULT_JOURNAL;

    private static final String FORMS = "use journal:<path> (e.g. " + DEFAULT + "), memory: or jdbc:postgresql://host:port/database";

    private Storages() {}

    /**
     * The storage {@code spec} names, opened; a database waits for its server through outages of
     * up to {@link JdbcStorage#DEFAULT_OUTAGE_TIMEOUT}.
     *
     * @throws IllegalArgumentException if {@code spec} is none of the forms above
     */
    public static Storage open(String spec) {
        return open(spec, JdbcStorage.DEFAULT_OUTAGE_TIMEOUT);
    }

    /**
     * The storage {@code spec} names, opened; a database waits for its server through outages of
     * up to {@code outageTimeout} ({@link JdbcStorage.Builder#outageTimeout}), which a journal and
     * memory do without.
     *
     * @throws IllegalArgumentException if {@code spec} is none of the forms above, or the timeout is not positive
     */
    public static Storage open(String spec, Duration outageTimeout) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no storage named; " + FORMS);
        }
        String text = spec.strip();
        if (text.startsWith("journal:")) {
            return journal(text.substring("journal:".length()));
        }
        if (text.equals("memory:")) {
            return new InMemoryStorage();
        }
        if (text.startsWith("jdbc:postgresql:")) {
            return JdbcStorage.builder(text).outageTimeout(outageTimeout).open();
        }
        if (text.startsWith("jdbc:")) {
            throw new IllegalArgumentException("storage '" + JdbcLogin.masked(text) + "' names a database Tuner does not support;"
                    + " only PostgreSQL is: jdbc:postgresql://host:port/database");
        }
        if (text.startsWith("memory")) {
            throw new IllegalArgumentException("storage '" + spec + "': write memory: (with the colon, nothing after it)");
        }
        throw new IllegalArgumentException("unknown storage '" + JdbcLogin.masked(text) + "'; " + FORMS);
    }

    /**
     * Checks that {@code spec} carries no password, before it is written anywhere (a command line, a
     * file, a log): a {@code jdbc:} URL may name the server, the database and the user, but a
     * parameter whose name contains {@code password}, or a login before an {@code @}, is refused.
     * {@link #open} checks this too; the Maven plugin checks it before it starts the JVM of the studies.
     *
     * @throws IllegalArgumentException naming where the password is, with its value masked, and where
     *     to give it instead
     */
    public static void checkNoSecret(String spec) {
        if (spec != null && spec.strip().startsWith("jdbc:")) {
            JdbcLogin.checkNoSecret(spec.strip());
        }
    }

    /**
     * The storage {@code spec} names, opened to read the studies it holds without creating or
     * writing anything, if it may hold any: a journal whose file exists, {@linkplain
     * JournalStorage#openToRead opened to read only} (so it may be read-only to this process); a
     * database, opened as {@link #open} does; never an in-memory storage, which would be empty.
     *
     * @throws IllegalArgumentException if {@code spec} is none of the forms {@link #open} knows
     */
    public static Optional<Storage> openToRead(String spec) {
        return openToRead(spec, JdbcStorage.DEFAULT_OUTAGE_TIMEOUT);
    }

    /**
     * The storage {@code spec} names, opened to read as {@link #openToRead(String)} does; a database
     * waits for its server through outages of up to {@code outageTimeout}.
     *
     * @throws IllegalArgumentException if {@code spec} is none of the forms {@link #open} knows, or
     *     the timeout is not positive
     */
    public static Optional<Storage> openToRead(String spec, Duration outageTimeout) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no storage named; " + FORMS);
        }
        String text = spec.strip();
        if (text.startsWith("journal:")) {
            String rest = text.substring("journal:".length());
            syncOption(rest);
            Path file = journalFile(rest);
            return Files.isRegularFile(file) ? Optional.of(JournalStorage.openToRead(file)) : Optional.empty();
        }
        if (text.equals("memory:")) {
            return Optional.empty();
        }
        return Optional.of(open(text, outageTimeout));
    }

    /** The file of a journal spec's part after {@code journal:}: everything before a {@code ?}, which starts its options. */
    static Path journalFile(String rest) {
        int query = rest.indexOf('?');
        String path = query >= 0 ? rest.substring(0, query) : rest;
        return Path.of(path.isEmpty() ? DEFAULT_JOURNAL : path);
    }

    /** Opens the journal of {@code rest}, with its options: {@code ?fsync=finish}; any other is an error. */
    private static Storage journal(String rest) {
        return JournalStorage.open(journalFile(rest), syncOption(rest));
    }

    /** The {@code fsync} option of a journal spec's part after {@code journal:}; any other option is an error. */
    private static JournalStorage.Sync syncOption(String rest) {
        JournalStorage.Sync sync = JournalStorage.Sync.NEVER;
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String option : rest.substring(query + 1).split("&", -1)) {
                int equals = option.indexOf('=');
                String key = equals < 0 ? option : option.substring(0, equals);
                String value = equals < 0 ? "" : option.substring(equals + 1);
                if (!key.equals("fsync")) {
                    throw new IllegalArgumentException("journal option '" + key + "' in storage 'journal:" + rest
                            + "' is unknown" + Spelling.didYouMean(key, List.of("fsync"))
                            + " (the journal's one option is fsync=finish or fsync=never; a journal's path"
                            + " cannot contain '?')");
                }
                switch (value) {
                    case "finish":
                        sync = JournalStorage.Sync.ON_FINISH;
                        break;
                    case "never":
                        sync = JournalStorage.Sync.NEVER;
                        break;
                    default:
                        throw new IllegalArgumentException("journal option fsync=" + value + " is unknown;"
                                + " use fsync=finish (each finished trial forced to the disk) or fsync=never (the default)");
                }
            }
        }
        return sync;
    }
}
