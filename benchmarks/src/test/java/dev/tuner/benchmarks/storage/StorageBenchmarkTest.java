package dev.tuner.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.benchmarks.CommandLine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code benchmarks/run storage}'s options; nothing is timed. */
class StorageBenchmarkTest {

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        CommandLine.Values defaults = StorageBenchmark.COMMAND.parse();
        assertThat(defaults.get(StorageBenchmark.TRIALS)).isEqualTo(2000);
        assertThat(defaults.get(StorageBenchmark.OUT)).isEqualTo(Path.of("benchmarks/target/results/storage.json"));
        assertThat(defaults.has(StorageBenchmark.RESUME)).isFalse();

        CommandLine.Values given = StorageBenchmark.COMMAND.parse("--trials", "50", "--out", "s.json");
        assertThat(given.get(StorageBenchmark.TRIALS)).isEqualTo(50);
        assertThat(given.get(StorageBenchmark.OUT)).isEqualTo(Path.of("s.json"));
        assertThat(StorageBenchmark.COMMAND.parse("--resume", "/tmp/resume.jsonl").get(StorageBenchmark.RESUME))
                .isEqualTo(Path.of("/tmp/resume.jsonl"));

        assertThatIllegalArgumentException().isThrownBy(() -> StorageBenchmark.COMMAND.parse("--trial", "50"))
                .withMessage("unknown option --trial; use --trials, --out or --resume (--help describes them)");
        assertThatIllegalArgumentException().isThrownBy(() -> StorageBenchmark.COMMAND.parse("--trials", "2k"))
                .withMessage("--trials 2k must be a whole number");
    }
}
