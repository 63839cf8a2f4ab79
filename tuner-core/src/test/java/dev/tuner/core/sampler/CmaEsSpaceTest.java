package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CmaEsSpaceTest {

    static final List<Distribution> NUMERIC = List.of(Uniform.of(-10, 10), Uniform.of(0, 0.5).quantized(0.05),
            LogUniform.of(1e-5, 1e-1), IntUniform.of(1, 8), IntUniform.of(2, 64).withStep(2),
            IntUniform.of(1, 1024).onLogScale());

    static FrozenTrial trial(Map<String, Suggestion> suggestions) {
        return new FrozenTrial(0, TrialState.COMPLETE, OptionalDouble.of(1), suggestions, Optional.empty(),
                Instant.EPOCH, Optional.of(Instant.EPOCH));
    }

    static CmaEsSpace numericSpace() {
        Map<String, Suggestion> knobs = new LinkedHashMap<>();
        for (int k = NUMERIC.size() - 1; k >= 0; k--) {
            knobs.put("k" + k, new Suggestion(NUMERIC.get(k), NUMERIC.get(k).sample(Seeds.generator(1, k, "x"))));
        }
        return CmaEsSpace.of(trial(knobs));
    }

    @Test
    void holdsTheNumericKnobsInNameOrderAndLeavesTheRestOut() {
        Map<String, Suggestion> knobs = new LinkedHashMap<>();
        knobs.put("z", new Suggestion(Uniform.of(0, 1), 0.5));
        knobs.put("act", new Suggestion(Choice.of("relu", "tanh"), 1));
        knobs.put("flag", new Suggestion(Bool.of(), 0));
        knobs.put("noise", new Suggestion(Normal.of(0, 1), 0.3));
        knobs.put("lrQ", new Suggestion(LogUniform.of(16, 4096).quantized(16), 64));
        knobs.put("a", new Suggestion(IntUniform.of(1, 8), 3));

        assertThat(CmaEsSpace.of(trial(knobs)).names()).containsExactly("a", "z");
    }

    @Test
    void theUnitCoordinateOfAProposalMapsBackOntoTheSameValue() {
        CmaEsSpace space = numericSpace();
        for (int i = 0; i <= 100; i++) {
            double[] u = new double[space.dimension()];
            java.util.Arrays.fill(u, i / 100.0);
            double[] internals = space.internalsAt(u);
            double[] back = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                assertThat(space.distributions().get(k).contains(internals[k])).as("%s at %s", space.names().get(k), u[k])
                        .isTrue();
                back[k] = space.unitOf(k, internals[k]);
            }
            double[] again = space.internalsAt(back);
            for (int k = 0; k < u.length; k++) {
                assertThat(again[k]).as("%s at %s", space.names().get(k), u[k])
                        .isCloseTo(internals[k], Offset.offset(1e-9 * Math.max(1, Math.abs(internals[k]))));
            }
        }
    }

    @Test
    void aLogKnobIsSearchedOnTheLogScale() {
        CmaEsSpace space = numericSpace();
        int lr = space.names().indexOf("k2");

        assertThat(space.unitOf(lr, 1e-3)).isCloseTo(0.5, Offset.offset(1e-12));
    }

    @Test
    void intersectingDropsKnobsATrialLacksOrHeldWithAnotherRange() {
        CmaEsSpace space = numericSpace();
        Map<String, Suggestion> fewer = new LinkedHashMap<>();
        fewer.put("k0", new Suggestion(Uniform.of(-10, 10), 1));
        fewer.put("k3", new Suggestion(IntUniform.of(1, 9), 3));

        assertThat(space.intersect(trial(fewer)).names()).containsExactly("k0");
        assertThat(space.intersect(trial(numericSpaceTrial()))).isSameAs(space);
    }

    static Map<String, Suggestion> numericSpaceTrial() {
        Map<String, Suggestion> knobs = new LinkedHashMap<>();
        for (int k = 0; k < NUMERIC.size(); k++) {
            knobs.put("k" + k, new Suggestion(NUMERIC.get(k), NUMERIC.get(k).sample(Seeds.generator(2, k, "x"))));
        }
        return knobs;
    }
}
