package dev.tuner.core.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * An outage of a {@link JdbcStorage}'s database as one worker lives through it: from the first
 * failure whose SQL state means that the server went away or is not up yet, to the first
 * transaction that commits again. A broken connection is reopened at once; when that fails too, the
 * session waits between attempts, twice as long each time from {@value #FIRST_PAUSE_MILLIS} ms up
 * to {@value #LONGEST_PAUSE_MILLIS} ms (each pause drawn between half and all of that, so that
 * workers cut off together do not come back in step), never past the limit. It logs one warning
 * when the outage begins, naming the limit and the setting that changes it, one for each other call
 * that waits through it, saying what the call keeps in memory, and one line when the outage ends; a
 * failure after the limit is an error that says so. Not thread-safe: the storage locks.
 */
final class JdbcOutage {

    static final long FIRST_PAUSE_MILLIS = 100;
    static final long LONGEST_PAUSE_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(JdbcStorage.class.getName());
    private static final long NONE = Long.MIN_VALUE;

    /** The SQL states, beyond class 08, that mean the server went away or is not up yet, by what they mean. */
    private static final Map<String, String> SERVER_GONE = Map.of(
            "57P01", "admin shutdown",
            "57P02", "crash shutdown",
            "57P03", "cannot connect now",
            "57P05", "idle session timeout",
            "53300", "too many connections");

    /** Connection exceptions (class 08) by what they mean; 08P01, a protocol violation, is no outage. */
    private static final Map<String, String> CONNECTION = Map.of(
            "08000", "connection exception",
            "08001", "cannot connect",
            "08003", "connection closed",
            "08004", "connection rejected",
            "08006", "connection failure",
            "08007", "transaction resolution unknown");

    private final String server;
    private final Duration limit;
    private final RetryClock clock;
    private long since = NONE;
    private SQLException first;
    private int attempts;
    private boolean told;
    private String toldFor;

    /**
     * @param server the server as messages name it, {@code host:port}
     * @param limit how long an outage may last before a failure is given up on
     */
    JdbcOutage(String server, Duration limit, RetryClock clock) {
        this.server = server;
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether {@code failure} means that the server went away or is not up yet. */
    static boolean signals(SQLException failure) {
        String state = state(failure);
        return state != null && (SERVER_GONE.containsKey(state) || CONNECTION.containsKey(state));
    }

    /**
     * Whether {@code failure}, met while opening a storage, means that the server is not up yet
     * (starting, or out of connections) rather than absent or misnamed, which is an error at once.
     */
    static boolean notUpYet(SQLException failure) {
        String state = state(failure);
        return "57P03".equals(state) || "53300".equals(state);
    }

    /** The server as {@code host:port}, the hosts and ports of a URL that names several. */
    static String server(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return "localhost:5432";
        }
        String authority = rest.substring(2).split("[/?]", 2)[0];
        if (authority.isEmpty()) {
            return "localhost:5432";
        }
        boolean hasPort = authority.contains(",") || authority.matches(".*:\\d+$");
        return hasPort ? authority : authority + ":5432";
    }

    /** Whether an outage is on: a failure was met and nothing committed since. */
    boolean active() {
        return since != NONE;
    }

    /**
     * Notes {@code failure} and waits before the next attempt to {@code what}: not at all after the
     * outage's first failure (a broken connection is reopened at once), then longer each time.
     *
     * @param kept what the worker keeps in memory until it is written, for the log; null for nothing
     * @throws IllegalStateException once the outage has lasted the limit, naming the setting to raise,
     *     or if the thread is interrupted while it waits
     */
    void pause(SQLException failure, String what, String kept) {
        long elapsed = begin(failure);
        if (elapsed >= limit.toNanos()) {
            // the outage stays on: another call that fails now gives up at once, not after another limit
            throw gaveUp(failure, what, elapsed);
        }
        if (attempts++ == 0) {
            return;
        }
        tell(what, kept, elapsed);
        long longest = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempts - 2, 16)) * 1_000_000;
        long pause = Math.min(ThreadLocalRandom.current().nextLong(longest / 2, longest + 1), limit.toNanos() - elapsed);
        try {
            clock.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL at " + server
                    + " to come back, so could not " + what, interrupted);
        }
    }

    /**
     * Notes {@code failure} of one attempt that will not be retried now (a heartbeat, which the next
     * one repeats), logging that the server is unreachable if this is not the outage's first failure.
     */
    void note(SQLException failure, String what) {
        long elapsed = begin(failure);
        if (attempts++ > 0) {
            tell(what, null, elapsed);
        }
    }

    /** Begins an outage unless one is on, and returns how long it has lasted, in nanoseconds. */
    private long begin(SQLException failure) {
        long now = clock.nanoTime();
        if (since == NONE) {
            since = now;
            first = failure;
            attempts = 0;
        }
        return now - since;
    }

    /**
     * Logs that the server is unreachable and what the worker does meanwhile: once an outage, and
     * once more for each other call that waits through it.
     */
    private void tell(String what, String kept, long elapsed) {
        if (told && what.equals(toldFor)) {
            return;
        }
        String keeping = kept == null ? "" : ", keeping " + kept + " in memory until it is written";
        if (!told) {
            LOG.warning(() -> "PostgreSQL at " + server + " is unreachable (" + reason(first) + "); retrying for up to "
                    + text(limit) + " (" + JdbcStorage.OUTAGE_TIMEOUT_SETTING + ") to " + what + keeping);
        } else {
            LOG.warning(() -> "PostgreSQL at " + server + " is still unreachable, for " + text(Duration.ofNanos(elapsed))
                    + " now; retrying for up to " + text(limit.minusNanos(elapsed)) + " more ("
                    + JdbcStorage.OUTAGE_TIMEOUT_SETTING + ") to " + what + keeping);
        }
        told = true;
        toldFor = what;
    }

    /**
     * Ends the outage, if one is on, as a transaction to {@code what} committed: says how long it
     * lasted when its beginning was told.
     */
    void ended(String what) {
        if (since != NONE && told) {
            String lasted = text(Duration.ofNanos(clock.nanoTime() - since));
            LOG.info(() -> "PostgreSQL at " + server + " is back: reconnected after " + lasted + ", to " + what);
        }
        end();
    }

    private void end() {
        since = NONE;
        first = null;
        attempts = 0;
        told = false;
        toldFor = null;
    }

    private IllegalStateException gaveUp(SQLException failure, String what, long elapsed) {
        return new IllegalStateException("PostgreSQL at " + server + " has been unreachable for "
                + text(Duration.ofNanos(elapsed)) + ", longer than this worker waits (" + text(limit) + ", "
                + JdbcStorage.OUTAGE_TIMEOUT_SETTING + "), so it could not " + what + ": " + failure.getMessage()
                + " (SQL state " + state(failure) + "). Check that the server runs and that this machine reaches it;"
                + " if its outages last longer (a failover, a restart), raise " + JdbcStorage.OUTAGE_TIMEOUT_SETTING
                + ", e.g. -D" + JdbcStorage.OUTAGE_TIMEOUT_SETTING + "=5m, or JdbcStorage.builder(url).outageTimeout(...)"
                + " in code", failure);
    }

    /** The failure's SQL state and what it means: {@code 57P01 admin shutdown}. */
    static String reason(SQLException failure) {
        String state = state(failure);
        String meaning = SERVER_GONE.getOrDefault(state, CONNECTION.get(state));
        return meaning == null ? "SQL state " + state : state + " " + meaning;
    }

    /** The SQL state of the failure, or of the first SQL exception among its causes that has one. */
    private static String state(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A duration as messages give it: {@code 60 s}, {@code 3.2 s}, {@code 0.5 s}. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0 || millis >= 10_000) {
            return Math.round(millis / 1000.0) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
