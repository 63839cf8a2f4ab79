package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    private static final Lbfgs.Function ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        double[] x = {-1.2, 1};
        double value = Lbfgs.minimize(ROSENBROCK, x, null, null, 200, 1e-9);

        assertThat(value).isLessThan(1e-10);
        assertThat(x[0]).isCloseTo(1, within(1e-4));
        assertThat(x[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void staysInsideItsBoundsAndStopsOnTheActiveOne() {
        // minimum of (x - 2)² + (y + 1)² inside [0, 1]²: (1, 0)
        double[] x = {0.5, 0.5};
        Lbfgs.minimize((p, g) -> {
            g[0] = 2 * (p[0] - 2);
            g[1] = 2 * (p[1] + 1);
            return (p[0] - 2) * (p[0] - 2) + (p[1] + 1) * (p[1] + 1);
        }, x, new double[] {0, 0}, new double[] {1, 1}, 100, 1e-9);

        assertThat(x).containsExactly(1.0, 0.0);
    }

    @Test
    void aBoundedProblemWithItsMinimumInsideIsSolvedAsUnbounded() {
        double[] x = {0, 0};
        Lbfgs.minimize(ROSENBROCK, x, new double[] {-2, -2}, new double[] {2, 2}, 200, 1e-9);

        assertThat(x[0]).isCloseTo(1, within(1e-4));
        assertThat(x[1]).isCloseTo(1, within(1e-4));
    }
}
