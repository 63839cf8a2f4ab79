package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSamplerTest extends SamplerContractTest {

    @Override
    Sampler sampler(long seed) {
        return new RandomSampler(seed);
    }

    @Test
    void everyTrialAndKnobGetsItsOwnValue() {
        RandomSampler sampler = new RandomSampler(1);
        Study study = Studies.inMemory("contract", sampler);
        Set<Double> values = new HashSet<>();
        for (int number = 0; number < 100; number++) {
            values.add(sampler.sample(study, number, "x", Uniform.of(0, 1)));
            values.add(sampler.sample(study, number, "y", Uniform.of(0, 1)));
        }

        assertThat(values).hasSize(200);
    }

    @Test
    void givesTheSameValueWhenAskedAgain() {
        RandomSampler sampler = new RandomSampler(1);
        Study study = Studies.inMemory("contract", sampler);

        assertThat(sampler.sample(study, 3, "x", Uniform.of(0, 1)))
                .isEqualTo(new RandomSampler(1).sample(study, 3, "x", Uniform.of(0, 1)));
    }

    @Test
    void namesItsSeed() {
        assertThat(new RandomSampler(17)).hasToString("RandomSampler[seed=17]");
    }
}
