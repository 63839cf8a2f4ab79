package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal this process may not write says so. The tests run as root on the build machines, whom
 * file modes do not stop, so the file is made immutable with chattr, which stops root too.
 */
class ReadOnlyJournalTest {

    @TempDir
    Path folder;

    @Test
    void aJournalThatCannotBeWrittenSaysWhy() throws Exception {
        Path journal = folder.resolve("journal.jsonl");
        JournalStorage.open(journal).close();
        assumeTrue(chattr("+i", journal), "chattr +i is not available here, so no file is read-only to root");
        try {
            assertThatThrownBy(() -> JournalStorage.open(journal))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("could not open journal " + journal + " for writing: Operation not permitted on")
                    .hasMessageContaining("make the file and its folder writable by this user");
        } finally {
            chattr("-i", journal);
        }
    }

    private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && (flag.startsWith("-")
                    || !Files.isWritable(file) || isImmutable(file));
        } catch (IOException noChattr) {
            return false;
        }
    }

    private static boolean isImmutable(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("lsattr", file.toString()).redirectErrorStream(true).start();
        String flags = new String(process.getInputStream().readAllBytes());
        return process.waitFor(30, TimeUnit.SECONDS) && flags.split(" ")[0].contains("i");
    }
}
