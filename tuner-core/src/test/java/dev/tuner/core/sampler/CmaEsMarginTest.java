package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CmaEsMarginTest {

    static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** "a": an int 0..9 (cells of width 0.1 in unit coordinates), "b": a real. */
    static CmaEsSpace space() {
        Map<String, Suggestion> knobs = new LinkedHashMap<>();
        knobs.put("a", new Suggestion(IntUniform.of(0, 9), 5));
        knobs.put("b", new Suggestion(Uniform.of(0, 1), 0.5));
        return CmaEsSpace.of(new FrozenTrial(0, TrialState.COMPLETE, OptionalDouble.of(1), knobs, Optional.empty(),
                Instant.EPOCH, Optional.of(Instant.EPOCH)));
    }

    static CmaEsState collapsed(double a, double b) {
        return new CmaEsState(new double[] {a, b}, 1e-3, new double[] {1, 1}, 6);
    }

    @Test
    void theMarginIsOneOverNLambda() {
        assertThat(new CmaEsMargin(space(), 6).alpha()).isEqualTo(1.0 / 12);
    }

    @Test
    void aCollapsedCoordinateInsideTheGridGetsTailsOfHalfTheMarginOnEachSide() {
        CmaEsState state = collapsed(0.55, 0.3);
        CmaEsMargin margin = new CmaEsMargin(space(), 6);
        margin.correct(state);

        double m = state.mean()[0];
        double s = state.sigma() * margin.factor(0);
        assertThat(m).isCloseTo(0.55, Offset.offset(1e-12));
        assertThat(NORMAL.cumulativeProbability((0.5 - m) / s)).isCloseTo(1.0 / 24, Offset.offset(1e-9));
        assertThat(1 - NORMAL.cumulativeProbability((0.6 - m) / s)).isCloseTo(1.0 / 24, Offset.offset(1e-9));
        // the real coordinate is left alone
        assertThat(state.mean()[1]).isEqualTo(0.3);
        assertThat(margin.factor(1)).isEqualTo(1.0);
    }

    @Test
    void aCollapsedCoordinateInTheGridsFirstCellMovesTowardsItsBoundary() {
        CmaEsState state = collapsed(0.02, 0.3);
        CmaEsMargin margin = new CmaEsMargin(space(), 6);
        margin.correct(state);

        double m = state.mean()[0];
        assertThat(1 - NORMAL.cumulativeProbability((0.1 - m) / state.sigma())).isCloseTo(1.0 / 12, Offset.offset(1e-9));
        assertThat(margin.factor(0)).isEqualTo(1.0);
    }

    @Test
    void aWideDistributionIsLeftAsItIs() {
        CmaEsState state = new CmaEsState(new double[] {0.55, 0.3}, 0.2, new double[] {1, 1}, 6);
        CmaEsMargin margin = new CmaEsMargin(space(), 6);
        margin.correct(state);

        assertThat(state.mean()).containsExactly(0.55, 0.3);
        assertThat(margin.factor(0)).isEqualTo(1.0);
    }

    @Test
    void theFactorWidensOnlyHowAGridCoordinateIsRounded() {
        CmaEsState state = collapsed(0.55, 0.3);
        CmaEsMargin margin = new CmaEsMargin(space(), 6);
        margin.correct(state);
        double a = margin.factor(0);

        assertThat(a).isGreaterThan(1);
        assertThat(margin.encode(new double[] {0.551, 0.301}, state.mean()))
                .containsExactly(new double[] {0.55 + a * 0.001, 0.301}, Offset.offset(1e-12));
    }
}
