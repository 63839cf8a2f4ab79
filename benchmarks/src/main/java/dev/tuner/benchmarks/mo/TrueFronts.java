package dev.tuner.benchmarks.mo;

import dev.tuner.core.pareto.Domination;
import dev.tuner.core.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The true fronts' samples and hypervolumes, built exactly as {@code mo_functions.py}'s
 * {@code true_front} and {@code hv_true} build them (same grids, same order, same filters), so that
 * IGD and hypervolume ratios compare with {@code mo_quality.json}'s like for like.
 */
final class TrueFronts {

    /**
     * C2-DTLZ2's true hypervolume: that of the Das-Dennis p = 200 sample, which {@code mo_functions.py}
     * fixes as a constant so that every port uses the same one.
     */
    static final double C2DTLZ2_HV_P200 = 0.7247418500760676;

    private TrueFronts() {}

    /** f2 = 1 - sqrt(f1) on f1 = linspace(0, 1, 1001). */
    static double[][] zdt1() {
        return curve(linspace(0, 1, 1001), f1 -> 1 - Math.sqrt(f1));
    }

    /** f2 = 1 - f1^2 on f1 = linspace(0, 1, 1001). */
    static double[][] zdt2() {
        return curve(linspace(0, 1, 1001), f1 -> 1 - f1 * f1);
    }

    /** The 100001-point ZDT3 curve's non-dominated points, every k-th of them so that about 1000 remain. */
    static double[][] zdt3() {
        double[][] curve = zdt3Curve(100_001);
        int every = (int) Math.ceil(curve.length / 1000.0);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < curve.length; i += every) {
            kept.add(curve[i]);
        }
        return kept.toArray(double[][]::new);
    }

    /** The non-dominated subset of f2 = 1 - sqrt(f1) - f1 sin(10 pi f1) on linspace(0, 1, n). */
    static double[][] zdt3Curve(int n) {
        return nonDominated2d(curve(linspace(0, 1, n), f1 -> 1.0 - Math.sqrt(f1) - f1 * Math.sin(10.0 * Math.PI * f1)));
    }

    /** Das-Dennis p = 44 projected on the unit sphere (1035 points). */
    static double[][] dtlz2() {
        return sphere(44);
    }

    /** The feasible points of Das-Dennis p = 120 on the unit sphere (4282 points). */
    static double[][] c2dtlz2() {
        return Arrays.stream(sphere(120))
                .filter(point -> MoFunctions.c2dtlz2Constraint(point, 0.4) <= 0)
                .toArray(double[][]::new);
    }

    /** The non-dominated points (duplicates kept) of the 24 (arch, layers) points at each arch's best learning rate. */
    static double[][] mixed() {
        List<double[]> points = new ArrayList<>();
        for (String arch : MoFunctions.MIXED_ARCHS) {
            for (int layers = 1; layers <= 8; layers++) {
                points.add(MoFunctions.mixed(Math.pow(10.0, MoFunctions.MIXED_M.get(arch)), layers, arch));
            }
        }
        return points.stream()
                .filter(point -> points.stream().noneMatch(other -> Domination.dominates(other, point)))
                .toArray(double[][]::new);
    }

    /** (8t^2, 2(t-5)^2) on t = linspace(0, 3, 601), then (4x^2 + 36, (x-5)^2 + 4) on linspace(3, 5, 401) but its first. */
    static double[][] bnh() {
        return bnh(601, 401);
    }

    static double[][] bnh(int first, int second) {
        double[] t = linspace(0, 3, first);
        double[] x = linspace(3, 5, second);
        double[][] points = new double[first + second - 1][];
        for (int i = 0; i < first; i++) {
            double d = t[i] - 5;
            points[i] = new double[] {8 * t[i] * t[i], 2 * (d * d)};
        }
        for (int i = 1; i < second; i++) {
            double d = x[i] - 5;
            points[first + i - 1] = new double[] {4 * x[i] * x[i] + 36, d * d + 4};
        }
        return points;
    }

    /** f2 = 7/f1 - 9 up to f1 = 2/3, 1/f1 beyond, on f1 = linspace(7/18, 1, 1000). */
    static double[][] constr() {
        return curve(linspace(7.0 / 18.0, 1.0, 1000), f1 -> f1 <= 2.0 / 3.0 ? 7.0 / f1 - 9.0 : 1.0 / f1);
    }

    static double zdt3Hypervolume(double[] reference) {
        return Hypervolume.of(zdt3Curve(100_001), reference);
    }

    static double bnhHypervolume(double[] reference) {
        return Hypervolume.of(bnh(200_001, 200_001), reference);
    }

    static double constrHypervolume() {
        return 19.0 * (2.0 / 3.0 - 7.0 / 18.0) - 7.0 * Math.log(12.0 / 7.0) + 10.0 / 3.0 - Math.log(1.5) + 0.9;
    }

    /** numpy's linspace: start + i * step, the last exactly stop. */
    static double[] linspace(double start, double stop, int n) {
        double[] values = new double[n];
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            values[i] = i * step + start;
        }
        values[n - 1] = stop;
        return values;
    }

    /** All (i_1, .., i_m)/p with the i summing to p, in the lexicographic order of {@code das_dennis}. */
    static double[][] dasDennis(int m, int p) {
        List<double[]> points = new ArrayList<>();
        dasDennis(new int[m], 0, p, points, p);
        return points.toArray(double[][]::new);
    }

    private static void dasDennis(int[] prefix, int depth, int left, List<double[]> out, int p) {
        if (depth == prefix.length - 1) {
            prefix[depth] = left;
            out.add(Arrays.stream(prefix).mapToDouble(i -> (double) i / p).toArray());
            return;
        }
        for (int i = 0; i <= left; i++) {
            prefix[depth] = i;
            dasDennis(prefix, depth + 1, left - i, out, p);
        }
    }

    private static double[][] sphere(int divisions) {
        double[][] points = dasDennis(3, divisions);
        for (double[] point : points) {
            double norm = Math.sqrt(point[0] * point[0] + point[1] * point[1] + point[2] * point[2]);
            for (int k = 0; k < 3; k++) {
                point[k] /= norm;
            }
        }
        return points;
    }

    private static double[][] curve(double[] f1, DoubleUnaryOperator f2) {
        double[][] points = new double[f1.length][];
        for (int i = 0; i < f1.length; i++) {
            points[i] = new double[] {f1[i], f2.applyAsDouble(f1[i])};
        }
        return points;
    }

    /** mo_functions' nondominated_2d: sorted by (f1, f2), the points whose f2 is a strict new minimum. */
    static double[][] nonDominated2d(double[][] points) {
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> kept = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (double[] point : sorted) {
            if (point[1] < best) {
                kept.add(point);
                best = point[1];
            }
        }
        return kept.toArray(double[][]::new);
    }
}
