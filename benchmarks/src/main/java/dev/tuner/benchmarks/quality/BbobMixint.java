package dev.tuner.benchmarks.quality;

import java.util.List;
import java.util.Locale;

/**
 * One problem of COCO's {@code bbob-mixint} suite (Tušar, Brockhoff, Hansen, "Mixed-integer
 * benchmark problems for single- and bi-objective optimization", GECCO 2019): a {@link BbobFunction}
 * whose variables, in five equal blocks, are integers of cardinality 2, 4, 8 and 16 and, last,
 * continuous in [-5, 5]; hence D a multiple of 5.
 *
 * <p>As COCO's {@code transform_vars_discretize.c}: an integer variable of cardinality n takes
 * 0..n-1; value k is placed at {@code l + (u - l)(k + 1)/(n + 1)} in the inner function's [l, u] =
 * [-4, 4], shifted by the same offset for every k so that the integer nearest the inner optimum
 * lands exactly on it; a value outside 0..n-1 counts as the nearest bound. The objective is then
 * scaled by COCO's per-function factor ({@code suite_bbob_mixint_scaling_factors}), so the minimum
 * is {@code factor × f_opt}, reached at {@link #xopt()}.
 */
final class BbobMixint {

    /** The dimensions run unless {@code --dims} says otherwise (multiples of 5 only). */
    static final List<Integer> DIMENSIONS = List.of(5, 10);

    private static final int[] CARDINALITY = {2, 4, 8, 16, 0};
    private static final double[] SCALE = {
        1, 1e-3, 1e-1, 1e-1, 1,
        1e-2, 1, 1e-2, 1e-2, 1e-3,
        1e-2, 1e-4, 1e-1, 1, 1e-1,
        1, 10, 1, 10, 1e-1,
        1, 1, 10, 1e-1};
    private static final double INNER_LOW = -4;
    private static final double INNER_HIGH = 4;

    private final BbobFunction inner;
    private final int[] cardinality;
    private final double[] offset;
    private final double[] xopt;

    private BbobMixint(BbobFunction inner) {
        int d = inner.dimension();
        this.inner = inner;
        this.cardinality = new int[d];
        this.offset = new double[d];
        this.xopt = inner.xopt();
        double[] innerXopt = inner.xopt();
        for (int i = 0; i < d; i++) {
            int n = CARDINALITY[i / (d / 5)];
            cardinality[i] = n;
            if (n == 0) {
                continue;
            }
            double low = innerLow(n);
            double high = innerHigh(n);
            double outer = BbobTransforms.round((n - 1) * (innerXopt[i] - low) / (high - low));
            outer = Math.min(n - 1, Math.max(0, outer));
            xopt[i] = outer;
            offset[i] = low + (high - low) * outer / (n - 1) - innerXopt[i];
        }
    }

    /**
     * The mixed-integer variant of a BBOB function's instance.
     *
     * @throws IllegalArgumentException unless the dimension is a positive multiple of 5
     */
    static BbobMixint of(int function, int dimension, int instance) {
        if (dimension < 5 || dimension % 5 != 0) {
            throw new IllegalArgumentException("bbob-mixint needs a dimension that is a multiple of 5, not " + dimension
                    + "; give --dims 5,10");
        }
        return new BbobMixint(BbobFunction.of(function, dimension, instance));
    }

    private static double innerLow(int n) {
        return INNER_LOW + (INNER_HIGH - INNER_LOW) / (n + 1);
    }

    private static double innerHigh(int n) {
        return INNER_HIGH - (INNER_HIGH - INNER_LOW) / (n + 1);
    }

    int function() {
        return inner.function();
    }

    int dimension() {
        return inner.dimension();
    }

    /** A variable's number of integer values, or 0 for a continuous one. */
    int cardinality(int i) {
        return cardinality[i];
    }

    /** The minimum: the BBOB instance's {@code f_opt} times the function's scale factor. */
    double fopt() {
        return SCALE[inner.function() - 1] * inner.fopt();
    }

    /** Where the minimum is: integers for the integer variables. */
    double[] xopt() {
        return xopt.clone();
    }

    /** The name in the benchmark's results: {@code bbob-mixint-f07-d5-i2}. */
    String name() {
        return String.format(Locale.ROOT, "bbob-mixint-f%02d-d%d-i%d", inner.function(), inner.dimension(),
                inner.instance());
    }

    /** The value at {@code x}: integer variables rounded to their nearest value in 0..n-1. */
    double value(double[] x) {
        double[] z = x.clone();
        for (int i = 0; i < z.length; i++) {
            int n = cardinality[i];
            if (n == 0) {
                continue;
            }
            double k = Math.min(n - 1, Math.max(0, BbobTransforms.round(x[i])));
            double low = innerLow(n);
            z[i] = low + (innerHigh(n) - low) * k / (n - 1) - offset[i];
        }
        return SCALE[inner.function() - 1] * inner.value(z);
    }
}
