package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageNameTest {

    private static final Path PROJECT = Path.of("/home/me/acme");

    private static StorageName name(String spec) {
        return StorageName.of(spec, PROJECT);
    }

    @Test
    void aJournalIsNamedByItsFileRelativeToTheProjectWithoutOptions() {
        StorageName journal = name("journal:target/tuner/journal.jsonl?fsync=finish");

        assertThat(journal.text()).isEqualTo("journal:target/tuner/journal.jsonl");
        assertThat(journal.tag()).isEqualTo("journal.jsonl");
        assertThat(journal.persistent()).isTrue();
        assertThat(journal).isEqualTo(name("journal:")).isEqualTo(name("journal:/home/me/acme/target/tuner/journal.jsonl"))
                .isEqualTo(name("journal:./target/../target/tuner/journal.jsonl"))
                .isNotEqualTo(name("journal:target/tuner/other.jsonl"));
        assertThat(name("journal:/tmp/scratch.jsonl").text()).isEqualTo("journal:/tmp/scratch.jsonl");
    }

    @Test
    void memoryIsNotPersistent() {
        StorageName memory = name("memory:");

        assertThat(memory.text()).isEqualTo("memory:");
        assertThat(memory.tag()).isEqualTo("memory");
        assertThat(memory.persistent()).isFalse();
        assertThat(memory).isEqualTo(name(" memory: "));
    }

    @Test
    void aDatabaseIsNamedByServerDatabaseAndSchemaWithoutLoginOrOptions() {
        StorageName database = name("jdbc:postgresql://tuner:secret@DBHost:5432/tuner?user=tuner&password=x&ssl=true");

        assertThat(database.text()).isEqualTo("jdbc:postgresql://dbhost/tuner");
        assertThat(database.text()).doesNotContain("secret", "user", "password");
        assertThat(database.tag()).isEqualTo("postgresql-dbhost-tuner");
        assertThat(database).isEqualTo(name("jdbc:postgresql://dbhost/tuner"));
        StorageName schema = name("jdbc:postgresql://dbhost:6543/tuner?currentSchema=exp1");
        assertThat(schema.text()).isEqualTo("jdbc:postgresql://dbhost:6543/tuner?currentSchema=exp1");
        assertThat(schema.tag()).isEqualTo("postgresql-dbhost-6543-tuner-exp1");
        assertThat(schema).isNotEqualTo(database);
    }

    @Test
    void aNameReadBackFromAFileIsTheSameStorage() {
        for (String spec : new String[] {"journal:target/tuner/j.jsonl", "memory:", "jdbc:postgresql://h/db"}) {
            StorageName written = name(spec);
            assertThat(name(written.text())).isEqualTo(written);
        }
    }
}
