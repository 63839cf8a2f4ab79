package dev.tuner.benchmarks.mo;

import java.util.List;
import java.util.Map;

/**
 * The objective and constraint functions of {@code shared/bench/mo_functions.py}, operation for
 * operation in the same order so that the values agree to the last bits (MoProblemsTest checks 1e-12
 * relative against the Python file's own values). All objectives are minimized; a constraint value
 * {@code ≤ 0} is satisfied.
 */
final class MoFunctions {

    static final List<String> MIXED_ARCHS = List.of("mlp", "cnn", "transformer");
    private static final Map<String, Double> MIXED_A = Map.of("mlp", 0.40, "cnn", 0.20, "transformer", 0.05);
    private static final double MIXED_B = 0.60;
    static final Map<String, Double> MIXED_M = Map.of("mlp", -2.0, "cnn", -3.0, "transformer", -3.5);
    private static final double MIXED_C = 0.10;
    private static final Map<String, Double> MIXED_T = Map.of("mlp", 0.5, "cnn", 1.0, "transformer", 2.0);
    private static final Map<String, Double> MIXED_S = Map.of("mlp", 1.0, "cnn", 2.0, "transformer", 4.0);

    private MoFunctions() {}

    /** ZDT's g = 1 + 9 (x1 + ... + x(n-1)) / (n - 1), summed left to right as Python's {@code sum}. */
    private static double zdtG(double[] x) {
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        return 1.0 + 9.0 * sum / (x.length - 1);
    }

    static double[] zdt1(double[] x) {
        double f1 = x[0];
        double g = zdtG(x);
        return new double[] {f1, g * (1.0 - Math.sqrt(f1 / g))};
    }

    static double[] zdt2(double[] x) {
        double f1 = x[0];
        double g = zdtG(x);
        double ratio = f1 / g;
        return new double[] {f1, g * (1.0 - ratio * ratio)};
    }

    static double[] zdt3(double[] x) {
        double f1 = x[0];
        double g = zdtG(x);
        double h = 1.0 - Math.sqrt(f1 / g) - (f1 / g) * Math.sin(10.0 * Math.PI * f1);
        return new double[] {f1, g * h};
    }

    /** DTLZ2 with m objectives: g over x(m-1)..x(n-1), then the products of cosines and a sine. */
    static double[] dtlz2(double[] x, int m) {
        double g = 0;
        for (int i = m - 1; i < x.length; i++) {
            double d = x[i] - 0.5;
            g += d * d;
        }
        double[] f = new double[m];
        for (int i = 0; i < m; i++) {
            double v = 1.0 + g;
            for (int j = 0; j < m - 1 - i; j++) {
                v *= Math.cos(x[j] * Math.PI / 2.0);
            }
            if (i > 0) {
                v *= Math.sin(x[m - 1 - i] * Math.PI / 2.0);
            }
            f[i] = v;
        }
        return f;
    }

    /** C2-DTLZ2's constraint: within r of a unit axis vector or of (1,..,1)/sqrt(m) is feasible. */
    static double c2dtlz2Constraint(double[] f, double r) {
        int m = f.length;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double others = 0;
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    others += f[j] * f[j];
                }
            }
            double d = f[i] - 1.0;
            best = Math.min(best, d * d + others - r * r);
        }
        double centre = 0;
        double diagonal = 1.0 / Math.sqrt(m);
        for (double fi : f) {
            double d = fi - diagonal;
            centre += d * d;
        }
        return Math.min(best, centre - r * r);
    }

    static double[] mixed(double lr, int layers, String arch) {
        double decades = Math.log10(lr) - MIXED_M.get(arch);
        double loss = MIXED_A.get(arch) + MIXED_B / layers + MIXED_C * (decades * decades);
        double latency = MIXED_T.get(arch) + MIXED_S.get(arch) * layers;
        return new double[] {loss, latency};
    }

    static MoEvaluation bnh(double x, double y) {
        double f1 = 4 * x * x + 4 * y * y;
        double f2 = square(x - 5) + square(y - 5);
        double g1 = square(x - 5) + y * y - 25.0;
        double g2 = 7.7 - square(x - 8) - square(y + 3);
        return new MoEvaluation(new double[] {f1, f2}, new double[] {g1, g2});
    }

    static MoEvaluation constr(double x1, double x2) {
        double f2 = (1.0 + x2) / x1;
        double g1 = 6.0 - (x2 + 9.0 * x1);
        double g2 = 1.0 - (9.0 * x1 - x2);
        return new MoEvaluation(new double[] {x1, f2}, new double[] {g1, g2});
    }

    private static double square(double value) {
        return value * value;
    }
}
