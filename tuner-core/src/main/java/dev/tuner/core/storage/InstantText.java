package dev.tuner.core.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes instants as {@link Instant#toString()} does, always with six fraction digits, for the
 * journal's timestamps. Formatting through {@code DateTimeFormatter} cost a tenth of writing a
 * trial's records; the date and time of day change once a second, so they are formatted once a
 * second and only the microseconds each time. {@link JournalReplay#instant} reads them back.
 * Not thread-safe.
 */
final class InstantText {

    private long second = Long.MIN_VALUE;
    private String secondText = "";

    /** {@code instant} without its nanoseconds below the microsecond, which the text does not keep. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Like {@code 2026-11-22T10:00:01.456789Z}; below the microsecond is dropped. */
    String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond != second) {
            String whole = Instant.ofEpochSecond(epochSecond).toString(); // 2026-11-22T10:00:01Z
            secondText = whole.substring(0, whole.length() - 1);
            second = epochSecond;
        }
        int micros = instant.getNano() / 1_000;
        char[] fraction = {'.', '0', '0', '0', '0', '0', '0', 'Z'};
        for (int i = 6; i >= 1; i--) {
            fraction[i] = (char) ('0' + micros % 10);
            micros /= 10;
        }
        return secondText.concat(new String(fraction));
    }
}
