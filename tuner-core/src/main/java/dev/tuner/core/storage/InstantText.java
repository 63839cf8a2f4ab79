package dev.tuner.core.storage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The journal's times as text: written as {@link Instant#toString()} writes them, always with six
 * fraction digits, as JSON strings in UTF-8, quotes included, and read back. Formatting through
 * {@code DateTimeFormatter} cost a tenth of writing a trial's records; the date and time of day
 * change once a second, so they are formatted once a second and only the microseconds each time.
 * Reading takes the same fields apart without a formatter too, since a resume reads the time of
 * every record. {@link JournalCodec} is the way in. Not thread-safe.
 */
final class InstantText {

    /** A second's text with every digit 0, and where each field ends: year, month, day, hour, minute, second. */
    private static final byte[] SECOND_TEMPLATE = "\"0000-00-00T00:00:00.".getBytes(StandardCharsets.US_ASCII);
    private static final int[] FIELD_ENDS = {5, 8, 11, 14, 17, 20};

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
        byte[] text = SECOND_TEMPLATE.clone();
        int[] fields = {time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
            time.getSecond()};
        for (int field = 0; field < fields.length; field++) {
            // each field's digits end just before the separator that follows it
            int value = fields[field];
            for (int at = FIELD_ENDS[field] - 1; text[at] == '0'; at--) {
                text[at] = (byte) ('0' + value % 10);
                value /= 10;
            }
        }
        return text;
    }

    /**
     * {@link Instant#parse}, without a formatter for the form {@link Instant#toString()} writes.
     *
     * @throws IllegalArgumentException if the text is not a time
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length >= 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z'
                && (length == 20 || text.charAt(19) == '.')) {
            try {
                long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
                long seconds = day * 86_400 + digits(text, 11, 13) * 3_600L + digits(text, 14, 16) * 60L + digits(text, 17, 19);
                int nanos = 0;
                if (length > 20) {
                    int fraction = length - 21;
                    if (fraction > 9) {
                        return Instant.parse(text);
                    }
                    nanos = digits(text, 20, length - 1);
                    for (int i = fraction; i < 9; i++) {
                        nanos *= 10;
                    }
                }
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (RuntimeException unusual) {
                // fall through to the full parser, which says what is wrong
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException invalid) {
            throw new IllegalArgumentException("'" + text + "' is not a time", invalid);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
