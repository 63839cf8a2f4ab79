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
 * bookkeeping was most of the cost of a record. String values that repeat (study and knob names)
 * are escaped once and kept. Field names must be plain ASCII that needs no escaping. Not
 * thread-safe.
 */
final class JsonLine {

    private static final int NAMES_KEPT = 1024;

    private final Map<String, byte[]> quoted = new RecentlyUsed<>(NAMES_KEPT);
    private byte[] bytes = new byte[256];
    private int length;
    private boolean firstField;

    /** Starts a line: {@code {"op":"<op>"}. */
    JsonLine start(String op) {
        length = 0;
        append((byte) '{');
        firstField = true;
        return name("op").quoted(op, false);
    }

    /** A string field; {@code repeats} keeps its escaped form for the next record. */
    JsonLine string(String field, String value, boolean repeats) {
        return name(field).quoted(value, repeats);
    }

    JsonLine number(String field, long value) {
        return name(field).ascii(Long.toString(value));
    }

    /** A double; NaN and the infinities are written as strings, as Jackson writes them, and read back. */
    JsonLine number(String field, double value) {
        name(field);
        String digits = NumberOutput.toString(value, true);
        return Double.isFinite(value) ? ascii(digits) : quoted(digits, false);
    }

    /** A field whose value is JSON text already. */
    JsonLine raw(String field, String json) {
        return name(field).ascii(json);
    }

    /** Opens an object as the value of {@code field}; close it with {@link #endObject()}. */
    JsonLine object(String field) {
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

    private JsonLine name(String field) {
        if (!firstField) {
            append((byte) ',');
        }
        firstField = false;
        append((byte) '"');
        ascii(field);
        append((byte) '"');
        append((byte) ':');
        return this;
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

    /** Text known to be ASCII, or JSON that Jackson wrote (any UTF-8 in it stays as it is). */
    private JsonLine ascii(String text) {
        int size = text.length();
        ensure(size);
        boolean plain = true;
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                plain = false;
                break;
            }
            bytes[length + i] = (byte) c;
        }
        if (plain) {
            length += size;
            return this;
        }
        return append(text.getBytes(StandardCharsets.UTF_8));
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
