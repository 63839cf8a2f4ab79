package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorMassTest {

    private static PriorMass mass(Distribution distribution, double sample) {
        FrozenTrial trial = ReportStudies.finished(0, TrialState.COMPLETE, 1,
                Map.of("k", new Suggestion(distribution, sample)));
        Knob knob = Knob.of(List.of(trial)).get(0);
        return new PriorMass(knob, new double[] {sample});
    }

    @Test
    void aUniformRangeSplitsItsMassByWidth() {
        PriorMass prior = mass(Uniform.of(-5, 10), 0);

        assertThat(prior.mass(-5, 0, false)).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(prior.mass(-5, 10, true)).isCloseTo(1, within(1e-9));
    }

    @Test
    void aLogUniformRangeGivesEachDecadeTheSameMass() {
        PriorMass prior = mass(LogUniform.of(1e-5, 1e-1), 1e-3);

        assertThat(prior.mass(1e-5, 1e-4, false)).isCloseTo(0.25, within(1e-6));
        assertThat(prior.mass(1e-2, 1e-1, true)).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void aClippedNormalIntegratesToOne() {
        PriorMass prior = mass(Normal.of(0.3, 0.2).clipped(0, 0.9), 0.3);

        double total = 0;
        for (int bin = 0; bin < 9; bin++) {
            total += prior.mass(bin * 0.1, (bin + 1) * 0.1, bin == 8);
        }
        assertThat(total).isCloseTo(1, within(1e-4));
    }

    @Test
    void integersSumTheProbabilitiesOfTheirValues() {
        PriorMass prior = mass(IntUniform.of(1, 8), 4);

        assertThat(prior.isDiscrete()).isTrue();
        assertThat(prior.values(1, 8, 100)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(prior.mass(1, 3, false)).isCloseTo(0.25, within(1e-12));
        assertThat(prior.values(1, 8, 5)).isNull();
    }

    @Test
    void manyValuesAreIntegratedRatherThanListed() {
        PriorMass prior = mass(IntUniform.of(0, 1_000_000), 4);

        assertThat(prior.mass(0, 500_000, false)).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void aQuantizedRangeListsItsMultiples() {
        PriorMass prior = mass(Uniform.of(0, 0.5).quantized(0.05), 0.1);

        double[] values = prior.values(0, 0.5, 100);
        assertThat(values).hasSize(11);
        double total = 0;
        for (double value : values) {
            total += prior.probability(value);
        }
        assertThat(total).isCloseTo(1, within(1e-9));
    }
}
