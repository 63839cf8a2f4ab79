package dev.tuner.core.storage;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes one flat JSON object as a line of UTF-8, field by field, into a reused buffer: the
 * journal's records. Jackson escapes the strings and writes the doubles (Schubfach, which
 * round-trips exactly); this class only lays out the punctuation, because a generator's own
 * bookkeeping was most of the cost of a record. Field names are {@link Key}s encoded once, string
 * values that repeat (study and knob names) are escaped once and kept, and text is copied a whole
 * string at a time: a JVM runs a trial's first thousands of records in its interpreter, where a
 * loop over every character of every record was most of what a journal cost a study's start.
 * {@link JournalCodec} is the way in. Not thread-safe.
 */
final class JsonLine {

    private static final int NAMES_KEPT = 1024;

    private static final Key OP = key("op");

    private final Map<String, byte[]> quoted = new RecentlyUsed<>(NAMES_KEPT);
    private byte[] bytes = new byte[256];
    private int length;
    private boolean firstField;

    /** A field's name, encoded once: make one per name, as a constant. */
    static final class Key {
        private final byte[] quoted;

        private Key(byte[] quoted) {
            this.quoted = quoted;
        }
    }

    /** The key of a field named {@code name}, plain ASCII that needs no escaping. */
    static Key key(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                throw new IllegalArgumentException("field name '" + name + "' needs escaping; use plain ASCII");
            }
        }
        return new Key(('"' + name + "\":").getBytes(StandardCharsets.US_ASCII));
    }

    /** Starts a line: {@code {"op":"<op>"}. */
    JsonLine start(String op) {
        length = 0;
        append((byte) '{');
        firstField = true;
        return name(OP).quoted(op, true);
    }

    /** A string field; {@code repeats} keeps its escaped form for the next record. */
    JsonLine string(Key field, String value, boolean repeats) {
        return name(field).quoted(value, repeats);
    }

    JsonLine number(Key field, long value) {
        name(field);
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        }
        long rest = Math.abs(value);
        int digits = 1;
        for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
            digits++;
        }
        int size = value < 0 ? digits + 1 : digits;
        ensure(size);
        int at = length + size;
        do {
            bytes[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (value < 0) {
            bytes[length] = '-';
        }
        length += size;
        return this;
    }

    /** A double; NaN and the infinities are written as strings, as Jackson writes them, and read back. */
    JsonLine number(Key field, double value) {
        name(field);
        String digits = NumberOutput.toString(value, true);
        return Double.isFinite(value) ? append(digits.getBytes(StandardCharsets.US_ASCII)) : quoted(digits, false);
    }

    /** A field whose value is JSON text already. */
    JsonLine raw(Key field, String json) {
        return raw(field, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A field whose value is JSON already, as UTF-8. */
    JsonLine raw(Key field, byte[] json) {
        return name(field).append(json);
    }

    /** Opens an object as the value of {@code field}; close it with {@link #endObject()}. */
    JsonLine object(Key field) {
        name(field);
        append((byte) '{');
        firstField = true;
        return this;
    }

    JsonLine endObject() {
        append((byte) '}');
        firstField = false;
        return this;
    }

    /** Closes the line and returns it, newline included. */
    byte[] end() {
        append((byte) '}');
        append((byte) '\n');
        return Arrays.copyOf(bytes, length);
    }

    private JsonLine name(Key field) {
        if (!firstField) {
            append((byte) ',');
        }
        firstField = false;
        return append(field.quoted);
    }

    private JsonLine quoted(String value, boolean repeats) {
        byte[] text = repeats ? quoted.get(value) : null;
        if (text == null) {
            byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(value);
            text = new byte[escaped.length + 2];
            text[0] = '"';
            System.arraycopy(escaped, 0, text, 1, escaped.length);
            text[text.length - 1] = '"';
            if (repeats) {
                quoted.put(value, text);
            }
        }
        return append(text);
    }

    private JsonLine append(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    private void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
