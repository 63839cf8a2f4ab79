package dev.tuner.core.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    private static final int GRID = 5;

    @Test
    void twoDimensionsMatchCountingTheUnitCellsOfASmallGrid() {
        checkAgainstGrid(2, 300);
    }

    @Test
    void threeDimensionsMatchCountingTheUnitCellsOfASmallGrid() {
        checkAgainstGrid(3, 300);
    }

    @Test
    void fourAndFiveDimensionsMatchCountingTheUnitCellsOfASmallGrid() {
        checkAgainstGrid(4, 150);
        checkAgainstGrid(5, 60);
    }

    @Test
    void theThreeDimensionalSweepAgreesWithSlicingOnRealValuedPoints() {
        SplittableRandom random = new SplittableRandom(7);
        double[] reference = {1.1, 1.2, 1.3};
        for (int round = 0; round < 50; round++) {
            double[][] points = randomPoints(random, 1 + random.nextInt(60), 3, reference);
            double sweep = Hypervolume.of(points, reference);
            double sliced = Hypervolume.slices(inside(points, reference), reference);
            assertThat(sweep).as("round %d", round).isCloseTo(sliced, within(1e-12));
        }
    }

    @Test
    void aSphereFrontComesCloseToTheAnalyticVolume() {
        // points on the unit sphere's octant: the dominated volume approaches 1.1^3 - pi/6 from below
        int divisions = 60;
        double[][] points = new double[(divisions + 1) * (divisions + 2) / 2][];
        int found = 0;
        for (int i = 0; i <= divisions; i++) {
            for (int j = 0; j <= divisions - i; j++) {
                double[] w = {i, j, divisions - i - j};
                double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
                points[found++] = new double[] {w[0] / norm, w[1] / norm, w[2] / norm};
            }
        }
        double analytic = Math.pow(1.1, 3) - Math.PI / 6;
        double volume = Hypervolume.of(points, new double[] {1.1, 1.1, 1.1});
        assertThat(volume).isLessThan(analytic).isGreaterThan(0.98 * analytic);
    }

    @Test
    void pointsOutsideTheReferenceBoxAddNothing() {
        double[] reference = {2, 2};
        assertThat(Hypervolume.of(new double[][] {{1, 1}, {2, 0}, {0, 3}, {5, 5}}, reference)).isEqualTo(1.0);
        assertThat(Hypervolume.of(new double[0][], reference)).isZero();
        assertThat(Hypervolume.of(new double[][] {{0.5}, {1.5}}, new double[] {2})).isEqualTo(1.5);
    }

    @Test
    void contributionsAreWhatTheVolumeLosesWithoutEachPoint() {
        SplittableRandom random = new SplittableRandom(11);
        for (int objectives = 2; objectives <= 4; objectives++) {
            double[] reference = new double[objectives];
            Arrays.fill(reference, 1.0);
            for (int round = 0; round < 20; round++) {
                double[][] points = randomPoints(random, 1 + random.nextInt(25), objectives, reference);
                points[0] = points[points.length - 1].clone(); // a duplicate contributes nothing
                double all = Hypervolume.of(points, reference);
                double[] contributions = Hypervolume.contributions(points, reference);
                for (int i = 0; i < points.length; i++) {
                    double[][] without = new double[points.length - 1][];
                    for (int j = 0, k = 0; j < points.length; j++) {
                        if (j != i) {
                            without[k++] = points[j];
                        }
                    }
                    assertThat(contributions[i]).as("d=%d round %d point %d", objectives, round, i)
                            .isCloseTo(all - Hypervolume.of(without, reference), within(1e-12));
                }
                if (points.length > 1) {
                    assertThat(contributions[0]).isCloseTo(0, within(1e-15));
                }
            }
        }
    }

    @Test
    void contributionsOfAStaircase() {
        // (2.5, 2.5) is dominated and adds nothing, yet covers [2.5, 3]^2 of what only (2, 2) covers besides it
        double[][] points = {{1, 3}, {2, 2}, {3, 1}, {2.5, 2.5}, {5, 0}};
        assertThat(Hypervolume.contributions(points, new double[] {4, 4}))
                .containsExactly(1.0, 0.75, 1.0, 0.0, 0.0);
    }

    @Test
    void mismatchedOrUndefinedPointsAreRefusedWithTheirIndex() {
        assertThatThrownBy(() -> Hypervolume.of(new double[][] {{1, 2}, {1, 2, 3}}, new double[] {4, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("point 1 [1.0, 2.0, 3.0] has 3 objectives but the reference point [4.0, 4.0] has 2");
        assertThatThrownBy(() -> Hypervolume.of(new double[][] {{1, Double.NaN}}, new double[] {4, 4}))
                .hasMessageContaining("point 0 [1.0, NaN] holds NaN");
    }

    /** Integer points in {0..4}^d, reference (5,..,5): the hypervolume is the number of unit cells some point is below. */
    private static void checkAgainstGrid(int objectives, int rounds) {
        SplittableRandom random = new SplittableRandom(objectives);
        double[] reference = new double[objectives];
        Arrays.fill(reference, GRID);
        for (int round = 0; round < rounds; round++) {
            double[][] points = new double[1 + random.nextInt(12)][objectives];
            for (double[] point : points) {
                for (int k = 0; k < objectives; k++) {
                    point[k] = random.nextInt(GRID + 2); // 5 and 6 lie on or beyond the reference
                }
            }
            assertThat(Hypervolume.of(points, reference)).as("d=%d %s", objectives, Arrays.deepToString(points))
                    .isEqualTo(countCells(points, objectives));
        }
    }

    private static double countCells(double[][] points, int objectives) {
        int cells = (int) Math.pow(GRID, objectives);
        int count = 0;
        for (int cell = 0; cell < cells; cell++) {
            int[] corner = new int[objectives];
            for (int k = 0, rest = cell; k < objectives; k++, rest /= GRID) {
                corner[k] = rest % GRID;
            }
            for (double[] point : points) {
                boolean below = true;
                for (int k = 0; k < objectives; k++) {
                    below &= point[k] <= corner[k];
                }
                if (below) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static double[][] randomPoints(SplittableRandom random, int n, int objectives, double[] reference) {
        double[][] points = new double[n][objectives];
        for (double[] point : points) {
            for (int k = 0; k < objectives; k++) {
                point[k] = random.nextDouble() * reference[k] * 1.05;
            }
        }
        return points;
    }

    private static double[][] inside(double[][] points, double[] reference) {
        return Arrays.stream(points).filter(p -> {
            for (int k = 0; k < p.length; k++) {
                if (!(p[k] < reference[k])) {
                    return false;
                }
            }
            return true;
        }).toArray(double[][]::new);
    }
}
