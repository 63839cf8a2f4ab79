package dev.tuner.benchmarks.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.benchmarks.CommandLine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code benchmarks/run speed} without {@code --sampler}: the JMH run's options; nothing is run. */
class SpeedBenchmarkTest {
    @Test
    void optionsKeepTheirNamesAndDefaults() {
        CommandLine.Values defaults = SpeedBenchmark.COMMAND.parse();
        assertThat(defaults.get(SpeedBenchmark.SIZES)).containsExactly(100, 1000, 3000, 10000);
        assertThat(defaults.get(SpeedBenchmark.LARGE)).isEqualTo(100000);
        assertThat(defaults.get(SpeedBenchmark.REFERENCE)).isEqualTo(Path.of("benchmarks/reference/speed.json"));
        assertThat(defaults.get(SpeedBenchmark.OUT)).isEqualTo(Path.of("benchmarks/target/results/speed.json"));

        CommandLine.Values given = SpeedBenchmark.COMMAND.parse("--sizes", "100,1000", "--large", "0");
        assertThat(given.get(SpeedBenchmark.SIZES)).containsExactly(100, 1000);
        assertThat(given.get(SpeedBenchmark.LARGE)).isZero();

        assertThatThrownBy(() -> SpeedBenchmark.COMMAND.parse("--max-ms", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --max-ms; use --sizes, --large, --reference or --out (--help describes them)");
    }
}
