package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.json.DistributionJson;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Distribution} promises, run by a subclass against each implementation and
 * each of its {@linkplain #variants() variants} (quantized, clipped, stepped).
 */
abstract class DistributionContractTest {

    static final int DRAWS = 10_000;

    /** The distribution under test; a fresh or equal instance on each call. */
    abstract Distribution distribution();

    /** A value of a type the distribution never produces. */
    abstract Object foreignValue();

    /** The distribution and its variants, each held to the contract. */
    List<Distribution> variants() {
        return List.of(distribution());
    }

    static UniformRandomProvider rng() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
    }

    static double[] draws(Distribution distribution) {
        return draws(distribution, DRAWS);
    }

    static double[] draws(Distribution distribution, int count) {
        UniformRandomProvider rng = rng();
        double[] draws = new double[count];
        for (int i = 0; i < count; i++) {
            draws[i] = distribution.sample(rng);
        }
        return draws;
    }

    @Test
    void everySampleLiesInTheRange() {
        for (Distribution distribution : variants()) {
            for (double draw : draws(distribution)) {
                // plain checks first: ten thousand assertion objects take a while
                if (!distribution.contains(draw) || draw < distribution.low() || draw > distribution.high()) {
                    assertThat(distribution.contains(draw)).as("%s contains(%s)", distribution, draw).isTrue();
                    assertThat(draw).as("%s draw", distribution).isBetween(distribution.low(), distribution.high());
                }
            }
        }
    }

    @Test
    void everySampleHonoursQAndStep() {
        for (Distribution distribution : variants()) {
            double q = Mass.q(distribution);
            for (double draw : draws(distribution)) {
                // checked independently of contains(): within rounding of a multiple of q, on the step grid
                boolean onGrid = true;
                if (!Double.isNaN(q)) {
                    onGrid = Math.abs(draw / q - Math.rint(draw / q)) < 1e-9;
                } else if (distribution instanceof IntUniform intUniform) {
                    onGrid = draw == Math.rint(draw) && ((long) draw - intUniform.min()) % intUniform.step() == 0;
                }
                if (!onGrid) {
                    throw new AssertionError(distribution + " drew " + draw + ", off its grid");
                }
            }
        }
    }

    @Test
    void everySampleHasAFiniteLogDensity() {
        for (Distribution distribution : variants()) {
            for (double draw : draws(distribution, 1000)) {
                if (!Double.isFinite(distribution.logDensity(draw))) {
                    assertThat(distribution.logDensity(draw)).as("%s logDensity(%s)", distribution, draw).isFinite();
                }
            }
        }
    }

    @Test
    void theDensityIntegratesToOneOverTheRange() {
        for (Distribution distribution : variants()) {
            assertThat(Mass.total(distribution)).as("total mass of %s", distribution).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void valuesOutsideHaveNoDensity() {
        for (Distribution distribution : variants()) {
            assertThat(distribution.logDensity(Double.NaN)).isEqualTo(Double.NEGATIVE_INFINITY);
            if (Double.isFinite(distribution.low())) {
                assertThat(distribution.logDensity(distribution.low() - 1)).as("%s below", distribution)
                        .isEqualTo(Double.NEGATIVE_INFINITY);
            }
            if (Double.isFinite(distribution.high())) {
                assertThat(distribution.logDensity(distribution.high() + 1)).as("%s above", distribution)
                        .isEqualTo(Double.NEGATIVE_INFINITY);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        for (Distribution distribution : variants()) {
            assertThat(Arrays.equals(draws(distribution), draws(distribution))).as("%s", distribution).isTrue();
        }
    }

    @Test
    void externalValuesRoundTripToTheirInternalValues() {
        for (Distribution distribution : variants()) {
            for (double draw : draws(distribution)) {
                Object external = distribution.toExternal(draw);
                if (distribution.toInternal(external) != draw) {
                    assertThat(distribution.toInternal(external)).as("%s of %s", external, distribution).isEqualTo(draw);
                }
            }
        }
    }

    @Test
    void rejectsValuesOfAnotherType() {
        for (Distribution distribution : variants()) {
            assertThatIllegalArgumentException().isThrownBy(() -> distribution.toInternal(foreignValue()));
        }
    }

    @Test
    void rejectsNull() {
        for (Distribution distribution : variants()) {
            assertThatIllegalArgumentException().isThrownBy(() -> distribution.toInternal(null));
        }
    }

    @Test
    void isAValue() {
        assertThat(distribution()).isEqualTo(distribution()).hasSameHashCodeAs(distribution());
        assertThat(distribution().toString()).isEqualTo(distribution().toString());
    }

    @Test
    void itsJsonFormReadsBackAsAnEqualDistribution() {
        for (Distribution distribution : variants()) {
            String json = DistributionJson.write(distribution);

            Distribution read = DistributionJson.read(json);

            assertThat(read).as(json).isEqualTo(distribution).hasToString(distribution.toString());
        }
    }

    @Test
    void theTextFormNamesTheKindAndItsParameters() {
        for (Distribution distribution : variants()) {
            assertThat(distribution.toString()).matches("[a-z]+\\(.*\\)");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, 0.1, 1e-9})
    void narrowingKeepsTheGuessAndStaysInsideTheOriginal(double keptRatio) {
        for (Distribution distribution : variants()) {
            for (double guess : draws(distribution, 20)) {
                Object external = distribution.toExternal(guess);

                Distribution narrowed = distribution.narrow(guess, keptRatio);

                assertThat(narrowed.toExternal(narrowed.toInternal(external))).as("%s narrowed", distribution)
                        .isEqualTo(external);
                for (double draw : draws(narrowed, 200)) {
                    Object value = narrowed.toExternal(draw);
                    if (!distribution.contains(distribution.toInternal(value))) {
                        throw new AssertionError(distribution + " narrowed to " + narrowed + " draws " + value);
                    }
                }
            }
        }
    }

    @Test
    void narrowingToAlmostNothingLeavesOnlyTheGuess() {
        // a custom distribution narrows by its own rule, or not at all
        for (Distribution distribution : variants().stream().filter(d -> !(d instanceof CustomDistribution)).toList()) {
            double guess = draws(distribution, 1)[0];
            Object external = distribution.toExternal(guess);

            Distribution narrowed = distribution.narrow(guess, 1e-12);

            for (double draw : draws(narrowed, 100)) {
                Object value = narrowed.toExternal(draw);
                if (value instanceof Double real && !(narrowed instanceof Fixed)) {
                    // a continuous range narrows to a sliver around the guess; it vanishes only when empty
                    assertThat(real).as("%s narrowed to %s", distribution, narrowed)
                            .isCloseTo((Double) external, within(1e-9 * Math.max(1, Math.abs((Double) external))));
                } else {
                    assertThat(value).as("%s narrowed to %s", distribution, narrowed).isEqualTo(external);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN})
    void narrowingRejectsARatioOutsideZeroToOne(double keptRatio) {
        Distribution distribution = distribution();
        double guess = draws(distribution, 1)[0];

        assertThatIllegalArgumentException()
                .isThrownBy(() -> distribution.narrow(guess, keptRatio))
                .withMessageContaining("the kept ratio must lie in (0, 1]");
    }

    @Test
    void narrowingRejectsAGuessOutside() {
        Distribution distribution = distribution();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> distribution.narrow(Double.NaN, 0.5))
                .withMessageContaining("lies outside");
    }
}
