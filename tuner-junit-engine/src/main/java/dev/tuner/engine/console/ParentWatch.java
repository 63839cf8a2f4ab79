package dev.tuner.engine.console;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Stops the studies when the process that started this JVM is gone, as Surefire's fork pinger
 * does: the {@code tune} goal gives its own process id, and when Maven is killed ({@code kill -9},
 * a cancelled CI job) this JVM does not run on as an orphan sharing the study with the next run.
 * It exits through {@link ExitGuard}, which records the trials it cuts off as failed, with Maven's
 * death as their reason.
 */
final class ParentWatch {

    /** System property: the process id to watch. Not a {@code tuner.*} setting: only the goal sets it. */
    static final String PARENT_PID_PROPERTY = "dev.tuner.parentPid";

    private ParentWatch() {}

    /** Watches the process named by {@link #PARENT_PID_PROPERTY}, if set; when it is gone, exits through {@code guard}. */
    static void start(PrintStream out, ExitGuard guard) {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(pid.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(PARENT_PID_PROPERTY + "=" + pid + " is not a process id");
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(id);
        if (parent.isEmpty()) {
            gone(out, guard, id);
            return;
        }
        parent.get().onExit().thenRun(() -> gone(out, guard, id));
    }

    private static void gone(PrintStream out, ExitGuard guard, long pid) {
        out.println("[tuner] ERROR: the Maven process (pid " + pid + ") that started this JVM is gone (killed, or its"
                + " job cancelled), so the studies stop instead of running on unwatched");
        out.flush();
        guard.exit("the Maven process (pid " + pid + ") that started this JVM is gone");
    }
}
