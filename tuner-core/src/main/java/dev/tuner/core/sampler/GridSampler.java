package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.TrialHistory;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * Classic grid search: the trials walk through every combination of each knob's grid values.
 * Categorical knobs contribute all their options; integer ranges all their values when there are
 * at most {@code points} of them; continuous ranges {@code points} evenly spaced values (on the log
 * scale for log-uniform and log-normal knobs; from mean − 2 sd to mean + 2 sd, within the clip
 * bounds, for normal ones).
 *
 * <p>Knobs are the digits of a mixed-radix counter over the trial number, in the order they first
 * appeared; the first knob changes fastest. The seed rotates where each digit starts, so that
 * seeds visit the combinations in different orders; after every combination the walk starts
 * again. Quantized log-uniform, quantized normal and custom distributions, which have no grid
 * here, are drawn from their prior as {@link RandomSampler} does.
 */
public final class GridSampler implements Sampler {

    /** Points per continuous range when none are given: {@value}. */
    public static final int DEFAULT_POINTS = 5;

    private final long seed;
    private final int points;
    private final RandomSampler fallback;
    private final Map<Distribution, double[]> grids = new ConcurrentHashMap<>();

    /** A grid sampler that splits continuous ranges into {@code points} values. */
    public GridSampler(long seed, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per range, not " + points);
        }
        this.seed = seed;
        this.points = points;
        this.fallback = new RandomSampler(seed);
    }

    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        double[] values = grid(distribution);
        if (values.length == 0) {
            return fallback.sample(study, trialNumber, name, distribution);
        }
        Map<String, Distribution> knobs = KnobOrder.of(study);
        int position = KnobOrder.indexOf(knobs, name);
        long stride = 1;
        int index = 0;
        for (Distribution earlier : knobs.values()) {
            if (index++ == position) {
                break;
            }
            // capped: no study runs 2^40 trials, and the product cannot overflow
            stride = Math.min(1L << 40, stride * Math.max(1, grid(earlier).length));
        }
        long rotation = Seeds.splitMix(seed, -2, name) >>> 1;
        long digit = (trialNumber / stride + rotation) % values.length;
        return values[(int) digit];
    }

    /** The grid values of a distribution, as internal values; empty when it has none. */
    double[] grid(Distribution distribution) {
        return grids.computeIfAbsent(distribution, this::values);
    }

    private double[] values(Distribution distribution) {
        int options = UnitMapping.options(distribution);
        if (options > 0) {
            return DoubleStream.iterate(0, i -> i + 1).limit(options).toArray();
        }
        if (distribution instanceof Uniform d) {
            if (!d.isQuantized()) {
                return spread(d.min(), d.max(), false, d.min(), d.max());
            }
            long first = Math.round(d.low() / d.q());
            // computed as the quantizer does, round(x / q) · q, so that each value is one it contains
            return some(Math.round(d.high() / d.q()) - first + 1, j -> (first + j) * d.q());
        }
        if (distribution instanceof LogUniform d && !d.isQuantized()) {
            return spread(Math.log(d.min()), Math.log(d.max()), true, d.min(), d.max());
        }
        if (distribution instanceof IntUniform d) {
            if (d.log()) {
                return distinct(Arrays.stream(spread(Math.log(d.min()), Math.log(d.max()), true, d.min(), d.max()))
                        .map(Math::rint));
            }
            return some(d.size(), j -> d.min() + j * d.step());
        }
        if (distribution instanceof Normal d && !d.isQuantized()) {
            return spread(d.mean() - 2 * d.sd(), d.mean() + 2 * d.sd(), false, d.low(), d.high());
        }
        if (distribution instanceof LogNormal d && !d.isQuantized()) {
            return spread(d.mean() - 2 * d.sd(), d.mean() + 2 * d.sd(), true, d.low(), d.high());
        }
        return new double[0];
    }

    /**
     * Values number {@code 0 .. count − 1} of a discrete range: all of them when they are at most
     * {@code points}, else {@code points} of them evenly spaced, both ends included.
     */
    private double[] some(long count, LongToDoubleFunction value) {
        if (count <= points) {
            return LongStream.range(0, count).mapToDouble(value).toArray();
        }
        return distinct(LongStream.range(0, points)
                .map(i -> Math.round(i * (count - 1) / (points - 1.0)))
                .mapToDouble(value));
    }

    /** {@code points} values evenly spaced from {@code from} to {@code to} (of the log when {@code log}), clipped. */
    private double[] spread(double from, double to, boolean log, double low, double high) {
        return distinct(DoubleStream.iterate(0, i -> i + 1).limit(points)
                .map(i -> from + i / (points - 1.0) * (to - from))
                .map(v -> log ? Math.exp(v) : v)
                .map(v -> Math.max(low, Math.min(high, v))));
    }

    private static double[] distinct(DoubleStream values) {
        double[] distinct = values.filter(v -> !Double.isNaN(v)).distinct().toArray();
        Arrays.sort(distinct);
        return distinct;
    }

    @Override
    public String toString() {
        return "GridSampler[seed=" + seed + ", points=" + points + "]";
    }
}
