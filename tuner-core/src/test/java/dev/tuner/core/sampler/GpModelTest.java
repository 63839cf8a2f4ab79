package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GpModelTest {

    private final double[][] x = GpData.inputs(25);
    private final double[] y = GpData.outputs(x);
    private final GpModel model = new GpModel(
            new GpKernel(GpData.CATEGORICAL, new double[] {1, 0.5, -1, 0, 0, Math.log(1e-6)}), x, y);

    @Test
    void interpolatesNoiseFreeDataWithLittleVarianceThere() {
        double[] mean = new double[x.length];
        double[] variance = new double[x.length];
        model.predict(x, mean, variance);

        for (int i = 0; i < x.length; i++) {
            assertThat(mean[i]).isCloseTo(y[i], within(1e-3));
            assertThat(variance[i]).isLessThan(1e-4);
        }
    }

    @Test
    void theBatchAndTheSinglePredictionAgreeAndTheGradientsMatchFiniteDifferences() {
        double[] point = {0.3, 0.6, 0.2, 1};
        double[] meanGradient = new double[4];
        double[] varianceGradient = new double[4];
        double[] single = model.predict(point, meanGradient, varianceGradient);
        double[] mean = new double[1];
        double[] variance = new double[1];
        model.predict(new double[][] {point}, mean, variance);

        assertThat(single[0]).isCloseTo(mean[0], within(1e-10));
        assertThat(single[1]).isCloseTo(variance[0], within(1e-10));
        for (int i = 0; i < 3; i++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double[] a = model.predict(up, new double[4], new double[4]);
            double[] b = model.predict(down, new double[4], new double[4]);
            assertThat(meanGradient[i]).isCloseTo((a[0] - b[0]) / 2e-6, within(1e-5));
            assertThat(varianceGradient[i]).isCloseTo((a[1] - b[1]) / 2e-6, within(1e-5));
        }
        assertThat(meanGradient[3]).isZero();
    }

    @Test
    void farFromTheDataTheVarianceReturnsToTheSignal() {
        double[] mean = new double[1];
        double[] variance = new double[1];
        model.predict(new double[][] {{40, 40, 40, 2}}, mean, variance);

        assertThat(variance[0]).isCloseTo(1, within(1e-6));
        assertThat(mean[0]).isCloseTo(0, within(1e-6));
    }
}
