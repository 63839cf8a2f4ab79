package dev.tuner.benchmarks.quality;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogNormal;
import dev.tuner.LogUniform;
import dev.tuner.Normal;
import dev.tuner.Tune;
import dev.tuner.Uniform;

/**
 * Problems on the distributions the public suite lacks: quantized ranges (linear and log),
 * log-scaled ints, normal and log-normal knobs (clipped or not, quantized or not). TPE's way of
 * modelling each was chosen on them; run them with
 * {@code benchmarks/run quality --objective dev.tuner.benchmarks.quality.DistributionProblems
 * --samplers tpe,random}. Every problem is minimized and its optimum, a value the space can reach,
 * is declared ({@code OPTIMUM_<method>}), so the table gives each sampler's median gap; there is no
 * Optuna reference for them, so no r and no score.
 */
public class DistributionProblems {

    // hartmann6's constants, as shared/bench/functions.md gives them; before the optima, which use them
    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    static final double OPTIMUM_quadQ = 0.75;
    static final double OPTIMUM_braninQ = braninGridMinimum();
    static final double OPTIMUM_hartmann6Q = hartmannGridMinimum();
    static final double OPTIMUM_mixedQ = 0;
    static final double OPTIMUM_unitsLog = 0;
    static final double OPTIMUM_batchQ = 0;
    static final double OPTIMUM_shiftNormal = 0;
    static final double OPTIMUM_dropoutNormal = 0;
    static final double OPTIMUM_lrLogNormal = 0;
    static final double OPTIMUM_offsetNormalQ = 0;
    static final double OPTIMUM_widthLogNormalQ = 0;

    /** quad1 on the multiples of 0.5 (41 values); 0.75 at x = 0.5. */
    @Tune
    double quadQ(@Uniform(min = -10, max = 10, q = 0.5) double x) {
        return x * x - x + 1;
    }

    /** branin on a grid of step 0.25 (61 × 61 values). */
    @Tune
    double braninQ(@Uniform(min = -5, max = 10, q = 0.25) double x1, @Uniform(min = 0, max = 15, q = 0.25) double x2) {
        return branin(x1, x2);
    }

    /** hartmann6 on a grid of step 0.05 (21 values a knob). */
    @Tune
    double hartmann6Q(@Uniform(min = 0, max = 1, q = 0.05) double x1, @Uniform(min = 0, max = 1, q = 0.05) double x2,
            @Uniform(min = 0, max = 1, q = 0.05) double x3, @Uniform(min = 0, max = 1, q = 0.05) double x4,
            @Uniform(min = 0, max = 1, q = 0.05) double x5, @Uniform(min = 0, max = 1, q = 0.05) double x6) {
        return hartmann6(new double[] {x1, x2, x3, x4, x5, x6});
    }

    /** mixed1 with the learning rate on the multiples of 1e-5 (a log grid of 100,000 values); 0 at lr = 1e-3, 5, tanh. */
    @Tune
    double mixedQ(@LogUniform(min = 1e-5, max = 1, q = 1e-5) double lr, @IntUniform(min = 1, max = 8) int layers,
            @Choice({"relu", "tanh", "sigmoid"}) String act) {
        double[] c = {0.4, 0.0, 0.8};
        double[] u0 = {-2, -3, -1};
        double[] l0 = {3, 5, 2};
        int a = act.equals("relu") ? 0 : act.equals("tanh") ? 1 : 2;
        double d = Math.log10(lr) - u0[a];
        double coupling = layers - l0[a] - d;
        return c[a] + 0.5 * d * d + 0.3 * (1 - Math.cos(2 * Math.PI * d)) + 0.1 * coupling * coupling;
    }

    /** A log-scaled int coupled with a log-uniform real; 0 at units = 37, lr = 10^-2.5. */
    @Tune
    double unitsLog(@IntUniform(min = 1, max = 4096, log = true) int units, @LogUniform(min = 1e-5, max = 1) double lr) {
        double u = Math.log(units / 37.0);
        double v = Math.log10(lr) + 2.5;
        return u * u + v * v + u * v;
    }

    /** A quantized log-uniform int (16, 32, ..., 4096; small ones likelier); 0 at 208 = 13 · 16. */
    @Tune
    double batchQ(@LogUniform(min = 16, max = 4096, q = 16) int batch) {
        double u = Math.log(batch / 208.0) / Math.log(2);
        return u * u;
    }

    /** Two unclipped normal knobs, their optimum 2 and 1.5 sd from the means; 0 at (-4, 2). */
    @Tune
    double shiftNormal(@Normal(mean = 2, sd = 3) double x, @Normal(mean = -1, sd = 2) double y) {
        return (x + 4) * (x + 4) + (y - 2) * (y - 2);
    }

    /** A clipped normal knob, its optimum 2 sd from the mean, and a uniform one; 0 at (0.9, 3). */
    @Tune
    double dropoutNormal(@Normal(mean = 0.5, sd = 0.2, min = 0, max = 1) double dropout,
            @Uniform(min = 0, max = 10) double decay) {
        return 10 * (dropout - 0.9) * (dropout - 0.9) + 0.1 * (decay - 3) * (decay - 3);
    }

    /** A log-normal knob, its optimum 2.3 sd of log x below the median; 0 at lr = 10^-3.5. */
    @Tune
    double lrLogNormal(@LogNormal(mean = -4.605170185988091, sd = 1.5) double lr) {
        double u = Math.log10(lr) + 3.5;
        return u * u;
    }

    /** Two quantized unclipped normals (integers, sd 10), coupled; 0 at (7, -12). */
    @Tune
    double offsetNormalQ(@Normal(mean = 0, sd = 10, q = 1) double x, @Normal(mean = 0, sd = 10, q = 1) double y) {
        double u = x - 7;
        double v = y + 12;
        return u * u + v * v + u * v;
    }

    /** A quantized log-normal (integers, median e^4 ≈ 55); 0 at 150. */
    @Tune
    double widthLogNormalQ(@LogNormal(mean = 4, sd = 1, q = 1) double width) {
        double u = Math.log(width / 150);
        return width == 0 ? 100 : u * u;
    }

    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double r = x2 - b * x1 * x1 + c * x1 - 6;
        return r * r + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static double hartmann6(double[] x) {
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - 1e-4 * P[i][j];
                inner += A[i][j] * d * d;
            }
            f -= ALPHA[i] * Math.exp(-inner);
        }
        return f;
    }

    /** The smallest branin value on the grid of {@link #braninQ}, by trying every point. */
    static double braninGridMinimum() {
        double best = Double.POSITIVE_INFINITY;
        for (int i = -20; i <= 40; i++) {
            for (int j = 0; j <= 60; j++) {
                best = Math.min(best, branin(i * 0.25, j * 0.25));
            }
        }
        return best;
    }

    /**
     * The smallest hartmann6 value on the grid of {@link #hartmann6Q}: every point within two grid
     * steps of the continuous minimizer (5^6 points; the function is smooth there and its other
     * minima are more than 0.1 worse).
     */
    static double hartmannGridMinimum() {
        double[] centre = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        double best = Double.POSITIVE_INFINITY;
        double[] x = new double[6];
        for (int code = 0; code < 15625; code++) {
            int rest = code;
            for (int j = 0; j < 6; j++) {
                long k = Math.round(centre[j] / 0.05) + rest % 5 - 2;
                rest /= 5;
                x[j] = Math.max(0, Math.min(20, k)) * 0.05;
            }
            best = Math.min(best, hartmann6(x));
        }
        return best;
    }
}
