package dev.tuner.core.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonDominatedSortTest {

    @Test
    void ranksPeelFrontsByTheDefinition() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 100; round++) {
            int objectives = 2 + random.nextInt(3);
            double[][] points = new double[1 + random.nextInt(40)][objectives];
            for (double[] point : points) {
                for (int k = 0; k < objectives; k++) {
                    point[k] = random.nextInt(6); // small integers: ties and duplicates on purpose
                }
            }
            int[] ranks = NonDominatedSort.ranks(points);
            for (int i = 0; i < points.length; i++) {
                boolean dominatedByPrevious = false;
                for (int j = 0; j < points.length; j++) {
                    if (Domination.dominates(points[j], points[i])) {
                        assertThat(ranks[j]).as("a dominating point ranks better").isLessThan(ranks[i]);
                        dominatedByPrevious |= ranks[j] == ranks[i] - 1;
                    }
                }
                assertThat(ranks[i] == 0 || dominatedByPrevious).as("rank %d is one below a dominating point", ranks[i])
                        .isTrue();
            }
        }
    }

    @Test
    void frontsAndTheNonDominatedSet() {
        double[][] points = {{1, 4}, {2, 2}, {3, 3}, {4, 1}, {4, 4}, {2, 2}};
        assertThat(NonDominatedSort.ranks(points)).containsExactly(0, 0, 1, 0, 2, 0);
        assertThat(NonDominatedSort.fronts(points)).containsExactly(new int[] {0, 1, 3, 5}, new int[] {2}, new int[] {4});
        assertThat(NonDominatedSort.nonDominated(points)).containsExactly(0, 1, 3, 5);
        assertThat(NonDominatedSort.nonDominated(new double[0][])).isEmpty();
    }

    @Test
    void feasibleFrontsComeFirstThenInfeasiblePointsBySmallerViolation() {
        double[][] points = {{5, 5}, {0, 0}, {1, 1}, {6, 6}, {0, 9}};
        double[][] constraints = {{-1, 0}, {2, -3}, {0.5, 0.5}, {}, {-2}};
        // feasible: 0 (5,5), 3 (6,6), 4 (0,9); infeasible: 1 (violation 2), 2 (violation 1)
        assertThat(NonDominatedSort.ranks(points, constraints)).containsExactly(0, 3, 2, 1, 0);
        assertThat(Domination.constrainedDominates(points[2], constraints[2], points[1], constraints[1])).isTrue();
        assertThat(Domination.constrainedDominates(points[3], constraints[3], points[1], constraints[1])).isTrue();
        assertThat(Domination.violation(new double[] {-1, 2, 0.5})).isEqualTo(2.5);
        assertThat(Domination.isFeasible(new double[] {0, -1})).isTrue();
        assertThat(Domination.isFeasible(new double[] {Double.NaN})).isFalse();
    }

    @Test
    void mistakesSayWhatToGive() {
        assertThatThrownBy(() -> NonDominatedSort.ranks(new double[][] {{1, 2}}, new double[0][]))
                .hasMessageContaining("got 1 points but 0 constraint vectors");
        assertThatThrownBy(() -> Domination.dominates(new double[] {1}, new double[] {1, 2}))
                .hasMessageContaining("a point of 1 objectives with one of 2");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void theFrontIsTheNonDominatedSortsFirstFrontWithTiesDuplicatesAndSignedZeros(int objectives) {
        Random random = new Random(objectives);
        for (int round = 0; round < 40; round++) {
            double[][] points = new double[1 + random.nextInt(300)][objectives];
            for (double[] point : points) {
                for (int k = 0; k < objectives; k++) {
                    // few distinct values, so that ties and duplicates are common; some -0.0 against 0.0
                    double value = random.nextInt(6) - 1;
                    point[k] = value == 0 && random.nextBoolean() ? -0.0 : value;
                }
            }
            assertThat(NonDominatedSort.nonDominated(points)).as("round " + round).containsExactly(firstFront(points));
        }
    }

    @Test
    void theFrontOfRealValuedPointsToo() {
        Random random = new Random(7);
        double[][] points = new double[2000][3];
        for (double[] point : points) {
            double a = random.nextDouble();
            double b = random.nextDouble();
            point[0] = a;
            point[1] = b;
            point[2] = 2 - a - b + random.nextDouble() * 0.1;
        }
        assertThat(NonDominatedSort.nonDominated(points)).containsExactly(firstFront(points));
    }

    /** The points of rank 0 in the full sort, which compares every pair: what the sorted scan must find. */
    private static int[] firstFront(double[][] points) {
        int[] ranks = NonDominatedSort.ranks(points);
        return IntStream.range(0, points.length).filter(i -> ranks[i] == 0).toArray();
    }
}
