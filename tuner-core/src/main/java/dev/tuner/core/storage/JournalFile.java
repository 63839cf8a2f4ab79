package dev.tuner.core.storage;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A journal's file: one channel per file and JVM, shared by every {@link JournalStorage} on it,
 * and a lock that excludes the other threads of this JVM and, through the operating system's file
 * lock, the other processes.
 *
 * <p>One channel per JVM because POSIX drops all of a process's locks on a file when any of its
 * descriptors for that file is closed; and the JVM's own lock because a file lock belongs to the
 * whole process. The channel is interruptible (an interrupt during I/O closes it), so the lock
 * clears the caller's interrupt while it holds the file and restores it afterwards, polls for the
 * file lock instead of blocking in it, and reopens the channel if an interrupt closed it anyway.
 *
 * <p>Appends and the size go through plain {@code java.io} descriptors of the same file, which are
 * not interruptible: each channel operation also registers the thread for interrupts, which costs
 * more than the system call while the code is interpreted (10 against 1.5 µs an append, 3.4
 * against 0.7 µs a size) and adds large jobs to the JIT compiler's queue in a study's first
 * seconds. The appending stream opens the file with {@code O_APPEND}: under the lock, with the
 * journal replayed and a torn line cut off, the end of the file is where the next record goes.
 *
 * <p>A file acquired {@linkplain #acquireToRead to read} is opened for reading only, creates nothing,
 * and takes a shared lock, so it works on a file or folder this process may not write (a best run on
 * a checked-in or immutable journal); when a writer of this JVM acquires the same file, the shared
 * file is made writable in place, since both must go through one descriptor.
 */
final class JournalFile {

    private static final Map<Path, JournalFile> OPEN = new HashMap<>();
    private static final int CHUNK = 1 << 20;
    /**
     * The byte whose lock stands for the whole file: far past its end, so that on systems where
     * locks are mandatory (Windows) the appends through the other descriptor are not refused. A
     * Tuner that locks the whole file overlaps it, so processes of both exclude each other.
     */
    private static final long MUTEX_BYTE = Long.MAX_VALUE - 1;

    private final Path path;
    private final ReentrantLock jvmLock = new ReentrantLock();
    private volatile FileChannel channel;
    /** Writes at the end of the file ({@code O_APPEND}); null while the file is open to read only. */
    private volatile FileOutputStream appender;
    /** Tells the file's size. */
    private final RandomAccessFile sizer;
    private int users;
    /** How many appends this JVM made to the file, for the tests that count a trial's writes. */
    private long appends;

    private JournalFile(Path path, boolean writable) throws IOException {
        this.path = path;
        this.channel = openChannel(path, writable);
        try {
            this.appender = writable ? new FileOutputStream(path.toFile(), true) : null;
            this.sizer = new RandomAccessFile(path.toFile(), "r");
        } catch (IOException failed) {
            closeQuietly(channel);
            throw failed;
        }
    }

    /** The shared file at {@code path}, created with its folders if missing; {@link #release()} it when done. */
    static JournalFile acquire(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(path);
        } catch (FileAlreadyExistsException exists) {
            // another process or storage created it: share it
        }
        Path key = path.toRealPath();
        JournalFile file;
        synchronized (OPEN) {
            file = OPEN.get(key);
            if (file == null) {
                file = new JournalFile(key, true);
                OPEN.put(key, file);
            }
            file.users++;
        }
        try {
            file.makeWritable();
        } catch (IOException failed) {
            file.release();
            throw failed;
        }
        return file;
    }

    /**
     * The shared file at {@code path}, which must exist, to read: nothing is created, and unless a
     * writer of this JVM shares it, it is opened for reading only. {@link #release()} it when done.
     *
     * @throws java.nio.file.NoSuchFileException if there is no file at {@code path}
     */
    static JournalFile acquireToRead(Path path) throws IOException {
        Path key = path.toRealPath();
        synchronized (OPEN) {
            JournalFile file = OPEN.get(key);
            if (file == null) {
                file = new JournalFile(key, false);
                OPEN.put(key, file);
            }
            file.users++;
            return file;
        }
    }

    /**
     * Opens a file acquired to read for writing too, for a writer that shares it now; no thread of
     * this JVM holds the file lock meanwhile, so closing the read-only descriptor releases no lock.
     */
    private void makeWritable() throws IOException {
        if (appender != null) {
            return;
        }
        jvmLock.lock();
        try {
            if (appender != null) {
                return;
            }
            FileChannel writable = openChannel(path, true);
            try {
                appender = new FileOutputStream(path.toFile(), true);
            } catch (IOException failed) {
                closeQuietly(writable);
                throw failed;
            }
            FileChannel readOnly = channel;
            channel = writable;
            closeQuietly(readOnly);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Gives the file back; the last user closes the channel. */
    void release() {
        synchronized (OPEN) {
            if (--users == 0) {
                OPEN.remove(path);
                // nothing is pending: every append was written while locked
                if (appender != null) {
                    closeQuietly(appender);
                }
                closeQuietly(sizer);
                closeQuietly(channel);
            }
        }
    }

    Path path() {
        return path;
    }

    /** What {@link #locked} runs. */
    interface LockedAction<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code action} holding this file against every other thread and process; while the file
     * is open to read only, the lock is shared with other readers and excludes only writers.
     */
    <T> T locked(LockedAction<T> action) throws IOException {
        jvmLock.lock();
        boolean interrupted = Thread.interrupted();
        try {
            long pauseNanos = TimeUnit.MICROSECONDS.toNanos(20);
            FileLock lock;
            while ((lock = channel.tryLock(MUTEX_BYTE, 1, appender == null)) == null) {
                LockSupport.parkNanos(pauseNanos); // returns early on an interrupt: note it, wait on
                interrupted |= Thread.interrupted();
                pauseNanos = Math.min(pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(2));
            }
            try {
                return action.run();
            } finally {
                if (lock.isValid()) {
                    lock.release();
                }
            }
        } catch (ClosedChannelException closedByInterrupt) {
            reopen();
            throw new IOException("an interrupt closed journal " + path + " during I/O; the operation may or may not "
                    + "have been written, and the journal was reopened", closedByInterrupt);
        } finally {
            if (Thread.interrupted() || interrupted) {
                Thread.currentThread().interrupt();
            }
            jvmLock.unlock();
        }
    }

    private void reopen() throws IOException {
        synchronized (OPEN) {
            if (!channel.isOpen()) {
                channel = openChannel(path, appender != null);
            }
        }
    }

    long size() throws IOException {
        return sizer.length();
    }

    /**
     * Writes {@code length} bytes of {@code bytes} from {@code offset} at the end of the file; call
     * while {@link #locked}, once the end of the file is known to be where they belong.
     */
    void append(byte[] bytes, int offset, int length) throws IOException {
        appender.write(bytes, offset, length);
        appends++;
    }

    /** How many appends this JVM made to the file so far. */
    long appends() {
        return appends;
    }

    /** Forces what was written to the disk, past the operating system's cache. */
    void force() throws IOException {
        channel.force(false);
    }

    void truncate(long size) throws IOException {
        channel.truncate(size);
    }

    /** At most {@code max} bytes from {@code from} up to {@code to}, as text for a message. */
    String text(long from, long to, int max) throws IOException {
        byte[] bytes = new byte[(int) Math.min(max, to - from)];
        int read = channel.read(ByteBuffer.wrap(bytes), from);
        return new String(bytes, 0, Math.max(read, 0), StandardCharsets.UTF_8);
    }

    /** What {@link #readLines} hands each block of whole lines to. */
    interface LinesConsumer {
        /** Takes {@code length} bytes from {@code offset}: whole lines, each with its newline. */
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    /**
     * Hands every complete line in {@code [from, to)} to {@code consumer}, in blocks of whole lines,
     * and returns the position just after the last complete line: {@code to} unless the range ends
     * in a line that has no newline yet.
     */
    long readLines(long from, long to, LinesConsumer consumer) throws IOException {
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(to - from, 64))];
        long bufferStart = from; // file position of buffer[0]
        int filled = 0;
        int lineStart = 0;
        while (bufferStart + filled < to) {
            if (filled == buffer.length) {
                if (lineStart > 0) {
                    System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
                    bufferStart += lineStart;
                    filled -= lineStart;
                    lineStart = 0;
                } else {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            int wanted = (int) Math.min(buffer.length - filled, to - bufferStart - filled);
            int read = channel.read(ByteBuffer.wrap(buffer, filled, wanted), bufferStart + filled);
            if (read < 0) {
                break;
            }
            int scan = filled;
            filled += read;
            int lastNewline = -1;
            for (int i = filled - 1; i >= scan; i--) {
                if (buffer[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline >= 0) {
                consumer.accept(buffer, lineStart, lastNewline + 1 - lineStart);
                lineStart = lastNewline + 1;
            }
        }
        return bufferStart + lineStart;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the file is given back; closing loses nothing that was written
        }
    }

    private static FileChannel openChannel(Path path, boolean writable) throws IOException {
        return writable
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ);
    }
}
