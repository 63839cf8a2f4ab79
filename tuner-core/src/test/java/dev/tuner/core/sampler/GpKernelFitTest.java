package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GpKernelFitTest {

    /** 40 points in 3 numeric knobs and one categorical; y depends on knob 0 strongly, knob 2 not at all. */
    static double[][] inputs(int n) {
        Random random = new Random(3);
        double[][] x = new double[n][4];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = random.nextDouble();
            row[2] = random.nextDouble();
            row[3] = random.nextInt(3);
        }
        return x;
    }

    static double[] outputs(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(6 * x[i][0]) + 0.3 * x[i][1] + (x[i][3] == 1 ? 1 : 0);
        }
        return OutputWarping.standardize(y);
    }

    static final boolean[] CATEGORICAL = {false, false, false, true};

    @Test
    void itsGradientMatchesFiniteDifferences() {
        double[][] x = inputs(30);
        GpKernelFit fit = new GpKernelFit(x, outputs(x), CATEGORICAL);
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
        double[][] x = inputs(40);
        GpKernelFit fit = new GpKernelFit(x, outputs(x), CATEGORICAL);
        double[] start = GpKernelFit.initial(4);
        double[] theta = fit.fit(start, 50);

        assertThat(fit.valueAndGradient(theta, new double[6])).isLessThan(fit.valueAndGradient(start, new double[6]));
        // log w = -2 log ℓ: knob 0 (a sine) gets a much shorter length scale than knob 2 (unused)
        assertThat(theta[0]).isGreaterThan(theta[2] + 2);
        // a deterministic function: the noise goes well below its start of 0.01
        assertThat(new GpKernel(CATEGORICAL, theta).noise).isLessThan(1e-3);
    }
}
