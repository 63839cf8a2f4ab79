package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GpKernelFitTest {

    @Test
    void itsGradientMatchesFiniteDifferences() {
        double[][] x = GpData.inputs(30);
        GpKernelFit fit = new GpKernelFit(x, GpData.outputs(x), GpData.CATEGORICAL);
        double[] theta = {0.3, -0.5, 1.0, 0.2, 0.1, Math.log(0.01)};
        double[] gradient = new double[theta.length];
        fit.valueAndGradient(theta, gradient);
        for (int k = 0; k < theta.length; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            double numeric = (fit.valueAndGradient(up, new double[6]) - fit.valueAndGradient(down, new double[6])) / 2e-6;
            assertThat(gradient[k]).as("d/dθ%d", k).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void theFitImprovesTheStartAndFindsTheIrrelevantKnob() {
        double[][] x = GpData.inputs(40);
        GpKernelFit fit = new GpKernelFit(x, GpData.outputs(x), GpData.CATEGORICAL);
        double[] start = GpKernelFit.initial(4);
        double[] theta = fit.fit(start, 50);

        assertThat(fit.valueAndGradient(theta, new double[6])).isLessThan(fit.valueAndGradient(start, new double[6]));
        // log w = -2 log ℓ: knob 0 (a sine) gets a much shorter length scale than knob 2 (unused)
        assertThat(theta[0]).isGreaterThan(theta[2] + 2);
        // a deterministic function: the noise goes well below its start of 0.01
        assertThat(new GpKernel(GpData.CATEGORICAL, theta).noise).isLessThan(1e-3);
    }
}
