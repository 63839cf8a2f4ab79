package dev.tuner.core.storage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Writes instants as {@link Instant#toString()} does, always with six fraction digits, for the
 * journal's timestamps: as JSON strings in UTF-8, quotes included. Formatting through {@code
 * DateTimeFormatter} cost a tenth of writing a trial's records; the date and time of day change
 * once a second, so they are formatted once a second and only the microseconds each time.
 * {@link JournalReplay#instant} reads them back. Not thread-safe.
 */
final class InstantText {

    private long second = Long.MIN_VALUE;
    /** The second's text, {@code "2026-11-22T10:00:01.}, with its opening quote and the point. */
    private byte[] secondText = new byte[0];

    /** {@code instant} without its nanoseconds below the microsecond, which the text does not keep. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Like {@code "2026-11-22T10:00:01.456789Z"}, quotes included; below the microsecond is dropped. */
    byte[] quoted(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond != second) {
            String whole = Instant.ofEpochSecond(epochSecond).toString(); // 2026-11-22T10:00:01Z
            secondText = ('"' + whole.substring(0, whole.length() - 1) + '.').getBytes(StandardCharsets.US_ASCII);
            second = epochSecond;
        }
        int start = secondText.length;
        byte[] text = Arrays.copyOf(secondText, start + 8);
        int micros = instant.getNano() / 1_000;
        for (int i = start + 5; i >= start; i--) {
            text[i] = (byte) ('0' + micros % 10);
            micros /= 10;
        }
        text[start + 6] = 'Z';
        text[start + 7] = '"';
        return text;
    }
}
