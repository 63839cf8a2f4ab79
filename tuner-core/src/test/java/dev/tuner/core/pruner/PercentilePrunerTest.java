package dev.tuner.core.pruner;

import static dev.tuner.core.pruner.History.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.Direction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentilePrunerTest extends PrunerContractTest {

    @Override
    Pruner pruner() {
        return Pruners.create("percentile", Map.of());
    }

    /** Eight completed trials that held 1, ..., 8: the 25th percentile is 2.75, the 75th 6.25. */
    private static History eightCompleted(Direction direction, double percentile) {
        History history = new History(direction, PercentilePruner.builder(percentile).build());
        for (int value = 1; value <= 8; value++) {
            history.complete(flat(value, 4));
        }
        return history;
    }

    @Test
    void keepsOnlyTheTrialsWithinTheBestPercentile() {
        History history = eightCompleted(Direction.MINIMIZE, 25);

        assertThat(history.prune(history.running(2.7))).isFalse();
        assertThat(history.prune(history.running(2.8))).isTrue();
    }

    @Test
    void maximizingTakesThePercentileFromTheTop() {
        History history = eightCompleted(Direction.MAXIMIZE, 25);

        assertThat(history.prune(history.running(6.3))).isFalse();
        assertThat(history.prune(history.running(6.2))).isTrue();
    }

    @Test
    void theExtremePercentilesKeepOnlyTheBestOrAllButTheWorse() {
        History strict = eightCompleted(Direction.MINIMIZE, 0);
        History lenient = eightCompleted(Direction.MINIMIZE, 100);

        assertThat(strict.prune(strict.running(1.0))).isFalse();
        assertThat(strict.prune(strict.running(1.01))).isTrue();
        assertThat(lenient.prune(lenient.running(8.0))).isFalse();
        assertThat(lenient.prune(lenient.running(8.01))).isTrue();
    }

    @Test
    void percentilesInterpolateLinearlyBetweenRanksAsNumPyDoes() {
        // numpy.percentile(values, p) with its default linear method
        double[] values = {4, 1, 3, 2};
        assertThat(PercentilePruner.percentileOf(values, 40)).isCloseTo(2.2, within(1e-12));
        assertThat(PercentilePruner.percentileOf(values, 50)).isCloseTo(2.5, within(1e-12));
        assertThat(PercentilePruner.percentileOf(values, 100)).isEqualTo(4);
        assertThat(PercentilePruner.percentileOf(values, 0)).isEqualTo(1);
        assertThat(PercentilePruner.percentileOf(new double[] {7}, 25)).isEqualTo(7);
        assertThat(PercentilePruner.percentileOf(new double[] {0, 10, 20, 30, 40}, 12.5)).isCloseTo(5, within(1e-12));
    }

    @Test
    void thePercentileMustLieInZeroToHundred() {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentilePruner.builder(101))
                .withMessageContaining("percentile must lie in [0, 100], but it is 101");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("percentile", Map.of("percentile", "-1")))
                .withMessageContaining("percentile must lie in [0, 100]");
        assertThat(((PercentilePruner) Pruners.create("percentile", Map.of("percentile", "10"))).percentile()).isEqualTo(10);
    }
}
