package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
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
}
