package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.pareto.Hypervolume;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoxDecompositionTest {

    /** A random front-like cloud of {@code n} points in [0, 1)^m, some dominated, some tied. */
    private static double[][] cloud(SplittableRandom random, int n, int m) {
        double[][] points = new double[n][m];
        for (double[] point : points) {
            for (int j = 0; j < m; j++) {
                point[j] = Math.rint(random.nextDouble() * 20) / 20;
            }
        }
        return points;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void improvementIsTheHypervolumeGainedByAddingThePoint(int m) {
        SplittableRandom random = new SplittableRandom(m);
        double[] reference = new double[m];
        Arrays.fill(reference, 1.1);
        for (int round = 0; round < 20; round++) {
            double[][] front = cloud(random, 1 + random.nextInt(12), m);
            BoxDecomposition boxes = BoxDecomposition.of(front, reference);
            double before = Hypervolume.of(front, reference);
            for (double[] y : cloud(random, 20, m)) {
                double[][] with = Arrays.copyOf(front, front.length + 1);
                with[front.length] = y;
                double gain = Hypervolume.of(with, reference) - before;

                assertThat(boxes.improvement(y)).as("round %d, point %s", round, Arrays.toString(y))
                        .isCloseTo(gain, within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void logEhviIsTheLogOfTheMeanImprovementUnderTheGaussianPosterior(int m) {
        SplittableRandom random = new SplittableRandom(10 + m);
        double[] reference = new double[m];
        Arrays.fill(reference, 1.1);
        double[][] front = cloud(random, 8, m);
        BoxDecomposition boxes = BoxDecomposition.of(front, reference);
        LogEhvi ehvi = new LogEhvi(boxes, m);
        for (int round = 0; round < 5; round++) {
            double[] mean = new double[m];
            double[] sd = new double[m];
            for (int j = 0; j < m; j++) {
                mean[j] = random.nextDouble() * 0.8;
                sd[j] = 0.05 + random.nextDouble() * 0.3;
            }
            // brute force: the mean improvement of 400,000 posterior draws
            int draws = 400_000;
            double sum = 0;
            double[] y = new double[m];
            for (int s = 0; s < draws; s++) {
                for (int j = 0; j < m; j++) {
                    y[j] = mean[j] + sd[j] * gaussian(random);
                }
                sum += boxes.improvement(y);
            }
            double expected = sum / draws;

            assertThat(Math.exp(ehvi.value(mean, sd))).as("mean %s, sd %s", Arrays.toString(mean), Arrays.toString(sd))
                    .isCloseTo(expected, within(0.02 * expected));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void logEhviStaysFiniteAndOrderedFarBehindTheFront(int m) {
        double[] reference = new double[m];
        Arrays.fill(reference, 1.1);
        LogEhvi ehvi = new LogEhvi(BoxDecomposition.of(new double[][] {filled(m, 0.5)}, reference), m);

        double far = ehvi.value(filled(m, 30), filled(m, 0.5));
        double farther = ehvi.value(filled(m, 40), filled(m, 0.5));

        // plain EHVI underflows to 0 at both: e^(-1800) and e^(-3200)
        assertThat(far).isFinite().isGreaterThan(farther);
        assertThat(farther).isFinite();
    }

    private static double[] filled(int m, double value) {
        double[] point = new double[m];
        Arrays.fill(point, value);
        return point;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
