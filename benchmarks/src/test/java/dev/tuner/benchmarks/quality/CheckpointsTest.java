package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void aRunIsMeasuredAtTheCheckpointsItReachesAndAtItsBudget() {
        assertThat(QualityBenchmark.checkpoints(100)).containsExactly(10, 25, 50, 100);
        assertThat(QualityBenchmark.checkpoints(40)).containsExactly(10, 25, 40);
        assertThat(QualityBenchmark.checkpoints(400)).containsExactly(10, 25, 50, 100, 200, 300, 400);
        assertThat(QualityBenchmark.checkpoints(1000)).containsExactly(10, 25, 50, 100, 200, 300, 500, 1000);
    }
}
