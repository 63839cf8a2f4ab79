package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityRunTest {

    private final QualityRun run = new QualityRun(100, 3, List.of(10, 25, 50, 100));

    @Test
    void bestSoFarNeverGetsWorseAndStartsAtTheFirstTrial() {
        double[] trace = run.bestSoFar(Functions.conditional1(), "random", 0);

        assertThat(trace).hasSize(100);
        for (int i = 1; i < trace.length; i++) {
            assertThat(trace[i]).isLessThanOrEqualTo(trace[i - 1]);
        }
        assertThat(trace[99]).isGreaterThanOrEqualTo(Functions.conditional1().optimum());
    }

    @Test
    void sameSeedSameTrace() {
        assertThat(run.bestSoFar(Functions.mixed1(), "random", 4)).containsExactly(
                run.bestSoFar(Functions.mixed1(), "random", 4));
    }

    @Test
    @SuppressWarnings("unchecked")
    void entryHasTheReferenceShape() {
        Map<String, Object> entry = run.run(Functions.quad1(), "random");

        assertThat(entry).containsKeys("n_seeds", "seeds", "mean_wall_s_per_run", "checkpoints");
        Map<String, Object> checkpoints = (Map<String, Object>) entry.get("checkpoints");
        assertThat(checkpoints).containsOnlyKeys("10", "25", "50", "100");
        Map<String, Object> at100 = (Map<String, Object>) checkpoints.get("100");
        assertThat((double[]) at100.get("per_seed")).hasSize(3);
    }
}
