package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkedTuningTest {

    @Test
    void argumentFileLinesAreQuotedAndEscaped() {
        assertThat(ForkedTuning.quoted(List.of("-cp", "C:\\lib\\a.jar", "say \"hi\"", "with space")))
                .containsExactly("\"-cp\"", "\"C:\\\\lib\\\\a.jar\"", "\"say \\\"hi\\\"\"", "\"with space\"");
    }
}
