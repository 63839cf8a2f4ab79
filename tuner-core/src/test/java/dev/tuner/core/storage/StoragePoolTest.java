package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragePoolTest {

    @TempDir
    Path folder;

    @Test
    void oneSpecOpensOneStorageUntilThePoolCloses() {
        Storage first;
        try (StoragePool pool = new StoragePool()) {
            first = pool.open("memory:");
            assertThat(pool.open(" memory: ")).isSameAs(first);
            first.createStudy("s", Direction.MINIMIZE);
        }
        try (StoragePool pool = new StoragePool()) {
            assertThat(pool.open("memory:")).isNotSameAs(first);
        }
    }

    @Test
    void closingClosesTheJournalsItOpened() {
        Path file = folder.resolve("j.jsonl");
        Storage journal;
        try (StoragePool pool = new StoragePool()) {
            journal = pool.open("journal:" + file);
            journal.createStudy("s", Direction.MINIMIZE);
        }
        assertThatIllegalStateException().isThrownBy(() -> journal.createTrial("s"));
    }

    @Test
    void openIfPresentCreatesNothing() {
        Path file = folder.resolve("missing/j.jsonl");
        try (StoragePool pool = new StoragePool()) {
            assertThat(pool.openIfPresent("journal:" + file)).isEmpty();
            assertThat(pool.openIfPresent("journal:" + file + "?fsync=never")).isEmpty();
            assertThat(pool.openIfPresent("memory:")).isEmpty();
        }
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void openIfPresentOpensAnExistingJournalToReadOnly() {
        Path file = folder.resolve("j.jsonl");
        try (Storage storage = Storages.open("journal:" + file)) {
            storage.createStudy("s", Direction.MINIMIZE);
        }
        try (StoragePool pool = new StoragePool()) {
            Storage read = pool.openIfPresent("journal:" + file).orElseThrow();
            assertThat(read.trials("s")).isEmpty();
            assertThat(read).isInstanceOfSatisfying(JournalStorage.class,
                    journal -> assertThat(journal.isReadOnly()).isTrue());
            assertThat(pool.openIfPresent("journal:" + file)).containsSame(read);
            // a search of the same run writes through a storage of its own
            pool.open("journal:" + file).createTrial("s");
            assertThat(read.trials("s")).hasSize(1);
        }
    }

    @Test
    void openIfPresentGivesTheStorageThePoolOpenedToWrite() {
        try (StoragePool pool = new StoragePool()) {
            Storage written = pool.open("journal:" + folder.resolve("j.jsonl"));
            assertThat(pool.openIfPresent("journal:" + folder.resolve("j.jsonl"))).containsSame(written);
        }
    }
}
