package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpSpaceTest {

    private static final List<Distribution> KNOBS = List.of(Uniform.of(-10, 10), LogUniform.of(1e-4, 1e-1),
            IntUniform.of(2, 64).withStep(2), IntUniform.of(1, 1024).onLogScale(), Uniform.of(0, 0.5).quantized(0.05),
            Choice.of("relu", "tanh", "elu"), Bool.of());
    private final GpSpace space = new GpSpace(List.of("a", "b", "c", "d", "e", "f", "g"), KNOBS);

    @Test
    void numericInputsSpanTheUnitIntervalLogKnobsOnTheLogScale() {
        assertThat(space.encode(0, -10)).isZero();
        assertThat(space.encode(0, 10)).isEqualTo(1);
        assertThat(space.encode(0, 0)).isCloseTo(0.5, within(1e-12));
        // 1e-2.5 is the middle of [1e-4, 1e-1] on the log scale
        assertThat(space.encode(1, Math.pow(10, -2.5))).isCloseTo(0.5, within(1e-12));
        assertThat(space.decode(1, 0.5)).isCloseTo(Math.pow(10, -2.5), within(1e-15));
    }

    @Test
    void gridKnobsDecodeOntoTheirGridAndEveryValueRoundTrips() {
        for (int i = 2; i <= 4; i++) {
            for (double u = 0; u <= 1; u += 0.01) {
                double value = space.decode(i, u);
                assertThat(KNOBS.get(i).contains(value)).as("%s contains %s", KNOBS.get(i), value).isTrue();
                assertThat(space.decode(i, space.encode(i, value))).isEqualTo(value);
                assertThat(space.snap(i, u)).isEqualTo(space.encode(i, value));
            }
        }
        // 32 values of the stepped range own cells of equal width
        assertThat(space.decode(2, 0.0)).isEqualTo(2);
        assertThat(space.decode(2, 1.0)).isEqualTo(64);
        assertThat(space.decode(2, 0.5 / 32)).isEqualTo(2);
        assertThat(space.decode(2, 1.5 / 32)).isEqualTo(4);
    }

    @Test
    void categoricalKnobsAreTheirOptionIndex() {
        assertThat(space.categorical(5)).isTrue();
        assertThat(space.options(5)).isEqualTo(3);
        assertThat(space.encode(5, 2)).isEqualTo(2);
        assertThat(space.fromUnit(5, 0.99)).isEqualTo(2);
        assertThat(space.fromUnit(6, 0.2)).isZero();
        assertThat(space.categorical(0)).isFalse();
    }

    @Test
    void normalAndSingleValueKnobsAreLeftToTheFallback() {
        assertThat(GpSpace.models(Normal.of(0, 1))).isFalse();
        assertThat(GpSpace.models(LogNormal.of(0, 1))).isFalse();
        assertThat(GpSpace.models(Choice.of("only"))).isFalse();
        assertThat(KNOBS).allMatch(GpSpace::models);
    }
}
