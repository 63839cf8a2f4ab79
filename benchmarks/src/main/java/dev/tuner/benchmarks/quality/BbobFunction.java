package dev.tuner.benchmarks.quality;

import static dev.tuner.benchmarks.quality.BbobTransforms.asymmetric;
import static dev.tuner.benchmarks.quality.BbobTransforms.conditionedRotation;
import static dev.tuner.benchmarks.quality.BbobTransforms.ellipsoid;
import static dev.tuner.benchmarks.quality.BbobTransforms.lambda;
import static dev.tuner.benchmarks.quality.BbobTransforms.minus;
import static dev.tuner.benchmarks.quality.BbobTransforms.oscillate;
import static dev.tuner.benchmarks.quality.BbobTransforms.penalty;
import static dev.tuner.benchmarks.quality.BbobTransforms.rastrigin;
import static dev.tuner.benchmarks.quality.BbobTransforms.rosenbrock;
import static dev.tuner.benchmarks.quality.BbobTransforms.round;
import static dev.tuner.benchmarks.quality.BbobTransforms.times;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One instance of one of the 24 noiseless BBOB functions (COCO's {@code bbob} suite) in one
 * dimension: minimized over [-5, 5]^D, its minimum {@link #fopt()} at {@link #xopt()}.
 *
 * <p>Each function is re-implemented from the definitions document (Hansen, Finck, Ros, Auger,
 * "Real-parameter black-box optimization benchmarking 2009: noiseless functions definitions") with
 * the instance mechanism of COCO's source ({@code suite_bbob.c}, {@code f_*.c}): seed
 * {@code function + 10000 × instance} (f4 uses f3's, f18 f17's), {@code x_opt} from it,
 * rotations {@code R} from {@code seed + 1000000} and {@code Q} from {@code seed} (named here by
 * their seeds, as COCO's code does: {@code r1} and {@code r2}), and where COCO's code departs
 * from the document (f4 makes the odd coordinates of {@code x_opt} positive; f12 draws
 * {@code x_opt} with the rotation's seed; f9 and f19 place {@code x_opt} at
 * {@code Rᵀ 1 / (2 max(1, √D/8))}), the code is followed, so that {@code bbob-f07-d5-i2} here is
 * COCO's {@code bbob_f007_i02_d05}.
 */
final class BbobFunction {

    /** The BBOB functions: 1..24. */
    static final int COUNT = 24;

    private final int function;
    private final int dimension;
    private final int instance;
    private final double[] xopt;
    private final double fopt;
    private final ToDoubleFunction<double[]> formula;

    private BbobFunction(int function, int dimension, int instance, double[] xopt, double fopt,
            ToDoubleFunction<double[]> formula) {
        this.function = function;
        this.dimension = dimension;
        this.instance = instance;
        this.xopt = xopt;
        this.fopt = fopt;
        this.formula = formula;
    }

    int function() {
        return function;
    }

    int dimension() {
        return dimension;
    }

    int instance() {
        return instance;
    }

    /** The optimum's value. */
    double fopt() {
        return fopt;
    }

    /** Where the optimum is (f5: on the boundary; f20: where COCO reports it). */
    double[] xopt() {
        return xopt.clone();
    }

    /** The name in the benchmark's results: {@code bbob-f07-d5-i2}. */
    String name() {
        return String.format(Locale.ROOT, "bbob-f%02d-d%d-i%d", function, dimension, instance);
    }

    /** The function's value at {@code x} (of length {@link #dimension()}). */
    double value(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException(name() + " takes " + dimension + " coordinates, not " + x.length);
        }
        return formula.applyAsDouble(x);
    }

    /**
     * The instance of a function in a dimension.
     *
     * @throws IllegalArgumentException unless 1 ≤ function ≤ 24, dimension ≥ 2 and instance ≥ 1
     */
    static BbobFunction of(int function, int dimension, int instance) {
        if (function < 1 || function > COUNT || dimension < 2 || instance < 1) {
            throw new IllegalArgumentException("no BBOB function f" + function + " in " + dimension + "-D, instance "
                    + instance + ": functions are 1..24, dimensions at least 2, instances at least 1");
        }
        int d = dimension;
        long seed = function + 10000L * instance;
        double fopt = BbobRandom.fopt(function, instance);
        switch (function) {
            case 1: {
                double[] xo = BbobRandom.xopt(seed, d);
                return make(function, d, instance, xo, fopt, x -> {
                    double sum = 0;
                    for (double z : minus(x, xo)) {
                        sum += z * z;
                    }
                    return sum + fopt;
                });
            }
            case 2: {
                double[] xo = BbobRandom.xopt(seed, d);
                return make(function, d, instance, xo, fopt, x -> ellipsoid(oscillate(minus(x, xo))) + fopt);
            }
            case 3: {
                double[] xo = BbobRandom.xopt(seed, d);
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = asymmetric(oscillate(minus(x, xo)), 0.2);
                    for (int i = 0; i < d; i++) {
                        z[i] *= lambda(10, i, d);
                    }
                    return rastrigin(z) + fopt;
                });
            }
            case 4:
                return buecheRastrigin(d, instance, fopt);
            case 5:
                return linearSlope(d, instance, seed, fopt);
            case 6: {
                double[] xo = BbobRandom.xopt(seed, d);
                double[][] m = conditionedRotation(rotation(seed + 1000000, d), 10, rotation(seed, d));
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = times(m, minus(x, xo));
                    double sum = 0;
                    for (int i = 0; i < d; i++) {
                        sum += (xo[i] * z[i] > 0 ? 1e4 : 1) * z[i] * z[i];
                    }
                    return Math.pow(oscillate(sum), 0.9) + fopt;
                });
            }
            case 7:
                return stepEllipsoid(d, instance, seed, fopt);
            case 8: {
                double[] xo = BbobRandom.xopt(seed, d);
                for (int i = 0; i < d; i++) {
                    xo[i] *= 0.75;
                }
                double factor = Math.max(1.0, Math.sqrt(d) / 8.0);
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = new double[d];
                    for (int i = 0; i < d; i++) {
                        z[i] = factor * (x[i] - xo[i]) + 1;
                    }
                    return rosenbrock(z) + fopt;
                });
            }
            case 9:
                return rotatedRosenbrockFamily(9, d, instance, seed, fopt);
            case 10: {
                double[] xo = BbobRandom.xopt(seed, d);
                double[][] r1 = rotation(seed + 1000000, d);
                return make(function, d, instance, xo, fopt, x -> ellipsoid(oscillate(times(r1, minus(x, xo)))) + fopt);
            }
            case 11: {
                double[] xo = BbobRandom.xopt(seed, d);
                double[][] r1 = rotation(seed + 1000000, d);
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = oscillate(times(r1, minus(x, xo)));
                    double sum = 1.0e6 * z[0] * z[0];
                    for (int i = 1; i < d; i++) {
                        sum += z[i] * z[i];
                    }
                    return sum + fopt;
                });
            }
            case 12: {
                double[] xo = BbobRandom.xopt(seed + 1000000, d);
                double[][] r1 = rotation(seed + 1000000, d);
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = times(r1, asymmetric(times(r1, minus(x, xo)), 0.5));
                    double sum = z[0] * z[0];
                    for (int i = 1; i < d; i++) {
                        sum += 1.0e6 * z[i] * z[i];
                    }
                    return sum + fopt;
                });
            }
            case 13: {
                double[] xo = BbobRandom.xopt(seed, d);
                double[][] m = conditionedRotation(rotation(seed + 1000000, d), 10, rotation(seed, d));
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = times(m, minus(x, xo));
                    double sum = 0;
                    for (int i = 1; i < d; i++) {
                        sum += z[i] * z[i];
                    }
                    return 100.0 * Math.sqrt(sum) + z[0] * z[0] + fopt;
                });
            }
            case 14: {
                double[] xo = BbobRandom.xopt(seed, d);
                double[][] r1 = rotation(seed + 1000000, d);
                return make(function, d, instance, xo, fopt, x -> {
                    double[] z = times(r1, minus(x, xo));
                    double sum = 0;
                    for (int i = 0; i < d; i++) {
                        sum += Math.pow(Math.abs(z[i]), 2.0 + 4.0 * i / (d - 1.0));
                    }
                    return Math.sqrt(sum) + fopt;
                });
            }
            case 15: {
                double[] xo = BbobRandom.xopt(seed, d);
                double[][] r1 = rotation(seed + 1000000, d);
                double[][] m = conditionedRotation(r1, 10, rotation(seed, d));
                return make(function, d, instance, xo, fopt,
                        x -> rastrigin(times(m, asymmetric(oscillate(times(r1, minus(x, xo))), 0.2))) + fopt);
            }
            case 16:
                return weierstrass(d, instance, seed, fopt);
            case 17:
                return schaffers(17, d, instance, seed, 10, fopt);
            case 18:
                return schaffers(18, d, instance, 17 + 10000L * instance, 1000, fopt);
            case 19:
                return rotatedRosenbrockFamily(19, d, instance, seed, fopt);
            case 20:
                return schwefel(d, instance, seed, fopt);
            case 21:
                return BbobGallagher.of(21, d, instance, seed, 101, fopt);
            case 22:
                return BbobGallagher.of(22, d, instance, seed, 21, fopt);
            case 23:
                return katsuura(d, instance, seed, fopt);
            default:
                return lunacek(d, instance, seed, fopt);
        }
    }

    static BbobFunction make(int function, int d, int instance, double[] xopt, double fopt,
            ToDoubleFunction<double[]> formula) {
        return new BbobFunction(function, d, instance, xopt, fopt, formula);
    }

    private static double[][] rotation(long seed, int d) {
        return BbobRandom.rotation(seed, d);
    }

    private static BbobFunction buecheRastrigin(int d, int instance, double fopt) {
        double[] xo = BbobRandom.xopt(3 + 10000L * instance, d);
        for (int i = 0; i < d; i += 2) {
            xo[i] = Math.abs(xo[i]);
        }
        return make(4, d, instance, xo, fopt, x -> {
            double[] z = oscillate(minus(x, xo));
            for (int i = 0; i < d; i++) {
                double factor = lambda(10, i, d);
                if (z[i] > 0 && i % 2 == 0) {
                    factor *= 10;
                }
                z[i] *= factor;
            }
            return rastrigin(z) + fopt + 100 * penalty(x);
        });
    }

    private static BbobFunction linearSlope(int d, int instance, long seed, double fopt) {
        double[] best = BbobRandom.xopt(seed, d);
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            best[i] = best[i] < 0 ? -5 : 5;
            s[i] = (best[i] > 0 ? 1 : -1) * lambda(100, i, d);
        }
        return make(5, d, instance, best, fopt, x -> {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double z = best[i] * x[i] < 25 ? x[i] : best[i];
                sum += 5 * Math.abs(s[i]) - s[i] * z;
            }
            return sum + fopt;
        });
    }

    private static BbobFunction stepEllipsoid(int d, int instance, long seed, double fopt) {
        double[] xo = BbobRandom.xopt(seed, d);
        double[][] r1 = rotation(seed + 1000000, d);
        double[][] r2 = rotation(seed, d);
        return make(7, d, instance, xo, fopt, x -> {
            double[] shifted = minus(x, xo);
            double[] z = times(r2, shifted);
            for (int i = 0; i < d; i++) {
                z[i] *= Math.sqrt(Math.pow(10.0, (double) i / (d - 1)));
            }
            double first = z[0];
            for (int i = 0; i < d; i++) {
                z[i] = Math.abs(z[i]) > 0.5 ? round(z[i]) : round(10.0 * z[i]) / 10.0;
            }
            double[] zz = times(r1, z);
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += Math.pow(100.0, i / (d - 1.0)) * zz[i] * zz[i];
            }
            return 0.1 * Math.max(Math.abs(first) * 1.0e-4, sum) + penalty(x) + fopt;
        });
    }

    /** f9 (rotated Rosenbrock) and f19 (Griewank–Rosenbrock F8F2): both read {@code z = max(1, √D/8) Q x + 1/2}. */
    private static BbobFunction rotatedRosenbrockFamily(int function, int d, int instance, long seed, double fopt) {
        double factor = Math.max(1.0, Math.sqrt(d) / 8.0);
        double[][] q = rotation(seed, d);
        double[] xo = new double[d];
        for (int column = 0; column < d; column++) {
            double sum = 0;
            for (int row = 0; row < d; row++) {
                sum += q[row][column];
            }
            xo[column] = sum / (2.0 * factor);
        }
        return make(function, d, instance, xo, fopt, x -> {
            double[] z = times(q, x);
            for (int i = 0; i < d; i++) {
                z[i] = factor * z[i] + 0.5;
            }
            if (function == 9) {
                return rosenbrock(z) + fopt;
            }
            double sum = 0;
            for (int i = 0; i < d - 1; i++) {
                double a = z[i] * z[i] - z[i + 1];
                double b = 1.0 - z[i];
                double s = 100.0 * a * a + b * b;
                sum += s / 4000.0 - Math.cos(s);
            }
            return 10.0 + 10.0 * sum / (d - 1) + fopt;
        });
    }

    private static BbobFunction weierstrass(int d, int instance, long seed, double fopt) {
        double[] xo = BbobRandom.xopt(seed, d);
        double[][] r1 = rotation(seed + 1000000, d);
        double[][] m = conditionedRotation(r1, 1.0 / 100.0, rotation(seed, d));
        double[] a = new double[12];
        double[] b = new double[12];
        double f0 = 0;
        for (int k = 0; k < 12; k++) {
            a[k] = Math.pow(0.5, k);
            b[k] = Math.pow(3.0, k);
            f0 += a[k] * Math.cos(2 * Math.PI * b[k] * 0.5);
        }
        double offset = f0;
        return make(16, d, instance, xo, fopt, x -> {
            double[] z = times(m, oscillate(times(r1, minus(x, xo))));
            double sum = 0;
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < 12; k++) {
                    sum += Math.cos(2 * Math.PI * (z[i] + 0.5) * b[k]) * a[k];
                }
            }
            return 10.0 * Math.pow(sum / d - offset, 3.0) + fopt + 10.0 / d * penalty(x);
        });
    }

    private static BbobFunction schaffers(int function, int d, int instance, long seed, double condition, double fopt) {
        double[] xo = BbobRandom.xopt(seed, d);
        double[][] r1 = rotation(seed + 1000000, d);
        double[][] m = rotation(seed, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] *= lambda(condition, i, d);
            }
        }
        return make(function, d, instance, xo, fopt, x -> {
            double[] z = times(m, asymmetric(times(r1, minus(x, xo)), 0.5));
            double sum = 0;
            for (int i = 0; i < d - 1; i++) {
                double t = z[i] * z[i] + z[i + 1] * z[i + 1];
                double sine = Math.sin(50.0 * Math.pow(t, 0.1));
                sum += Math.pow(t, 0.25) * (1.0 + sine * sine);
            }
            double mean = sum / (d - 1.0);
            return mean * mean + fopt + 10 * penalty(x);
        });
    }

    private static BbobFunction schwefel(int d, int instance, long seed, double fopt) {
        double[] u = BbobRandom.uniform(d, seed);
        double[] sign = new double[d];
        double[] inner = new double[d];
        double[] reported = new double[d];
        for (int i = 0; i < d; i++) {
            sign[i] = u[i] - 0.5 < 0 ? -1 : 1;
            inner[i] = sign[i] * 0.5 * 4.2096874637;
            // COCO reports the optimum with a constant 4e-10 away from the one the formula uses
            reported[i] = sign[i] * 0.5 * 4.2096874633;
        }
        return make(20, d, instance, reported, fopt, x -> {
            double[] xHat = new double[d];
            for (int i = 0; i < d; i++) {
                xHat[i] = 2 * sign[i] * x[i];
            }
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                double zHat = i == 0 ? xHat[0] : xHat[i] + 0.25 * (xHat[i - 1] - 2.0 * Math.abs(inner[i - 1]));
                double twice = 2 * Math.abs(inner[i]);
                z[i] = 100 * (lambda(10, i, d) * (zHat - twice) + twice);
            }
            double outside = 0;
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double beyond = Math.abs(z[i]) - 500.0;
                if (beyond > 0) {
                    outside += beyond * beyond;
                }
                sum += z[i] * Math.sin(Math.sqrt(Math.abs(z[i])));
            }
            return 0.01 * (outside + 418.9828872724339 - sum / d) + fopt;
        });
    }

    private static BbobFunction katsuura(int d, int instance, long seed, double fopt) {
        double[] xo = BbobRandom.xopt(seed, d);
        double[][] m = conditionedRotation(rotation(seed + 1000000, d), 100, rotation(seed, d));
        double exponent = 10.0 / Math.pow(d, 1.2);
        return make(23, d, instance, xo, fopt, x -> {
            double[] z = times(m, minus(x, xo));
            double product = 1.0;
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 1; j < 33; j++) {
                    double power = Math.pow(2.0, j);
                    sum += Math.abs(power * z[i] - round(power * z[i])) / power;
                }
                product *= 1.0 + (i + 1) * sum;
            }
            return 10.0 / d / d * (-1.0 + Math.pow(product, exponent)) + fopt + penalty(x);
        });
    }

    private static BbobFunction lunacek(int d, int instance, long seed, double fopt) {
        double mu0 = 2.5;
        double s = 1.0 - 0.5 / (Math.sqrt(d + 20.0) - 4.1);
        double mu1 = -Math.sqrt((mu0 * mu0 - 1.0) / s);
        double[][] r1 = rotation(seed + 1000000, d);
        double[][] r2 = rotation(seed, d);
        double[] g = BbobRandom.gauss(d, seed);
        double[] xo = new double[d];
        for (int i = 0; i < d; i++) {
            xo[i] = g[i] < 0 ? -0.5 * mu0 : 0.5 * mu0;
        }
        return make(24, d, instance, xo, fopt, x -> {
            double[] xHat = new double[d];
            for (int i = 0; i < d; i++) {
                xHat[i] = xo[i] < 0 ? -2.0 * x[i] : 2.0 * x[i];
            }
            double[] t = new double[d];
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += r2[i][j] * (xHat[j] - mu0);
                }
                t[i] = lambda(100, i, d) * sum;
            }
            double[] z = times(r1, t);
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            for (int i = 0; i < d; i++) {
                sum1 += (xHat[i] - mu0) * (xHat[i] - mu0);
                sum2 += (xHat[i] - mu1) * (xHat[i] - mu1);
                sum3 += Math.cos(2 * Math.PI * z[i]);
            }
            return Math.min(sum1, d + s * sum2) + 10.0 * (d - sum3) + 1e4 * penalty(x) + fopt;
        });
    }

    @Override
    public String toString() {
        return name() + " (f_opt " + fopt + " at " + Arrays.toString(xopt) + ")";
    }
}
