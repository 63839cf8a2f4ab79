package dev.tuner.core.report;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file whole or not at all: into a temporary file beside it, then moved over it in one step. */
final class AtomicFile {

    private AtomicFile() {}

    /** Replaces {@code file} with {@code text}; a reader sees the old file or the new one, never a part. */
    static void write(Path file, String text, Charset charset) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, text, charset);
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // a temporary file is private to its owner; the file it becomes is for everyone to read
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
