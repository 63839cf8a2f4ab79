package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import java.util.Random;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    static final TpeSettings SETTINGS = TpeSampler.builder().seed(1).build().settings();

    static ParzenEstimator fit(Distribution distribution, double... modelValues) {
        return ParzenEstimator.fit(new TpeParam[] {TpeParam.of(distribution)}, new double[][] {modelValues},
                modelValues.length, null, SETTINGS);
    }

    /** The integral of the density over [low, high] by the trapezoid rule. */
    static double integral(ParzenEstimator estimator, double low, double high) {
        int steps = 20_000;
        double[][] grid = new double[1][steps + 1];
        for (int i = 0; i <= steps; i++) {
            grid[0][i] = low + (high - low) * i / steps;
        }
        double[] log = estimator.logPdf(grid);
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            sum += (i == 0 || i == steps ? 0.5 : 1) * Math.exp(log[i]);
        }
        return sum * (high - low) / steps;
    }

    @Test
    void aContinuousDensityIntegratesToOneOverItsRangeDespiteKernelsAtTheEdges() {
        ParzenEstimator estimator = fit(Uniform.of(0, 1), 0.0, 0.01, 0.5, 1.0);

        assertThat(integral(estimator, 0, 1)).isCloseTo(1, within(1e-4));
    }

    @Test
    void aLogKnobsDensityIntegratesToOneInLogSpace() {
        TpeParam param = TpeParam.of(LogUniform.of(1e-3, 1e3));
        ParzenEstimator estimator = fit(LogUniform.of(1e-3, 1e3), param.toModel(1e-3), param.toModel(0.5),
                param.toModel(20));

        assertThat(param.modelLow()).isCloseTo(Math.log(1e-3), within(1e-12));
        assertThat(integral(estimator, param.modelLow(), param.modelHigh())).isCloseTo(1, within(1e-4));
    }

    @Test
    void aManyObservationDensityIsBinnedAndStillIntegratesToOne() {
        Random random = new Random(3);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(10, Math.max(-10, random.nextGaussian() * 3 + 4));
        }
        ParzenEstimator binned = fit(Uniform.of(-10, 10), values);

        assertThat(integral(binned, -10, 10)).isCloseTo(1, within(1e-3));
        // against the exact mixture: the same kernels summed one by one
        TpeParam param = TpeParam.of(Uniform.of(-10, 10));
        double sigma = Bandwidth.of(param, values, null, values.length, 1, SETTINGS);
        for (double x : new double[] {-9.5, 0, 4, 9.9}) {
            double exact = SETTINGS.priorWeight() * truncatedDensity(x, 0, 20, -10, 10);
            for (double v : values) {
                exact += truncatedDensity(x, v, sigma, -10, 10);
            }
            exact /= values.length + SETTINGS.priorWeight();
            assertThat(Math.exp(binned.logPdf(new double[][] {{x}})[0])).isCloseTo(exact, within(exact * 0.01));
        }
    }

    static double truncatedDensity(double x, double mu, double sigma, double low, double high) {
        double z = (x - mu) / sigma;
        double inside = Gaussian.cdf((high - mu) / sigma) - Gaussian.cdf((low - mu) / sigma);
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) / inside;
    }

    @Test
    void anIntKnobsMassesSumToOne() {
        TpeParam param = TpeParam.of(IntUniform.of(1, 8));
        ParzenEstimator estimator = fit(IntUniform.of(1, 8), param.toModel(1), param.toModel(4), param.toModel(4));

        double[] log = estimator.logPdf(new double[][] {{0, 1, 2, 3, 4, 5, 6, 7}});
        double sum = 0;
        for (double l : log) {
            sum += Math.exp(l);
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        assertThat(log[3]).isGreaterThan(log[0]).isGreaterThan(log[7]);
    }

    /** The sum of the masses an estimator of a grid knob gives each of its values. */
    static double totalMass(TpeParam param, ParzenEstimator estimator) {
        double[][] values = new double[1][param.cells()];
        for (int i = 0; i < param.cells(); i++) {
            values[0][i] = param.centre(i);
        }
        double sum = 0;
        for (double log : estimator.logPdf(values)) {
            sum += Math.exp(log);
        }
        return sum;
    }

    @Test
    void aLogGridsMassesSumToOneWhetherItsCellsAreWideOrNarrowForTheKernels() {
        for (Distribution distribution : new Distribution[] {IntUniform.of(1, 4096).onLogScale(),
                LogUniform.of(16, 4096).quantized(16), LogNormal.of(4, 1).quantized(1)}) {
            TpeParam param = TpeParam.of(distribution);
            // one observation (broad kernels), then many near one value (narrow ones)
            double[] many = new double[400];
            for (int i = 0; i < many.length; i++) {
                many[i] = param.toModel(param.toInternal(param.modelLow() + 0.3 + 0.001 * i));
            }
            double one = param.toModel(param.toInternal(param.modelLow() + 1));
            assertThat(totalMass(param, fit(distribution, one))).as("%s", distribution).isCloseTo(1, within(1e-3));
            assertThat(totalMass(param, fit(distribution, many))).as("%s", distribution).isCloseTo(1, within(1e-3));
        }
    }

    @Test
    void aFineLinearGridsMassesSumToOneAndFavourTheObservedValues() {
        TpeParam param = TpeParam.of(Uniform.of(-10, 10).quantized(0.01));
        ParzenEstimator estimator = fit(Uniform.of(-10, 10).quantized(0.01), param.toModel(3), param.toModel(3.5));

        assertThat(totalMass(param, estimator)).isCloseTo(1, within(1e-4));
        double[] log = estimator.logPdf(new double[][] {{param.toModel(3.2), param.toModel(-8)}});
        assertThat(log[0]).isGreaterThan(log[1]);
    }

    @Test
    void aNormalKnobsDensityIntegratesToOneAndWithoutObservationsIsItsPrior() {
        TpeParam param = TpeParam.of(Normal.of(2, 3));
        ParzenEstimator prior = fit(Normal.of(2, 3));
        ParzenEstimator observed = fit(Normal.of(2, 3), -4, -3.5, 10);

        assertThat(integral(prior, param.modelLow(), param.modelHigh())).isCloseTo(1, within(1e-4));
        assertThat(integral(observed, param.modelLow(), param.modelHigh())).isCloseTo(1, within(1e-4));
        // the prior is the knob's own normal, not a curve as wide as the range
        double atMean = Math.exp(prior.logPdf(new double[][] {{2}})[0]);
        assertThat(atMean).isCloseTo(1 / (3 * Math.sqrt(2 * Math.PI)), within(1e-5));
    }

    @Test
    void aCategoricalsMassesSumToOneAndFavourTheObservedOption() {
        ParzenEstimator estimator = fit(Choice.of("a", "b", "c"), 2, 2, 2, 2, 2, 2, 1, 1, 1);

        double[] log = estimator.logPdf(new double[][] {{0, 1, 2}});

        assertThat(Math.exp(log[0]) + Math.exp(log[1]) + Math.exp(log[2])).isCloseTo(1, within(1e-9));
        assertThat(log[2]).isGreaterThan(log[1]).isGreaterThan(log[0]);
    }

    @Test
    void aJointDensityOverARangeAndAChoiceIntegratesToOne() {
        TpeParam[] params = {TpeParam.of(Uniform.of(-1, 1)), TpeParam.of(Choice.of("a", "b"))};
        ParzenEstimator estimator = ParzenEstimator.fit(params,
                new double[][] {{-0.9, 0.2, 0.95}, {0, 1, 1}}, 3, null, SETTINGS);

        int steps = 4000;
        double total = 0;
        for (int option = 0; option < 2; option++) {
            double[][] grid = new double[2][steps + 1];
            for (int i = 0; i <= steps; i++) {
                grid[0][i] = -1 + 2.0 * i / steps;
                grid[1][i] = option;
            }
            double[] log = estimator.logPdf(grid);
            for (int i = 0; i <= steps; i++) {
                total += (i == 0 || i == steps ? 0.5 : 1) * Math.exp(log[i]) * 2.0 / steps;
            }
        }
        assertThat(total).isCloseTo(1, within(1e-4));
    }

    @Test
    void drawsStayInTheRangeAndNearTheObservations() {
        ParzenEstimator estimator = fit(Uniform.of(0, 1), 0.98, 0.99, 1.0, 0.97);

        double[][] draws = estimator.sample(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 2000);

        int near = 0;
        for (double x : draws[0]) {
            assertThat(x).isBetween(0.0, 1.0);
            near += x > 0.7 ? 1 : 0;
        }
        assertThat(near).isGreaterThan(1500);
    }
}
