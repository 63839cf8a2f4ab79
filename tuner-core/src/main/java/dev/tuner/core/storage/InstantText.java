package dev.tuner.core.storage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
            secondText = secondText(epochSecond);
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

    /**
     * {@code "2026-11-22T10:00:01.}: laid out digit by digit for years 0 to 9999, as {@code
     * Instant#toString()} writes them; other years through it. The formatter is left out of the
     * common case because the JIT compiler, compiling {@link #quoted} for every record, would
     * compile the formatter's code into it too, though it runs once a second.
     */
    private static byte[] secondText(long epochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            return ('"' + whole.substring(0, whole.length() - 1) + '.').getBytes(StandardCharsets.US_ASCII);
        }
        byte[] text = new byte[21];
        text[0] = '"';
        digits(text, 1, 4, time.getYear());
        text[5] = '-';
        digits(text, 6, 2, time.getMonthValue());
        text[8] = '-';
        digits(text, 9, 2, time.getDayOfMonth());
        text[11] = 'T';
        digits(text, 12, 2, time.getHour());
        text[14] = ':';
        digits(text, 15, 2, time.getMinute());
        text[17] = ':';
        digits(text, 18, 2, time.getSecond());
        text[20] = '.';
        return text;
    }

    private static void digits(byte[] text, int at, int count, int value) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
