package dev.tuner.benchmarks.quality;

/**
 * The building blocks of the BBOB functions, as the definitions document names them: the
 * oscillation {@code T_osz}, the asymmetry {@code T_asy^β}, the diagonal conditioning
 * {@code Λ^α}, the boundary penalty {@code f_pen}, matrix products, and the raw functions several
 * BBOB functions share (Rastrigin, the ellipsoid). Each is written as COCO's transformation of the
 * same name computes it ({@code transform_vars_oscillate.c}, {@code transform_vars_asymmetric.c},
 * ...), so values agree with COCO's to rounding.
 */
final class BbobTransforms {

    private BbobTransforms() {}

    /** {@code T_osz} of one coordinate: a smooth, symmetric-breaking oscillation that keeps 0 and the sign. */
    static double oscillate(double x) {
        if (x > 0) {
            double t = Math.log(x) / 0.1;
            return Math.pow(Math.exp(t + 0.49 * (Math.sin(t) + Math.sin(0.79 * t))), 0.1);
        }
        if (x < 0) {
            double t = Math.log(-x) / 0.1;
            return -Math.pow(Math.exp(t + 0.49 * (Math.sin(0.55 * t) + Math.sin(0.31 * t))), 0.1);
        }
        return 0;
    }

    /** {@code T_osz} of every coordinate. */
    static double[] oscillate(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = oscillate(x[i]);
        }
        return y;
    }

    /** {@code T_asy^β}: a positive coordinate i is raised to {@code 1 + β i/(D-1) √x_i}; others stay. */
    static double[] asymmetric(double[] x, double beta) {
        int d = x.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            y[i] = x[i] > 0 ? Math.pow(x[i], 1.0 + beta * i / (d - 1.0) * Math.sqrt(x[i])) : x[i];
        }
        return y;
    }

    /** The i-th diagonal entry of {@code Λ^α}: {@code α^(i / (2(D-1)))}, computed as COCO does, {@code √α^(i/(D-1))}. */
    static double lambda(double alpha, int i, int d) {
        return Math.pow(Math.sqrt(alpha), i / (d - 1.0));
    }

    /** {@code f_pen}: the squared distance by which a point leaves [-5, 5]^D. */
    static double penalty(double[] x) {
        double sum = 0;
        for (double xi : x) {
            double out = Math.abs(xi) - 5;
            if (out > 0) {
                sum += out * out;
            }
        }
        return sum;
    }

    /** {@code m · x}. */
    static double[] times(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += m[i][j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }

    /** {@code x - shift}. */
    static double[] minus(double[] x, double[] shift) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - shift[i];
        }
        return y;
    }

    /** {@code q · Λ^α · r}, the affine part COCO precomputes for f6, f13, f15, f16 and f23. */
    static double[][] conditionedRotation(double[][] q, double alpha, double[][] r) {
        int d = r.length;
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += q[i][k] * lambda(alpha, k, d) * r[k][j];
                }
                m[i][j] = sum;
            }
        }
        return m;
    }

    /** Rastrigin: {@code 10 (D - Σ cos 2π z_i) + Σ z_i²}. */
    static double rastrigin(double[] z) {
        double cosines = 0;
        double squares = 0;
        for (double zi : z) {
            cosines += Math.cos(2 * Math.PI * zi);
            squares += zi * zi;
        }
        return 10.0 * (z.length - cosines) + squares;
    }

    /** The ellipsoid of condition 1e6: {@code Σ 10^(6 i/(D-1)) z_i²}. */
    static double ellipsoid(double[] z) {
        int d = z.length;
        double sum = z[0] * z[0];
        for (int i = 1; i < d; i++) {
            sum += Math.pow(1.0e6, i / (d - 1.0)) * z[i] * z[i];
        }
        return sum;
    }

    /** Rosenbrock: {@code Σ 100 (z_i² - z_{i+1})² + (z_i - 1)²}. */
    static double rosenbrock(double[] z) {
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < z.length - 1; i++) {
            double a = z[i] * z[i] - z[i + 1];
            double b = z[i] - 1.0;
            s1 += a * a;
            s2 += b * b;
        }
        return 100.0 * s1 + s2;
    }

    /** Rounds half up, as COCO's {@code coco_double_round}. */
    static double round(double x) {
        return Math.floor(x + 0.5);
    }
}
