package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Distribution} promises, run against each implementation by a subclass.
 */
abstract class DistributionContractTest {

    static final int DRAWS = 10_000;

    /** The distribution under test; a fresh or equal instance on each call. */
    abstract Distribution distribution();

    /** A value of a type the distribution never produces. */
    abstract Object foreignValue();

    static UniformRandomProvider rng() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
    }

    static double[] draws(Distribution distribution) {
        UniformRandomProvider rng = rng();
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = distribution.sample(rng);
        }
        return draws;
    }

    @Test
    void everySampleLiesInTheRange() {
        Distribution distribution = distribution();
        for (double draw : draws(distribution)) {
            assertThat(distribution.contains(draw)).as("contains(%s)", draw).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        assertThat(draws(distribution())).containsExactly(draws(distribution()));
    }

    @Test
    void externalValuesRoundTripToTheirInternalValues() {
        Distribution distribution = distribution();
        for (double draw : draws(distribution)) {
            Object external = distribution.toExternal(draw);
            assertThat(distribution.toInternal(external)).isEqualTo(draw);
        }
    }

    @Test
    void rejectsValuesOfAnotherType() {
        assertThatIllegalArgumentException().isThrownBy(() -> distribution().toInternal(foreignValue()));
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> distribution().toInternal(null));
    }

    @Test
    void isAValue() {
        assertThat(distribution()).isEqualTo(distribution()).hasSameHashCodeAs(distribution());
    }
}
