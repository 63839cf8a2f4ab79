package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.junit.jupiter.api.Test;

class LogNormalTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return LogNormal.of(0, 1);
    }

    @Override
    Object foreignValue() {
        return 1L;
    }

    @Override
    List<Distribution> variants() {
        return List.of(LogNormal.of(0, 1), LogNormal.of(Math.log(100), 0.5).clipped(10, 1000),
                LogNormal.of(1, 0.5).quantized(0.5), LogNormal.of(2, 1).clipped(1, 50).quantized(1));
    }

    @Test
    void drawsFitTheLogNormalDistribution() {
        double pValue = GoodnessOfFit.ks(new LogNormalDistribution(null, 0, 1, 1e-9), draws(LogNormal.of(0, 1)));

        assertThat(pValue).isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void logarithmsOfClippedDrawsFitTheTruncatedNormal() {
        double[] logs = Arrays.stream(draws(LogNormal.of(Math.log(100), 0.5).clipped(10, 1000))).map(Math::log).toArray();

        double pValue = GoodnessOfFit.ks(new TruncatedNormalReference(Math.log(100), 0.5, Math.log(10), Math.log(1000)), logs);

        assertThat(pValue).isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void quantizedDrawsFitTheRoundedLogNormal() {
        LogNormalDistribution reference = new LogNormalDistribution(null, 1, 0.5, 1e-9);

        Map<Double, Double> expected = GoodnessOfFit.quantizedProbabilities(0.5, 0, 200, reference::cumulativeProbability);

        assertThat(GoodnessOfFit.chiSquare(draws(LogNormal.of(1, 0.5).quantized(0.5)), expected))
                .isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void logDensityIsTheLogNormals() {
        LogNormalDistribution reference = new LogNormalDistribution(null, 0, 1, 1e-9);

        assertThat(LogNormal.of(0, 1).logDensity(2.5)).isCloseTo(reference.logDensity(2.5), within(1e-12));
        assertThat(LogNormal.of(0, 1).logDensity(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogNormal.of(0, 1).logDensity(-1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aQuantizedLogNormalCanReachZero() {
        LogNormal counts = LogNormal.of(0, 1).quantized(1);

        // 0 takes every draw below 0.5
        assertThat(Math.exp(counts.logDensity(0)))
                .isCloseTo(new LogNormalDistribution(null, 0, 1, 1e-9).cumulativeProbability(0.5), within(1e-12));
        assertThat(counts.low()).isZero();
    }

    @Test
    void rejectsANegativeMin() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogNormal.of(0, 1).clipped(-1, 10))
                .withMessageContaining("min must be at least 0, but it is -1.0");
    }

    @Test
    void rejectsAStandardDeviationThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> LogNormal.of(0, 0)).withMessageContaining("sd must be positive");
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(LogNormal.of(0, 1)).hasToString("lognormal(0, 1)");
        assertThat(LogNormal.of(2, 1).clipped(1, 50).quantized(1)).hasToString("lognormal(2, 1, min=1, max=50, q=1)");
    }

    @Test
    void narrowingWorksInLogSpace() {
        LogNormal narrowed = (LogNormal) LogNormal.of(0, 2).clipped(1e-4, 1e4).narrow(100, 0.5);

        assertThat(narrowed.mean()).isCloseTo(Math.log(100) / 2, within(1e-12));
        assertThat(narrowed.sd()).isEqualTo(1);
        assertThat(narrowed.min()).isCloseTo(0.1, within(1e-12));
        assertThat(narrowed.max()).isCloseTo(1e3, within(1e-9));
    }

    @Test
    void narrowingAroundAQuantizedZeroKeepsZero() {
        LogNormal counts = LogNormal.of(0, 1).quantized(1);

        Distribution narrowed = counts.narrow(0, 0.5);

        assertThat(narrowed.contains(narrowed.toInternal(0.0))).isTrue();
    }
}
