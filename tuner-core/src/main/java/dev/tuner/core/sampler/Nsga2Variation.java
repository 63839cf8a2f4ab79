package dev.tuner.core.sampler;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * NSGA-II's variation operators on one numeric value in a range {@code [low, high]} (a knob's
 * model space, as {@link TpeParam} gives it): simulated binary crossover and polynomial mutation,
 * both in the bounded forms of Deb and Agrawal ("Simulated binary crossover for continuous search
 * space", Complex Systems 9, 1995) and Deb and Goyal (1996) that NSGA-II's reference code uses. A
 * larger distribution index {@code eta} keeps children nearer their parents.
 */
final class Nsga2Variation {

    private Nsga2Variation() {}

    /**
     * One child of parents {@code a} and {@code b} by simulated binary crossover: with equal
     * probability the one nearer the smaller or the larger parent, spread as the parents are, never
     * outside the range.
     */
    static double sbx(double a, double b, double low, double high, double eta, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        boolean upper = rng.nextBoolean();
        if (Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(high - low))) {
            return a;
        }
        double y1 = Math.min(a, b);
        double y2 = Math.max(a, b);
        double gap = y2 - y1;
        double child;
        if (upper) {
            child = 0.5 * (y1 + y2 + spread(1 + 2 * (high - y2) / gap, eta, u) * gap);
        } else {
            child = 0.5 * (y1 + y2 - spread(1 + 2 * (y1 - low) / gap, eta, u) * gap);
        }
        return Math.max(low, Math.min(high, child));
    }

    /** The bounded SBX spread factor for a parent {@code beta} gaps from its bound. */
    private static double spread(double beta, double eta, double u) {
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        return u <= 1 / alpha
                ? Math.pow(u * alpha, 1 / (eta + 1))
                : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    /** {@code x} moved by polynomial mutation within {@code [low, high]}: a small step, likelier the larger eta. */
    static double polynomial(double x, double low, double high, double eta, UniformRandomProvider rng) {
        double range = high - low;
        if (!(range > 0)) {
            return x;
        }
        double u = rng.nextDouble();
        double power = 1 / (eta + 1);
        double step;
        if (u < 0.5) {
            double reach = 1 - (x - low) / range;
            double value = 2 * u + (1 - 2 * u) * Math.pow(reach, eta + 1);
            step = Math.pow(value, power) - 1;
        } else {
            double reach = 1 - (high - x) / range;
            double value = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(reach, eta + 1);
            step = 1 - Math.pow(value, power);
        }
        return Math.max(low, Math.min(high, x + step * range));
    }
}
