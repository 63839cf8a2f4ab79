package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each problem reaches its declared optimum at a point of its space, and the grid optima are the grids' least values. */
class DistributionProblemsTest {

    final DistributionProblems problems = new DistributionProblems();

    @Test
    void eachProblemReachesItsOptimumOnItsSpace() {
        assertThat(problems.quadQ(0.5)).isEqualTo(DistributionProblems.OPTIMUM_quadQ);
        assertThat(problems.mixedQ(100 * 1e-5, 5, "tanh")).isCloseTo(DistributionProblems.OPTIMUM_mixedQ, within(1e-12));
        assertThat(problems.unitsLog(37, Math.pow(10, -2.5))).isCloseTo(0, within(1e-12));
        assertThat(problems.batchQ(208)).isEqualTo(DistributionProblems.OPTIMUM_batchQ);
        assertThat(problems.shiftNormal(-4, 2)).isEqualTo(DistributionProblems.OPTIMUM_shiftNormal);
        assertThat(problems.dropoutNormal(0.9, 3)).isEqualTo(DistributionProblems.OPTIMUM_dropoutNormal);
        assertThat(problems.lrLogNormal(Math.pow(10, -3.5))).isCloseTo(0, within(1e-12));
        assertThat(problems.offsetNormalQ(7, -12)).isEqualTo(DistributionProblems.OPTIMUM_offsetNormalQ);
        assertThat(problems.widthLogNormalQ(150)).isEqualTo(DistributionProblems.OPTIMUM_widthLogNormalQ);
    }

    @Test
    void theGridOptimaAreTheLeastValuesOnTheGrids() {
        // branin's continuous minimum 0.3979 lies between grid points; the grid's least is worse, at (9.5, 2.5)
        assertThat(DistributionProblems.OPTIMUM_braninQ).isGreaterThan(0.3978873577297384)
                .isEqualTo(problems.braninQ(9.5, 2.5));
        // hartmann6's continuous minimum is -3.32237; a grid point near it is the least of the grid
        assertThat(DistributionProblems.OPTIMUM_hartmann6Q).isBetween(-3.32237, -3.2);
        for (int trial = 0; trial < 2000; trial++) {
            java.util.Random random = new java.util.Random(trial);
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = random.nextInt(21) * 0.05;
            }
            assertThat(DistributionProblems.hartmann6(x)).isGreaterThanOrEqualTo(DistributionProblems.OPTIMUM_hartmann6Q);
        }
    }
}
