package dev.tuner.core.report;

import dev.tuner.core.space.CustomDistribution;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import java.util.OptionalDouble;

/**
 * The probability that a knob's prior puts on an interval of values, for drawing what the prior
 * expects next to what was sampled. A discrete knob (integers, a quantized range) sums the
 * probabilities of its values in the interval, or, when they are too many to list, integrates its
 * probability spread evenly over each value's share of the line; a continuous one integrates its
 * density (the midpoint rule on 64 intervals), in log space on a log axis.
 */
final class PriorMass {

    /** Listing more values than this in one interval gives way to integration. */
    static final int MAX_LISTED = 2000;
    private static final int INTERVALS = 64;

    private final Distribution distribution;
    private final boolean log;
    /** The distance between neighbouring values of a discrete knob, NaN for a continuous one. */
    private final double spacing;

    PriorMass(Knob knob, double[] positions) {
        this.distribution = knob.distribution();
        this.log = knob.isLog();
        OptionalDouble declared = knob.spacing();
        this.spacing = declared.isPresent() ? declared.getAsDouble()
                : distribution instanceof CustomDistribution && onIntegers(positions) ? 1 : Double.NaN;
    }

    /** A custom distribution is taken as one on the integers when its samples are and a half step has no density. */
    private boolean onIntegers(double[] positions) {
        for (double position : positions) {
            if (!Double.isNaN(position)) {
                return position == Math.rint(position)
                        && distribution.logDensity(position + 0.5) == Double.NEGATIVE_INFINITY;
            }
        }
        return false;
    }

    boolean isDiscrete() {
        return !Double.isNaN(spacing);
    }

    /** The prior probability of a value, as the knob's density or mass gives it. */
    double probability(double value) {
        double logDensity = distribution.logDensity(value);
        return logDensity == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logDensity);
    }

    /**
     * The values of a discrete knob in {@code [from, to]}, or null when it is continuous or they are
     * more than {@code limit}.
     */
    double[] values(double from, double to, int limit) {
        if (!isDiscrete()) {
            return null;
        }
        // values are on a grid: the multiples of q, or min + k * step for integers
        double origin = distribution instanceof IntUniform integers ? integers.min() : 0;
        double firstIndex = Math.ceil((from - origin) / spacing - 1e-9);
        double lastIndex = Math.floor((to - origin) / spacing + 1e-9);
        if (lastIndex - firstIndex + 1 > limit) {
            return null;
        }
        int count = (int) Math.max(0, lastIndex - firstIndex + 1);
        double[] values = new double[count];
        int kept = 0;
        for (int k = 0; k < count; k++) {
            double value = origin + (firstIndex + k) * spacing + 0.0;
            if (distribution.contains(value)) {
                values[kept++] = value;
            }
        }
        return java.util.Arrays.copyOf(values, kept);
    }

    /** The prior probability of {@code [from, to)}; of {@code [from, to]} when {@code closed}. */
    double mass(double from, double to, boolean closed) {
        double[] listed = values(from, to, MAX_LISTED);
        if (listed != null) {
            double sum = 0;
            for (double value : listed) {
                if (closed || value < to) {
                    sum += probability(value);
                }
            }
            return sum;
        }
        if (log && from > 0) {
            double a = Math.log(from);
            double b = Math.log(to);
            return integral(a, b, u -> density(Math.exp(u)) * Math.exp(u));
        }
        return integral(from, to, this::density);
    }

    /** The density at {@code x}: a discrete knob's probability spread over its share of the line. */
    private double density(double x) {
        if (!isDiscrete()) {
            return probability(x);
        }
        double origin = distribution instanceof IntUniform integers ? integers.min() : 0;
        double nearest = origin + Math.rint((x - origin) / spacing) * spacing + 0.0;
        return probability(nearest) / spacing;
    }

    /** The composite midpoint rule: it never evaluates the ends, where a bounded density may just stop. */
    private static double integral(double a, double b, java.util.function.DoubleUnaryOperator f) {
        if (!(b > a)) {
            return 0;
        }
        double h = (b - a) / INTERVALS;
        double sum = 0;
        for (int i = 0; i < INTERVALS; i++) {
            sum += safe(f.applyAsDouble(a + (i + 0.5) * h));
        }
        return sum * h;
    }

    private static double safe(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
