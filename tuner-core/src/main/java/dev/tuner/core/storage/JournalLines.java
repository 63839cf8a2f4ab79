package dev.tuner.core.storage;

import java.util.Arrays;

/**
 * Journal records gathered in memory to be written in one append: those {@link JournalStorage#together}
 * gathers, and the knob values {@link JournalStorage#setParamDeferred} holds back. Not thread-safe:
 * the storage locks.
 */
final class JournalLines {

    private byte[] bytes = new byte[1024];
    private int length;
    private int count;

    /** Adds a record: one whole line, with its newline. */
    void add(byte[] line) {
        add(line, 0, line.length, 1);
    }

    /** Adds {@code other}'s records after these; {@code other} is left empty. */
    void take(JournalLines other) {
        add(other.bytes, 0, other.length, other.count);
        other.clear();
    }

    private void add(byte[] from, int offset, int size, int lines) {
        if (length + size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + size));
        }
        System.arraycopy(from, offset, bytes, length, size);
        length += size;
        count += lines;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** The records' bytes, valid up to {@link #length()} until the next change. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** How many records. */
    int count() {
        return count;
    }

    void clear() {
        length = 0;
        count = 0;
    }
}
