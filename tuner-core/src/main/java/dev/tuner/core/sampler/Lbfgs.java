package dev.tuner.core.sampler;

import java.util.Arrays;

/**
 * A small limited-memory BFGS minimizer (Nocedal and Wright, Numerical Optimization, algorithm
 * 7.4) with a backtracking Armijo line search and, optionally, box bounds handled by projection:
 * each step is projected into the box, and the search direction drops the components that would
 * leave it at an active bound (a projected quasi-Newton step, simpler than L-BFGS-B's Cauchy
 * point and enough for the smooth, low-dimensional problems of the GP sampler).
 *
 * <p>Hand-written because neither EJML nor commons-math3 has a quasi-Newton method (commons-math3
 * offers nonlinear conjugate gradients and derivative-free methods only), and the GP sampler needs
 * one twice per proposal: for its kernel's hyperparameters and for the acquisition function.
 */
final class Lbfgs {

    /** A function with its gradient: returns {@code f(x)} and writes {@code ∇f(x)} into {@code gradient}. */
    interface Function {
        double valueAndGradient(double[] x, double[] gradient);
    }

    private static final int MEMORY = 8;
    private static final double ARMIJO = 1e-4;

    private Lbfgs() {}

    /**
     * Minimizes {@code f} from {@code x} (overwritten with the best point found) within
     * {@code [lower, upper]} (null for none), for at most {@code iterations} iterations.
     *
     * @return the value at the returned point
     */
    static double minimize(Function f, double[] x, double[] lower, double[] upper, int iterations,
            double tolerance) {
        int n = x.length;
        project(x, lower, upper);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx)) {
            return fx;
        }
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            boolean[] free = freeVariables(x, g, lower, upper);
            if (projectedNorm(g, free) < tolerance) {
                break;
            }
            // two-loop recursion on the free variables
            for (int i = 0; i < n; i++) {
                direction[i] = free[i] ? -g[i] : 0;
            }
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(newest - k, MEMORY);
                alpha[m] = rho[m] * dot(s[m], direction, free);
                axpy(-alpha[m], y[m], direction, free);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest], free) / Math.max(1e-300, dot(y[newest], y[newest], free));
                if (gamma > 0 && Double.isFinite(gamma)) {
                    for (int i = 0; i < n; i++) {
                        direction[i] *= gamma;
                    }
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(newest - k, MEMORY);
                double beta = rho[m] * dot(y[m], direction, free);
                axpy(alpha[m] - beta, s[m], direction, free);
            }
            double slope = dot(g, direction, free);
            if (!(slope < 0)) {
                // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = free[i] ? -g[i] : 0;
                }
                slope = dot(g, direction, free);
                if (!(slope < 0)) {
                    break;
                }
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
            double ft = Double.NaN;
            boolean accepted = false;
            for (int backtrack = 0; backtrack < 30; backtrack++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * direction[i];
                }
                project(trial, lower, upper);
                ft = f.valueAndGradient(trial, trialGradient);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                if (Double.isFinite(ft) && ft <= fx + ARMIJO * Math.min(decrease, 0)) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            newest = (newest + 1) % MEMORY;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[newest][i] = trial[i] - x[i];
                y[newest][i] = trialGradient[i] - g[i];
                sy += s[newest][i] * y[newest][i];
            }
            if (sy > 1e-12 * Math.sqrt(dot(y[newest], y[newest], null) * dot(s[newest], s[newest], null))) {
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            } else {
                // curvature condition failed: forget this pair
                newest = Math.floorMod(newest - 1, MEMORY);
            }
            double change = fx - ft;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            fx = ft;
            if (change <= tolerance * 1e-3 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return fx;
    }

    /** The variables not held at a bound by a gradient pushing outwards. */
    private static boolean[] freeVariables(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] free = new boolean[x.length];
        Arrays.fill(free, true);
        if (lower != null) {
            for (int i = 0; i < x.length; i++) {
                free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
            }
        }
        return free;
    }

    private static double projectedNorm(double[] g, boolean[] free) {
        double max = 0;
        for (int i = 0; i < g.length; i++) {
            if (free[i]) {
                max = Math.max(max, Math.abs(g[i]));
            }
        }
        return max;
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        if (lower != null) {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
            }
        }
    }

    private static double dot(double[] a, double[] b, boolean[] free) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (free == null || free[i]) {
                sum += a[i] * b[i];
            }
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y, boolean[] free) {
        for (int i = 0; i < x.length; i++) {
            if (free[i]) {
                y[i] += a * x[i];
            }
        }
    }
}
