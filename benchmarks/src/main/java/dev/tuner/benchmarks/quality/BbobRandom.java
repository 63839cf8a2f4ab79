package dev.tuner.benchmarks.quality;

/**
 * The seeded numbers from which COCO builds every BBOB instance: its legacy uniform generator (a
 * Park–Miller minimal-standard generator with a 32-slot shuffle table), Box–Muller normals from
 * it, the random rotations (Gram–Schmidt on a matrix of those normals), the optimum's location and
 * the objective offset {@code f_opt}.
 *
 * <p>Hand-written rather than taken from a library because an instance is only the same instance
 * as COCO's if every number is drawn exactly as COCO's {@code suite_bbob_legacy_code.c} draws it
 * (the same integer recurrence, the same shuffle, the same column-wise reshaping); no generator of
 * commons-rng reproduces that sequence. Re-implemented from the published definitions (Hansen et
 * al., "Real-parameter black-box optimization benchmarking 2009: noiseless functions
 * definitions") and COCO's source, which fixes the details the paper leaves open.
 */
final class BbobRandom {

    private BbobRandom() {}

    /** {@code n} uniform numbers in (0, 1) from a seed, as COCO's {@code bbob2009_unif}. */
    static double[] uniform(int n, long seed) {
        long state = Math.max(1, Math.abs(seed));
        long[] table = new long[32];
        for (int i = 39; i >= 0; i--) {
            state = next(state);
            if (i < 32) {
                table[i] = state;
            }
        }
        long current = table[0];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            state = next(state);
            int slot = (int) Math.floor((double) current / 67108865.0);
            current = table[slot];
            table[slot] = state;
            r[i] = current / 2.147483647e9;
            if (r[i] == 0.0) {
                r[i] = 1e-99;
            }
        }
        return r;
    }

    /** One step of the minimal-standard recurrence, by Schrage's method (no overflow). */
    private static long next(long state) {
        long quotient = (long) Math.floor((double) state / 127773.0);
        long next = 16807 * (state - quotient * 127773) - 2836 * quotient;
        return next < 0 ? next + 2147483647L : next;
    }

    /** {@code n} standard normal numbers from a seed, by Box–Muller on {@code 2n} uniforms, as {@code bbob2009_gauss}. */
    static double[] gauss(int n, long seed) {
        double[] u = uniform(2 * n, seed);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.sqrt(-2 * Math.log(u[i])) * Math.cos(2 * Math.PI * u[n + i]);
            if (g[i] == 0.0) {
                g[i] = 1e-99;
            }
        }
        return g;
    }

    /**
     * A random orthogonal {@code dim × dim} matrix, {@code [row][column]}: normals filled column
     * by column, then its columns orthonormalized in order (Gram–Schmidt), as
     * {@code bbob2009_compute_rotation}.
     */
    static double[][] rotation(long seed, int dim) {
        double[] normals = gauss(dim * dim, seed);
        double[][] b = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                b[i][j] = normals[j * dim + i];
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double product = 0;
                for (int k = 0; k < dim; k++) {
                    product += b[k][i] * b[k][j];
                }
                for (int k = 0; k < dim; k++) {
                    b[k][i] -= product * b[k][j];
                }
            }
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                norm += b[k][i] * b[k][i];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < dim; k++) {
                b[k][i] /= norm;
            }
        }
        return b;
    }

    /** The optimum's location, uniform on a grid of step 8e-4 in [-4, 4), never exactly 0 ({@code bbob2009_compute_xopt}). */
    static double[] xopt(long seed, int dim) {
        double[] x = uniform(dim, seed);
        for (int i = 0; i < dim; i++) {
            x[i] = 8 * Math.floor(1e4 * x[i]) / 1e4 - 4;
            if (x[i] == 0.0) {
                x[i] = -1e-5;
            }
        }
        return x;
    }

    /**
     * The objective offset of a function's instance: a ratio of two normals, rounded to two
     * decimals and clipped to [-1000, 1000] ({@code bbob2009_compute_fopt}); f4 draws it with f3's
     * seed and f18 with f17's.
     */
    static double fopt(int function, int instance) {
        long seed = function == 4 ? 3 : function == 18 ? 17 : function;
        seed += 10000L * instance;
        double numerator = gauss(1, seed)[0];
        double denominator = gauss(1, seed + 1)[0];
        double rounded = Math.floor(100.0 * 100.0 * numerator / denominator + 0.5) / 100.0;
        return Math.min(1000.0, Math.max(-1000.0, rounded));
    }
}
