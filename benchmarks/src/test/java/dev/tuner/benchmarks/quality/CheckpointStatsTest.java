package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointStatsTest {

    @Test
    void quantilesInterpolateAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4, 10};
        // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75]) == [2, 3, 4]
        assertThat(CheckpointStats.quantile(sorted, 0.25)).isEqualTo(2);
        assertThat(CheckpointStats.quantile(sorted, 0.5)).isEqualTo(3);
        // numpy.percentile([1, 2, 3, 4], 25) == 1.75
        assertThat(CheckpointStats.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
    }

    @Test
    void statisticsMatchTheReferenceFields() {
        Map<String, Object> stats = CheckpointStats.of(new double[] {4, 1, 3, 2}, 0.5);

        assertThat((double) stats.get("median")).isEqualTo(2.5);
        assertThat((double) stats.get("mean")).isEqualTo(2.5);
        assertThat((double) stats.get("q25")).isEqualTo(1.75);
        assertThat((double) stats.get("q75")).isEqualTo(3.25);
        assertThat((double) stats.get("iqr")).isCloseTo(1.5, within(1e-12));
        assertThat((double) stats.get("min")).isEqualTo(1);
        assertThat((double) stats.get("max")).isEqualTo(4);
        assertThat((double) stats.get("median_gap_to_optimum")).isEqualTo(2.0);
        assertThat((double[]) stats.get("per_seed")).containsExactly(4, 1, 3, 2);
    }
}
