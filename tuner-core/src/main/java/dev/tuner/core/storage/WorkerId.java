package dev.tuner.core.storage;

import dev.tuner.core.trial.Worker;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process that runs a trial: its host, its pid and, against the reuse of pids, when it started
 * (epoch milliseconds, 0 when the platform does not say). Written with each trial so that a later
 * process on the same host can tell whether the trial's worker is gone.
 */
record WorkerId(String host, long pid, long startMillis) {

    private static final WorkerId CURRENT = of(ProcessHandle.current());

    /** Each worker as trials show it, made once: every trial's snapshot of a worker shares one object. */
    private static final Map<WorkerId, Optional<Worker>> SHOWN = new ConcurrentHashMap<>();

    /** This process. */
    static WorkerId current() {
        return CURRENT;
    }

    static WorkerId of(ProcessHandle process) {
        return new WorkerId(localHost(), process.pid(), startMillis(process));
    }

    /**
     * This worker as a {@link dev.tuner.core.trial.FrozenTrial} shows it, {@code host/pid}; empty for
     * a host name that no {@link Worker} takes (one with a {@code /}, which no host has).
     */
    Optional<Worker> shown() {
        return SHOWN.computeIfAbsent(this, id -> id.host.isEmpty() || id.host.indexOf('/') >= 0 || id.pid < 0
                ? Optional.empty()
                : Optional.of(new Worker(id.host, id.pid)));
    }

    /** {@code host/pid/start}, as the JDBC storage keeps it in one column. */
    String text() {
        return host + "/" + pid + "/" + startMillis;
    }

    /**
     * Whether this worker may still be running: a worker on another host is given the benefit of
     * the doubt; one on this host runs if its pid is alive and started when this worker did.
     */
    boolean mayBeAlive() {
        if (!host.equals(localHost())) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        long started = startMillis(process.get());
        // Start times are derived from clock ticks; allow for rounding, not for another process.
        return startMillis == 0 || started == 0 || Math.abs(started - startMillis) < 1000;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String localHost() {
        return Host.NAME;
    }

    /** The host name, read once: from the kernel on Linux (no DNS), else from the JDK. */
    private static final class Host {
        static final String NAME = read();

        private static String read() {
            try {
                Path kernel = Path.of("/proc/sys/kernel/hostname");
                if (Files.isReadable(kernel)) {
                    return Files.readString(kernel).trim();
                }
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException unknown) {
                return "localhost";
            }
        }
    }
}
