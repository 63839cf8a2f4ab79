package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void streamSeedsAreAFunctionOfSeedTrialAndName() {
        assertThat(Seeds.stream(1, 2, "x")).isEqualTo(Seeds.stream(1, 2, "x"));
    }

    @Test
    void neighbouringInputsGiveDistinctStreamSeeds() {
        Set<Long> seeds = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            for (int trial = 0; trial < 10; trial++) {
                for (String name : new String[] {"x", "y", "xy", "yx", "x0", ""}) {
                    seeds.add(Seeds.stream(seed, trial, name));
                }
            }
        }

        assertThat(seeds).hasSize(10 * 10 * 6);
    }

    @Test
    void freshSeedsDiffer() {
        assertThat(Seeds.fresh()).isNotEqualTo(Seeds.fresh());
    }

    @Test
    void generatorsGiveTheStreamsOfRandomSourceForTheSameSeed() {
        SplittableRandom seeds = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            long seed = i < 3 ? i - 1 : seeds.nextLong();
            int trial = seeds.nextInt(-2, 100_000);
            String name = "knob" + seeds.nextInt(100);
            UniformRandomProvider ours = Seeds.generator(seed, trial, name);
            UniformRandomProvider theirs = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.stream(seed, trial, name));
            for (int draw = 0; draw < 5; draw++) {
                assertThat(ours.nextLong()).as("seed %d, trial %d, %s, draw %d", seed, trial, name, draw)
                        .isEqualTo(theirs.nextLong());
            }
            assertThat(Seeds.splitMix(seed, trial, name))
                    .isEqualTo(RandomSource.SPLIT_MIX_64.create(Seeds.stream(seed, trial, name)).nextLong());
        }
    }
}
