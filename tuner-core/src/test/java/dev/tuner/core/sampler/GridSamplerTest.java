package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GridSamplerTest extends SamplerContractTest {

    @Override
    Sampler sampler(long seed) {
        return new GridSampler(seed, 5);
    }

    /** A grid walks knobs as digits in reading order, so the order matters; what holds instead: */
    @Override
    @Test
    void aKnobsValueDoesNotDependOnTheOrderKnobsAreRead() {
        Study study = Studies.inMemory("contract", new GridSampler(3, 4));
        study.optimize(trial -> trial.suggestFloat("x", 0, 1) + trial.suggestInt("k", 1, 3)
                + trial.suggestCategorical("c", List.of("a", "b")).length(), 24);

        Set<List<Object>> combinations = study.trials().stream()
                .map(trial -> List.copyOf(trial.params().values()))
                .collect(Collectors.toSet());
        // 4 x 3 x 2 combinations, each visited once in the first 24 trials
        assertThat(combinations).hasSize(24);
    }

    @Test
    void continuousRangesSplitEvenlyOnTheirScale() {
        GridSampler grid = new GridSampler(0, 5);

        assertThat(grid.grid(Uniform.of(0, 1))).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(grid.grid(Uniform.of(0, 1).quantized(0.1))).hasSize(5).contains(0.0, 0.5, 1.0);
        assertThat(grid.grid(IntUniform.of(1, 9).withStep(2))).containsExactly(1, 3, 5, 7, 9);
        assertThat(grid.grid(LogUniform.of(1e-4, 1))).hasSize(5)
                .satisfies(values -> assertThat(values[2]).isCloseTo(1e-2, org.assertj.core.data.Offset.offset(1e-6)));
        assertThat(grid.grid(IntUniform.of(1, 3))).containsExactly(1, 2, 3);
        assertThat(grid.grid(IntUniform.of(0, 100))).hasSize(5).contains(0.0, 100.0);
        assertThat(grid.grid(Choice.of("a", "b", "c"))).containsExactly(0, 1, 2);
        assertThat(grid.grid(Normal.of(0, 1).clipped(-1, 1))).containsExactly(-1, 0, 1);
    }

    @Test
    void everyCombinationComesBeforeAnyRepeats() {
        Study study = Studies.inMemory("contract", new GridSampler(9, 3));
        study.optimize(trial -> trial.suggestFloat("x", -1, 1) * trial.suggestFloat("y", -1, 1), 18);

        List<Map<String, Object>> params = study.trials().stream().map(FrozenTrial::params).toList();
        assertThat(params.subList(0, 9)).doesNotHaveDuplicates();
        assertThat(params.subList(9, 18)).containsExactlyInAnyOrderElementsOf(params.subList(0, 9));
    }

    @Test
    void pointsAreAnOption() {
        assertThat(Samplers.create("grid", 1, Map.of("points", "3"))).isInstanceOf(GridSampler.class);
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("grid", 1, Map.of("size", "3")))
                .withMessageContaining("'points'");
        assertThatIllegalArgumentException().isThrownBy(() -> new GridSampler(1, 1));
    }
}
