package dev.tuner.core.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrowdingDistanceTest {

    @Test
    void endsAreInfiniteAndInnerPointsSumTheirNormalizedGaps() {
        double[][] front = {{0, 4}, {1, 2}, {4, 0}, {2, 1}};
        double[] distance = CrowdingDistance.of(front);
        assertThat(distance[0]).isInfinite();
        assertThat(distance[2]).isInfinite();
        // (1,2): neighbours by x are 0 and 2, by y 1 and 4 -> 2/4 + 3/4
        assertThat(distance[1]).isCloseTo(1.25, within(1e-15));
        // (2,1): neighbours by x are 1 and 4, by y 0 and 2 -> 3/4 + 2/4
        assertThat(distance[3]).isCloseTo(1.25, within(1e-15));
    }

    @Test
    void smallFrontsAndFlatObjectives() {
        assertThat(CrowdingDistance.of(new double[][] {{1, 2}, {2, 1}})).containsOnly(Double.POSITIVE_INFINITY);
        double[] flat = CrowdingDistance.of(new double[][] {{0, 1}, {1, 1}, {2, 1}});
        assertThat(flat[1]).isEqualTo(1.0);
    }
}
