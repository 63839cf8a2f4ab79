package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tuner.Direction;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal this process may not write says so when a run would write it, and can still be read.
 * The tests run as root on the build machines, whom file modes do not stop, so the file (and its
 * folder) is made immutable with chattr, which stops root too.
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

    @Test
    void anImmutableJournalInAnImmutableFolderIsReadWithoutWritingAnything() throws Exception {
        Path journal = folder.resolve("journal.jsonl");
        try (JournalStorage storage = JournalStorage.open(journal)) {
            storage.createStudy("s", Direction.MINIMIZE);
            int number = storage.createTrial("s");
            storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(0.5), null);
        }
        long size = Files.size(journal);
        assumeTrue(chattr("+i", journal), "chattr +i is not available here, so no file is read-only to root");
        try {
            assumeTrue(chattr("+i", folder), "chattr +i on a folder is not available here");
            try (JournalStorage storage = JournalStorage.openToRead(journal)) {
                assertThat(storage.isReadOnly()).isTrue();
                assertThat(storage.trials("s")).singleElement()
                        .satisfies(trial -> assertThat(trial.value()).hasValue(0.5));
                assertThatIllegalStateException().isThrownBy(() -> storage.createTrial("s"))
                        .withMessageContaining("journal " + journal.toRealPath() + " is open to read only");
            } finally {
                chattr("-i", folder);
            }
        } finally {
            chattr("-i", journal);
        }
        assertThat(Files.size(journal)).isEqualTo(size);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(journal);
        }
    }

    @Test
    void aJournalOpenToReadSeesWhatAWriterAppendsAndTheWriterSharesItsFile() throws Exception {
        Path journal = folder.resolve("journal.jsonl");
        try (JournalStorage storage = JournalStorage.open(journal)) {
            storage.createStudy("s", Direction.MINIMIZE);
        }
        try (JournalStorage reader = JournalStorage.openToRead(journal);
                JournalStorage writer = JournalStorage.open(journal)) {
            assertThat(reader.trials("s")).isEmpty();
            writer.createTrial("s");
            assertThat(reader.trials("s")).hasSize(1);
            assertThat(writer.trials("s")).hasSize(1);
        }
    }

    @Test
    void aTornLastLineIsSkippedButLeftForAWriterToCutOff() throws Exception {
        Path journal = folder.resolve("journal.jsonl");
        try (JournalStorage storage = JournalStorage.open(journal)) {
            storage.createStudy("s", Direction.MINIMIZE);
            storage.createTrial("s");
        }
        Files.writeString(journal, "{\"op\":\"tri", java.nio.file.StandardOpenOption.APPEND);
        long size = Files.size(journal);

        try (JournalStorage storage = JournalStorage.openToRead(journal)) {
            assertThat(storage.trials("s")).hasSize(1);
            assertThat(storage.trials("s")).hasSize(1);
        }
        assertThat(Files.size(journal)).isEqualTo(size);
    }

    @Test
    void aMissingJournalCannotBeOpenedToReadAndNothingIsCreated() {
        Path journal = folder.resolve("missing/journal.jsonl");

        assertThatThrownBy(() -> JournalStorage.openToRead(journal))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not open journal " + journal + " to read: there is no such file");
        assertThat(journal.getParent()).doesNotExist();
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
        Process process = new ProcessBuilder("lsattr", "-d", file.toString()).redirectErrorStream(true).start();
        String flags = new String(process.getInputStream().readAllBytes());
        return process.waitFor(30, TimeUnit.SECONDS) && flags.split(" ")[0].contains("i");
    }
}
