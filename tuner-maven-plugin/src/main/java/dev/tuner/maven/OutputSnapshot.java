package dev.tuner.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private copy of the build's class directories for one forked JVM: workers started in one
 * project at once (the documented way to add workers) each recompile {@code target/classes} and
 * {@code target/test-classes}, and a fork that scanned or loaded classes from them while another
 * Maven rewrote them found no {@code @Tune} method or a half-written class. The fork reads its own
 * copy, made just before it starts, and the copy is deleted when it ends.
 */
final class OutputSnapshot implements AutoCloseable {

    private final Path root;
    private final Map<String, String> copies;

    private OutputSnapshot(Path root, Map<String, String> copies) {
        this.root = root;
        this.copies = copies;
    }

    /**
     * Copies each of {@code directories} that exists into a new folder under {@code buildDirectory}.
     *
     * @throws IOException if a directory cannot be copied
     */
    static OutputSnapshot of(Path buildDirectory, List<Path> directories) throws IOException {
        Files.createDirectories(buildDirectory);
        Path root = Files.createTempDirectory(buildDirectory, "tuner-fork-classes-");
        Map<String, String> copies = new LinkedHashMap<>();
        int index = 0;
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                Path copy = root.resolve(index++ + "-" + directory.getFileName());
                FileTrees.copy(directory, copy, StandardCopyOption.COPY_ATTRIBUTES);
                copies.put(directory.toAbsolutePath().normalize().toString(), copy.toString());
            }
        }
        return new OutputSnapshot(root, copies);
    }

    /** {@code classpath} with each copied directory replaced by its copy. */
    List<String> classpath(List<String> classpath) {
        List<String> replaced = new ArrayList<>();
        for (String element : classpath) {
            replaced.add(copyOf(element));
        }
        return replaced;
    }

    /** The copy of {@code path}, or {@code path} itself when it was not copied. */
    String copyOf(String path) {
        return copies.getOrDefault(Path.of(path).toAbsolutePath().normalize().toString(), path);
    }

    /** Deletes the copies. */
    @Override
    public void close() {
        try {
            FileTrees.delete(root);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not delete the fork's copy of the classes in " + root + ": "
                    + failed.getMessage() + "; delete it by hand (mvn clean does)", failed);
        }
    }
}
