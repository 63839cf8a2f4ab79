package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void keepsEveryPointWhenTheyFit() {
        assertThat(Downsample.indices(new double[] {3, 1, 2}, 3)).containsExactly(0, 1, 2);
    }

    @Test
    void keepsAtMostTheBudgetInAscendingOrder() {
        double[] priority = IntStream.range(0, 10_000).mapToDouble(i -> Math.sin(i)).toArray();

        int[] kept = Downsample.indices(priority, 2000);

        assertThat(kept).hasSize(2000).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keepsTheBestQuarterAndForcedPoints() {
        // priority i: the lowest indices are the best
        double[] priority = IntStream.range(0, 1000).mapToDouble(i -> i).toArray();
        priority[900] = Double.NEGATIVE_INFINITY;

        int[] kept = Downsample.indices(priority, 100);

        assertThat(kept).contains(IntStream.range(0, 24).toArray()).contains(900);
    }

    @Test
    void spreadsTheRestOverTheWholeRange() {
        double[] priority = new double[1000];
        Arrays.fill(priority, 1);

        int[] kept = Downsample.indices(priority, 100);

        // without better points, an even spread: no gap much wider than 1000 / 100
        for (int i = 1; i < kept.length; i++) {
            assertThat(kept[i] - kept[i - 1]).isLessThanOrEqualTo(14);
        }
        assertThat(kept[kept.length - 1]).isGreaterThan(980);
    }

    @Test
    void isDeterministic() {
        double[] priority = IntStream.range(0, 5000).mapToDouble(i -> Math.cos(i * 7.0)).toArray();

        assertThat(Downsample.indices(priority, 300)).isEqualTo(Downsample.indices(priority, 300));
    }
}
