package dev.tuner.core.space;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * The total probability of a distribution's density over its range: a sum of
 * {@code exp(logDensity)} over the reachable values of a discrete or quantized one, a numerical
 * integral over the range of a continuous one (in log space for positive ones, whose density
 * piles up near 0).
 */
final class Mass {

    /** How far beyond the mean an unbounded normal is integrated or summed, in sd. */
    private static final double TAIL_SDS = 12;

    private Mass() {}

    static double total(Distribution distribution) {
        double q = q(distribution);
        if (!Double.isNaN(q)) {
            return sumOverMultiples(distribution, q);
        }
        if (distribution instanceof IntUniform intUniform) {
            double sum = 0;
            for (long k = intUniform.min(); k <= intUniform.max(); k += intUniform.step()) {
                sum += Math.exp(intUniform.logDensity(k));
            }
            return sum;
        }
        if (distribution instanceof Uniform || distribution instanceof Normal) {
            double[] range = finiteRange(distribution);
            return integrate(x -> Math.exp(distribution.logDensity(x)), range[0], range[1]);
        }
        if (distribution instanceof LogUniform || distribution instanceof LogNormal) {
            double[] range = finiteRange(distribution);
            // ∫ f(x) dx = ∫ f(e^t) e^t dt
            return integrate(t -> Math.exp(distribution.logDensity(Math.exp(t)) + t),
                    Math.log(range[0]), Math.log(range[1]));
        }
        // the categoricals and custom ones: internal values 0, 1, ..., high
        double sum = 0;
        for (double k = distribution.low(); k <= distribution.high(); k++) {
            sum += Math.exp(distribution.logDensity(k));
        }
        return sum;
    }

    static double q(Distribution distribution) {
        if (distribution instanceof Uniform uniform) {
            return uniform.q();
        }
        if (distribution instanceof LogUniform logUniform) {
            return logUniform.q();
        }
        if (distribution instanceof Normal normal) {
            return normal.q();
        }
        if (distribution instanceof LogNormal logNormal) {
            return logNormal.q();
        }
        return Double.NaN;
    }

    /** The range, with an unbounded side cut where the density is negligible. */
    static double[] finiteRange(Distribution distribution) {
        double low = distribution.low();
        double high = distribution.high();
        if (distribution instanceof Normal normal) {
            low = Math.max(low, normal.mean() - TAIL_SDS * normal.sd());
            high = Math.min(high, normal.mean() + TAIL_SDS * normal.sd());
        } else if (distribution instanceof LogNormal logNormal) {
            low = Math.max(low, Math.exp(logNormal.mean() - TAIL_SDS * logNormal.sd()));
            high = Math.min(high, Math.exp(logNormal.mean() + TAIL_SDS * logNormal.sd()));
        }
        return new double[] {low, high};
    }

    private static double sumOverMultiples(Distribution distribution, double q) {
        double[] range = finiteRange(distribution);
        double sum = 0;
        for (double k = Math.floor(range[0] / q) - 1; k <= Math.ceil(range[1] / q) + 1; k++) {
            sum += Math.exp(distribution.logDensity(k * q));
        }
        return sum;
    }

    /** Gauss–Legendre on 200 pieces, so that narrow peaks are not missed. */
    static double integrate(UnivariateFunction f, double low, double high) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(5, 1e-12, 1e-12);
        int pieces = 200;
        double width = (high - low) / pieces;
        double sum = 0;
        for (int i = 0; i < pieces; i++) {
            double a = low + i * width;
            double b = i == pieces - 1 ? high : a + width;
            sum += integrator.integrate(Integer.MAX_VALUE, f, a, b);
        }
        return sum;
    }
}
