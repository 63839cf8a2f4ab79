package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.json.DistributionJson;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return Normal.of(0.5, 0.2).clipped(0, 1);
    }

    @Override
    Object foreignValue() {
        return 1;
    }

    @Override
    List<Distribution> variants() {
        return List.of(Normal.of(3, 2), Normal.of(0.5, 0.2).clipped(0, 1), Normal.of(0, 1).clipped(1.5, 4),
                Normal.of(0, 1).clipped(-4, -1.5), Normal.of(10, 3).quantized(1), Normal.of(0, 10).clipped(-12, 30).quantized(5),
                Normal.of(0, 1).clipped(Double.NEGATIVE_INFINITY, 0.5));
    }

    @Test
    void drawsFitTheNormalDistribution() {
        double pValue = GoodnessOfFit.ks(new NormalDistribution(null, 3, 2), draws(Normal.of(3, 2)));

        assertThat(pValue).isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void clippedDrawsFitTheTruncatedNormal() {
        double pValue = GoodnessOfFit.ks(new TruncatedNormalReference(0.5, 0.2, 0, 1),
                draws(Normal.of(0.5, 0.2).clipped(0, 1)));

        assertThat(pValue).isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void drawsClippedToATailFitTheTruncatedNormal() {
        // both tails: the upper one is sampled through its mirror image
        assertThat(GoodnessOfFit.ks(new TruncatedNormalReference(0, 1, 1.5, 4), draws(Normal.of(0, 1).clipped(1.5, 4))))
                .isGreaterThan(GoodnessOfFit.ALPHA);
        assertThat(GoodnessOfFit.ks(new TruncatedNormalReference(0, 1, -4, -1.5), draws(Normal.of(0, 1).clipped(-4, -1.5))))
                .isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void clippingIsTruncationNotPilingUpOnTheBounds() {
        double[] draws = draws(Normal.of(0.5, 0.2).clipped(0.4, 0.6));

        // clip(x) would put about 31% of the draws on each bound
        long onBounds = java.util.Arrays.stream(draws).filter(x -> x == 0.4 || x == 0.6).count();
        assertThat(onBounds).isZero();
        assertThat(GoodnessOfFit.ks(new NormalDistribution(null, 0.5, 0.2), draws)).isLessThan(1e-6);
    }

    @Test
    void quantizedDrawsFitTheRoundedNormal() {
        Normal quantized = Normal.of(0, 10).clipped(-12, 30).quantized(5);
        TruncatedNormalReference reference = new TruncatedNormalReference(0, 10, -12, 30);

        Map<Double, Double> expected = GoodnessOfFit.quantizedProbabilities(5, -10, 30, reference::cumulativeProbability);

        assertThat(GoodnessOfFit.chiSquare(draws(quantized), expected)).isGreaterThan(GoodnessOfFit.ALPHA);
        // and the log-density of each value is the log of that mass
        expected.forEach((value, probability) ->
                assertThat(Math.exp(quantized.logDensity(value))).as("P(%s)", value).isCloseTo(probability, within(1e-12)));
    }

    @Test
    void unclippedQuantizedDrawsFitTheRoundedNormal() {
        NormalDistribution reference = new NormalDistribution(null, 10, 3);

        Map<Double, Double> expected = GoodnessOfFit.quantizedProbabilities(1, -40, 60, reference::cumulativeProbability);

        assertThat(GoodnessOfFit.chiSquare(draws(Normal.of(10, 3).quantized(1)), expected))
                .isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void logDensityIsTheNormalsRenormalizedOnTheRange() {
        NormalDistribution reference = new NormalDistribution(null, 0.5, 0.2);
        double mass = reference.cumulativeProbability(1) - reference.cumulativeProbability(0);

        assertThat(Normal.of(0.5, 0.2).logDensity(0.7)).isCloseTo(reference.logDensity(0.7), within(1e-12));
        assertThat(Normal.of(0.5, 0.2).clipped(0, 1).logDensity(0.7))
                .isCloseTo(reference.logDensity(0.7) - Math.log(mass), within(1e-12));
        assertThat(Normal.of(0.5, 0.2).clipped(0, 1).logDensity(1.01)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "NaN", "Infinity"})
    void rejectsAStandardDeviationThatIsNotPositive(double sd) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Normal.of(0, sd))
                .withMessageContaining("sd must be positive and finite, but it is " + sd);
    }

    @Test
    void rejectsANonFiniteMean() {
        assertThatIllegalArgumentException().isThrownBy(() -> Normal.of(Double.NaN, 1))
                .withMessageContaining("mean must be finite").withMessageEndingWith("; give a finite value for the mean");
    }

    @Test
    void rejectsMinNotBelowMax() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Normal.of(0, 1).clipped(1, 1))
                .withMessageContaining("min (1.0) must be less than max (1.0)");
    }

    @Test
    void rejectsARangeThatHoldsAlmostNoneOfTheMass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Normal.of(0, 1).clipped(20, 30))
                .withMessageContaining("holds almost none")
                .withMessageContaining("move the mean into the range, widen sd, or widen the range");
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(Normal.of(0, 1)).hasToString("normal(0, 1)");
        assertThat(Normal.of(0.5, 0.2).clipped(0, 1).quantized(0.1)).hasToString("normal(0.5, 0.2, min=0, max=1, q=0.1)");
        assertThat(Normal.of(0, 1).clipped(Double.NEGATIVE_INFINITY, 3)).hasToString("normal(0, 1, max=3)");
    }

    @Test
    void unboundedSidesStayOutOfTheJson() {
        assertThat(DistributionJson.write(Normal.of(0, 1).clipped(Double.NEGATIVE_INFINITY, 3)))
                .isEqualTo("{\"type\":\"normal\",\"mean\":0.0,\"sd\":1.0,\"max\":3.0}");
    }

    @Test
    void narrowingMovesTheMeanTowardsTheGuessAndScalesSd() {
        assertThat(Normal.of(0, 2).narrow(4, 0.5)).isEqualTo(Normal.of(2, 1));
        assertThat(Normal.of(0.5, 0.2).clipped(0, 1).narrow(0.8, 0.5)).isEqualTo(Normal.of(0.65, 0.1).clipped(0.4, 0.9));
    }

    @Test
    void aNarrowedQuantizedNormalCollapsesWhenOneMultipleIsLeft() {
        assertThat(Normal.of(0, 10).clipped(-12, 30).quantized(5).narrow(10, 0.1)).isEqualTo(Fixed.of(10.0));
    }
}
