package dev.tuner.core.trial;

import java.util.Objects;
import java.util.Optional;

/**
 * The process that ran a trial: its host and process id, as a storage recorded them when the trial
 * started (see {@link FrozenTrial#worker()}). Its text form is {@code host/pid}, e.g.
 * {@code build-7/48211}, which is what the report and an Optuna export show.
 *
 * @param host the host's name, without {@code /}
 * @param pid the process id, at least 0
 */
public record Worker(String host, long pid) {

    public Worker {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.indexOf('/') >= 0) {
            throw new IllegalArgumentException("worker host '" + host + "' must be a host name, not empty and without"
                    + " '/', as a worker's text form is host/pid");
        }
        if (pid < 0) {
            throw new IllegalArgumentException("worker pid " + pid + " of host '" + host + "' is negative; give the"
                    + " process id the operating system reported");
        }
    }

    /**
     * The worker a text in the form {@code host/pid} names, or empty when the text is not of that
     * form (a label some other tool gave a trial).
     */
    public static Optional<Worker> parse(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/') != slash) {
            return Optional.empty();
        }
        String digits = text.substring(slash + 1);
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Worker(text.substring(0, slash), Long.parseLong(digits)));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** {@code host/pid}. */
    @Override
    public String toString() {
        return host + "/" + pid;
    }
}
