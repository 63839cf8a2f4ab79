package dev.tuner.benchmarks.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
