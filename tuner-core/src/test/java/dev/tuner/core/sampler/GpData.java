package dev.tuner.core.sampler;

import java.util.Random;

/**
 * The data the Gaussian process's fit and model are tested on: points in three numeric knobs and
 * one categorical of three options; y depends on knob 0 strongly, knob 2 not at all.
 */
final class GpData {

    /** Which of the four knobs is categorical. */
    static final boolean[] CATEGORICAL = {false, false, false, true};

    private GpData() {}

    /** {@code n} points, the same for the same {@code n}. */
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

    /** The standardized objective at each point. */
    static double[] outputs(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(6 * x[i][0]) + 0.3 * x[i][1] + (x[i][3] == 1 ? 1 : 0);
        }
        return OutputWarping.standardize(y);
    }
}
