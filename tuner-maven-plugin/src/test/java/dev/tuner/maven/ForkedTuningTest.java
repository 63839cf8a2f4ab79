package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForkedTuningTest {

    @Test
    void argumentFileLinesAreQuotedAndEscaped() {
        assertThat(ForkedTuning.quoted(List.of("-cp", "C:\\lib\\a.jar", "say \"hi\"", "with space")))
                .containsExactly("\"-cp\"", "\"C:\\\\lib\\\\a.jar\"", "\"say \\\"hi\\\"\"", "\"with space\"");
    }

    @Test
    void tunerCoresJarIsTheForkedJvmsAgent() {
        Path core = Path.of("repo", "dev", "tuner", "tuner-core-1.0.jar");

        List<String> arguments = ForkedTuning.arguments(List.of("a.jar", core.toString()), "-Xmx1g",
                Map.of("tuner.seed", "1"), Path.of("target", "test-classes"), Optional.of(core));

        assertThat(arguments).containsSubsequence("-Xmx1g", "-javaagent:" + core, "-Dtuner.seed=1", "-cp",
                ForkedTuning.MAIN_CLASS);
    }

    @Test
    void aDirectoryIsNoAgentSoTheEngineAttachesIt() {
        List<String> arguments = ForkedTuning.arguments(List.of("tuner-core/target/classes"), null, Map.of(),
                Path.of("target", "test-classes"), Optional.of(Path.of("tuner-core", "target", "classes")));

        assertThat(arguments).noneMatch(argument -> argument.startsWith("-javaagent"));
    }
}
