package dev.tuner.core.pareto;

/**
 * Which of two points is better when every objective is minimized.
 *
 * <p>Plain Pareto domination: {@code a} dominates {@code b} when it is no worse in every objective
 * and better in at least one. Constrained domination (Deb, Pratap, Agarwal and Meyarivan, "A fast
 * and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002, section VI): a
 * constraint value {@code ≤ 0} is satisfied (Optuna's convention); a feasible point beats an
 * infeasible one, of two infeasible points the one with the smaller total violation wins, and two
 * feasible points compare by plain domination.
 */
public final class Domination {

    private Domination() {}

    /**
     * Whether {@code a} Pareto-dominates {@code b} (minimization).
     *
     * @throws IllegalArgumentException when the two points have different numbers of objectives
     */
    public static boolean dominates(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare a point of " + a.length + " objectives with one of "
                    + b.length + "; give every point the same objectives, in the same order");
        }
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }

    /**
     * The total violation of a point's constraints: the sum of its positive constraint values, 0
     * when it is feasible (no constraints at all is feasible).
     */
    public static double violation(double[] constraints) {
        double total = 0;
        for (double value : constraints) {
            if (value > 0) {
                total += value;
            }
        }
        return total;
    }

    /** Whether every constraint value is {@code ≤ 0}. */
    public static boolean isFeasible(double[] constraints) {
        for (double value : constraints) {
            if (!(value <= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code a}, with constraint values {@code aConstraints}, constrained-dominates {@code b}
     * (Deb's rule, above).
     */
    public static boolean constrainedDominates(double[] a, double[] aConstraints, double[] b, double[] bConstraints) {
        return constrainedDominates(a, violation(aConstraints), b, violation(bConstraints));
    }

    /** {@link #constrainedDominates(double[], double[], double[], double[])} given total violations. */
    static boolean constrainedDominates(double[] a, double aViolation, double[] b, double bViolation) {
        if (aViolation == 0 && bViolation == 0) {
            return dominates(a, b);
        }
        return aViolation < bViolation;
    }
}
