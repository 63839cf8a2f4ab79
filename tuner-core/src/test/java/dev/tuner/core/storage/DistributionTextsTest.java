package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.Uniform;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DistributionTextsTest {

    private final DistributionTexts texts = new DistributionTexts();

    @Test
    void writesEachDistributionOnceWhetherTheSameObjectOrAnEqualOneComesBack() {
        Uniform annotated = Uniform.of(-10, 10);
        byte[] first = texts.json("x", annotated);

        assertThat(texts.json("x", annotated)).isSameAs(first);
        assertThat(texts.json("x", Uniform.of(-10, 10))).as("define-by-run: an equal object").isSameAs(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(DistributionJson.write(annotated));
    }

    @Test
    void aKnobWhoseDistributionChangesGetsEachOnesJson() {
        for (int max = 1; max < 600; max++) {
            IntUniform range = new IntUniform(0, max, 1, false);
            assertThat(new String(texts.json("n", range), StandardCharsets.UTF_8)).isEqualTo(DistributionJson.write(range));
        }
        assertThat(new String(texts.json("x", Uniform.of(0, 1)), StandardCharsets.UTF_8))
                .isEqualTo(DistributionJson.write(Uniform.of(0, 1)));
    }
}
