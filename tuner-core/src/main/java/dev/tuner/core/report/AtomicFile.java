package dev.tuner.core.report;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then moved over it in one step.
 * The report writes its pages so, and the output package its properties files.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("target/tuner/index.html"), html, StandardCharsets.UTF_8);
 * }</pre>
 */
public final class AtomicFile {

    /** Numbers this process's temporary files, so that no two writers of it share one. */
    private static final AtomicLong WRITES = new AtomicLong();
    private static final int ATTEMPTS = 100;

    private AtomicFile() {}

    /** Replaces {@code file} with {@code text}; a reader sees the old file or the new one, never a part. */
    public static void write(Path file, String text, Charset charset) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = create(directory, file.getFileName().toString(), text, charset);
        try {
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // the file it becomes is for everyone to read, whatever the umask
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Writes {@code text} to a new file {@code <name>.<pid>-<n>.partial} in {@code directory}. The
     * process id and a count make the name unique among writers, where {@code Files.createTempFile}
     * would seed a {@code SecureRandom} for it, tens of milliseconds in the JVM that writes a study's
     * files once at its end; a file left by a crashed process of the same id is passed by.
     */
    private static Path create(Path directory, String name, String text, Charset charset) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 1; ; attempt++) {
            Path partial = directory.resolve(name + "." + pid + "-" + WRITES.incrementAndGet() + ".partial");
            try {
                Files.writeString(partial, text, charset, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return partial;
            } catch (FileAlreadyExistsException taken) {
                if (attempt == ATTEMPTS) {
                    throw new IOException("could not create a temporary file for " + directory.resolve(name) + ": "
                            + ATTEMPTS + " names like " + partial.getFileName() + " were taken; delete the *.partial "
                            + "files in " + directory, taken);
                }
            } catch (IOException failed) {
                // created but not written whole (a full disk): leave nothing behind
                Files.deleteIfExists(partial);
                throw failed;
            }
        }
    }
}
