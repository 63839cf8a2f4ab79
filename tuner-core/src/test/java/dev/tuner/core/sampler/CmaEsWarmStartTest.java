package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CmaEsWarmStartTest {

    @Test
    void startsFromTheBestTenthOfThePointsWithTheirSpreadWidenedByAlpha() {
        CmaEsWarmStart warm = new CmaEsWarmStart(2);
        // 30 points: the best three (losses 0, 1, 2) at (0.2, 0.5), (0.4, 0.5), (0.6, 0.5), in scrambled order
        for (int k = 29; k >= 0; k--) {
            int i = (k * 7) % 30;
            double[] point = i < 3 ? new double[] {0.2 + 0.2 * i, 0.5} : new double[] {0.9, 0.9};
            warm.add(point, i);
        }
        CmaEsState state = warm.start(6);

        assertThat(warm.size()).isEqualTo(30);
        assertThat(state.mean()).containsExactly(new double[] {0.4, 0.5}, Offset.offset(1e-12));
        // variances 0.08/3 + 0.01 and 0 + 0.01: σ² C_ii gives them back, σ their geometric mean
        double v0 = 0.08 / 3 + 0.01;
        double v1 = 0.01;
        double sigma = Math.sqrt(Math.sqrt(v0 * v1));
        assertThat(state.sigma()).isCloseTo(sigma, Offset.offset(1e-12));
        assertThat(state.covariance()[0][0] * sigma * sigma).isCloseTo(v0, Offset.offset(1e-12));
        assertThat(state.covariance()[1][1] * sigma * sigma).isCloseTo(v1, Offset.offset(1e-12));
    }

    @Test
    void theBestSetFollowsInsertionsThatPushPointsOut() {
        CmaEsWarmStart warm = new CmaEsWarmStart(1);
        for (int k = 0; k < 20; k++) {
            warm.add(new double[] {1.0}, 100 + k); // the best two: 1.0, 1.0
        }
        warm.add(new double[] {0.0}, 1);  // now 0.0 and 1.0
        warm.add(new double[] {0.5}, 0);  // now 0.5 and 0.0

        assertThat(warm.start(4).mean()[0]).isCloseTo(0.25, Offset.offset(1e-12));
    }

    @Test
    void needsTwentyPoints() {
        CmaEsWarmStart warm = new CmaEsWarmStart(1);
        warm.add(new double[] {0.5}, 1);

        assertThatIllegalStateException().isThrownBy(() -> warm.start(4)).withMessageContaining("needs 20 points");
    }
}
