package dev.tuner.benchmarks.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchmarks/run speed --sampler NAME}: any sampler by name, fixed and grown, with an explicit skip rule. */
class SamplerSpeedTest {

    @TempDir
    Path dir;

    @Test
    void measuresEverySizeBothWaysAndEndsWithTheResultLine() throws Exception {
        Path out = dir.resolve("speed.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String line = SamplerSpeed.run(SamplerSpeed.Options.parse(new String[] {"--sampler", "tpe", "--option",
            "multivariate=false", "--sizes", "40,20", "--reps", "4", "--max-ms", "60000", "--out", out.toString(),
            "--commit", "abc"}), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(line).matches("RESULT speed sampler=tpe n20_ms=[0-9.]+ n40_ms=[0-9.]+ grown_n20_ms=[0-9.]+ "
                + "grown_n40_ms=[0-9.]+");
        assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith(line + System.lineSeparator());
        JsonNode document = new ObjectMapper().readTree(out.toFile());
        assertThat(document.path("meta").path("git_commit").asText()).isEqualTo("abc");
        assertThat(document.path("results")).hasSize(4);
        assertThat(document.path("results").get(0).path("optimizer").asText()).isEqualTo("tuner_tpe");
        assertThat(document.path("results").get(1).path("mode").asText()).isEqualTo("grown");
    }

    @Test
    void aSizeIsSkippedWhenThePreviousSizeScaledLinearlyExceedsTheLimit() {
        assertThat(SamplerSpeed.predictedTooSlow(Double.NaN, 0, 100, 1000)).isFalse();
        assertThat(SamplerSpeed.predictedTooSlow(150, 1000, 10000, 1000)).isTrue();
        assertThat(SamplerSpeed.predictedTooSlow(50, 1000, 10000, 1000)).isFalse();
    }

    @Test
    void anUnknownSamplerFailsWithTheNamesItKnows() {
        assertThatThrownBy(() -> SamplerSpeed.run(SamplerSpeed.Options.parse(new String[] {"--sampler", "nope",
            "--out", dir.resolve("s.json").toString()}), System.out))
                .hasMessageContaining("nope").hasMessageContaining("tpe").hasMessageContaining("random");
    }

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        SamplerSpeed.Options defaults = SamplerSpeed.Options.parse("--sampler", "gp");
        assertThat(defaults.sampler()).isEqualTo("gp");
        assertThat(defaults.samplerOptions()).isEmpty();
        assertThat(defaults.sizes()).containsExactly(100, 1000, 10000);
        assertThat(defaults.maxMs()).isEqualTo(1000.0);
        assertThat(defaults.reps()).isEqualTo(20);
        assertThat(defaults.out()).isEqualTo(Path.of("benchmarks/target/results/speed.json"));

        SamplerSpeed.Options given = SamplerSpeed.Options.parse("--reference", "speed.json", "--out", "a.json",
                "--sampler", "tpe", "--option", "multivariate=false", "--option", "gamma=0.2", "--sizes", "1000,100",
                "--max-ms", "2.5", "--reps", "3", "--out", "b.json", "--commit", "abc");
        assertThat(given.samplerOptions()).containsExactly(entry("multivariate", "false"), entry("gamma", "0.2"));
        assertThat(given.sizes()).containsExactly(100, 1000);
        assertThat(given.maxMs()).isEqualTo(2.5);
        assertThat(given.reps()).isEqualTo(3);
        assertThat(given.out()).isEqualTo(Path.of("b.json"));
        assertThat(given.commit()).isEqualTo("abc");

        assertThatThrownBy(() -> SamplerSpeed.Options.parse("--sampler", "tpe", "--large", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --large; use --sampler,"
                        + " --option, --sizes, --max-ms, --reps, --out, --commit or --reference (--help describes them)");
        assertThatThrownBy(() -> SamplerSpeed.Options.parse("--sizes", "100")).hasMessageContaining("--sampler is missing");
        assertThatThrownBy(() -> SamplerSpeed.Options.parse("--sampler", "tpe", "--option", "gamma"))
                .hasMessageContaining("must read key=value");
    }

}
