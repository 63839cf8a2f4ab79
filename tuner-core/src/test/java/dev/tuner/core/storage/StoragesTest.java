package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragesTest {

    @TempDir
    Path folder;

    @Test
    void journalOpensTheNamedFile() {
        Path file = folder.resolve("sub/journal.jsonl");

        try (Storage storage = Storages.open("journal:" + file)) {
            assertThat(storage).isInstanceOf(JournalStorage.class);
            assertThat(((JournalStorage) storage).path()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void journalTakesAnFsyncOption() {
        Path file = folder.resolve("fast.jsonl");

        try (Storage storage = Storages.open("journal:" + file + "?fsync=finish")) {
            assertThat(((JournalStorage) storage).path()).isEqualTo(file.toAbsolutePath());
            assertThat(((JournalStorage) storage).sync()).isEqualTo(JournalStorage.Sync.ON_FINISH);
        }
        try (Storage storage = Storages.open("journal:" + file)) {
            assertThat(((JournalStorage) storage).sync()).as("default").isEqualTo(JournalStorage.Sync.NEVER);
        }
        try (Storage storage = Storages.open("journal:" + file + "?fsync=never")) {
            assertThat(((JournalStorage) storage).sync()).isEqualTo(JournalStorage.Sync.NEVER);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open("journal:" + file + "?fsync=sometimes"))
                .withMessageContaining("fsync=sometimes is unknown; use fsync=finish");
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open("journal:" + file + "?fsnyc=finish"))
                .withMessageContaining("journal option 'fsnyc' in storage 'journal:" + file + "?fsnyc=finish' is unknown;"
                        + " did you mean fsync? (the journal's one option is fsync=finish or fsync=never");
        assertThat(file.resolveSibling(file.getFileName() + "?fsnyc=finish")).doesNotExist();
    }

    @Test
    void theDefaultIsAJournalUnderTarget() {
        assertThat(Storages.DEFAULT).isEqualTo("journal:target/tuner/journal.jsonl");
    }

    @Test
    void memoryIsInMemory() {
        assertThat(Storages.open("memory:")).isInstanceOf(InMemoryStorage.class);
        assertThat(Storages.open(" memory: ")).isInstanceOf(InMemoryStorage.class);
    }

    @Test
    void anythingElseIsAnErrorListingTheForms() {
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open("redis://localhost"))
                .withMessage("unknown storage 'redis://localhost'; use journal:<path> (e.g. journal:target/tuner/journal.jsonl),"
                        + " memory: or jdbc:postgresql://host:port/database");
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open("jdbc:mysql://localhost/db"))
                .withMessageContaining("only PostgreSQL is");
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open("memory"))
                .withMessageContaining("write memory: (with the colon");
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open(" ")).withMessageContaining("no storage named");
    }

    @Test
    void aDatabaseTakesTheOutageTimeoutItIsOpenedWithAndAJournalDoesWithoutIt() {
        // checked before any connection: the timeout reaches the database's builder
        assertThatIllegalArgumentException().isThrownBy(() -> Storages.open("jdbc:postgresql://127.0.0.1:1/tuner", Duration.ZERO))
                .withMessage("the outage timeout (PT0S) must be positive: it is how long a worker waits for an unreachable"
                        + " database, e.g. Duration.ofSeconds(60)");
        try (StoragePool pool = new StoragePool()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> pool.open("jdbc:postgresql://127.0.0.1:1/tuner", Duration.ofSeconds(-1)))
                    .withMessageStartingWith("the outage timeout (PT-1S) must be positive");
            assertThat(pool.open("memory:", Duration.ZERO)).isInstanceOf(InMemoryStorage.class);
        }
    }
}
