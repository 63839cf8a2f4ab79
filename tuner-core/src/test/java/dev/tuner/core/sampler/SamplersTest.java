package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SamplersTest {

    @Test
    void createsTheRandomSamplerWithTheSeed() {
        assertThat(Samplers.create("random", 9)).isInstanceOf(RandomSampler.class).hasToString("RandomSampler[seed=9]");
    }

    @Test
    void theDefaultIsAKnownName() {
        assertThat(Samplers.names()).contains(Samplers.DEFAULT);
        assertThat(Samplers.create(Samplers.DEFAULT, 1)).isNotNull();
    }

    @Test
    void rejectsUnknownNamesListingTheKnownOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Samplers.create("cma", 1))
                .withMessageContaining("unknown sampler 'cma'")
                .withMessageContaining("use one of " + String.join(", ", Samplers.names()));
    }

    @Test
    void namesAreCaseSensitive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("Random", 1));
    }
}
