package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path directory;

    private String[] names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void replacesAFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("best.properties");
        Files.writeString(file, "old");

        AtomicFile.write(file, "x=1\n", StandardCharsets.ISO_8859_1);
        AtomicFile.write(file, "x=2\n", StandardCharsets.ISO_8859_1);

        assertThat(file).hasContent("x=2");
        assertThat(names()).containsExactly("best.properties");
    }

    @Test
    void createsMissingDirectoriesAndMakesTheFileReadableByAll() throws IOException {
        Path file = directory.resolve("target/tuner/page.html");

        AtomicFile.write(file, "<p>é</p>", StandardCharsets.UTF_8);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("<p>é</p>");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void writersOfOneFileOnSeveralThreadsEachWriteItWhole() throws Exception {
        Path file = directory.resolve("shared.txt");
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread[] writers = new Thread[8];
        for (int w = 0; w < writers.length; w++) {
            String text = String.valueOf(w).repeat(10_000);
            writers[w] = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    try {
                        AtomicFile.write(file, text, StandardCharsets.UTF_8);
                    } catch (IOException failed) {
                        failures.add(failed);
                    }
                }
            });
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(failures).isEmpty();
        String content = Files.readString(file);
        assertThat(content).hasSize(10_000).matches(content.charAt(0) + "+");
        assertThat(names()).containsExactly("shared.txt");
    }
}
