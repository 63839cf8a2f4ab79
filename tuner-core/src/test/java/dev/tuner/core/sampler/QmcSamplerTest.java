package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QmcSamplerTest extends SamplerContractTest {

    @Override
    Sampler sampler(long seed) {
        return new QmcSampler(seed);
    }

    /** Sobol dimensions follow the order knobs first appear, so the order matters; what holds instead: */
    @Override
    @Test
    void aKnobsValueDoesNotDependOnTheOrderKnobsAreRead() {
        Study first = Studies.inMemory("contract", new QmcSampler(5));
        Study second = Studies.inMemory("contract", new QmcSampler(5));
        first.optimize(trial -> trial.suggestFloat("x", 0, 1) + trial.suggestFloat("y", 0, 1), 16);
        second.optimize(trial -> trial.suggestFloat("a", 0, 1) + trial.suggestFloat("b", 0, 1), 16);

        // the same dimensions give the same points, whatever the knobs are called
        assertThat(first.trials().stream().map(trial -> trial.params().values().toString()).toList())
                .isEqualTo(second.trials().stream().map(trial -> trial.params().values().toString()).toList());
    }

    @Test
    void sixteenPointsFillEachQuarterOfTheSquareFourTimes() {
        Study study = Studies.inMemory("contract", new QmcSampler(11));
        study.optimize(trial -> trial.suggestFloat("x", 0, 1) + trial.suggestFloat("y", 0, 1), 16);

        int[] quarters = new int[4];
        study.trials().forEach(trial -> {
            double x = (Double) trial.params().get("x");
            double y = (Double) trial.params().get("y");
            quarters[(x < 0.5 ? 0 : 1) + (y < 0.5 ? 0 : 2)]++;
        });
        // a digitally shifted Sobol net puts exactly 4 of 16 points in each quarter; random draws rarely do
        assertThat(quarters).containsExactly(4, 4, 4, 4);
        assertThat(Arrays.stream(quarters).sum()).isEqualTo(16);
    }
}
