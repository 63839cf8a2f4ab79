package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The statistics of the best values that the seeds reached at one checkpoint, as
 * {@code shared/bench/quality.json} records them (quantiles interpolated linearly, as numpy's
 * default {@code percentile} does, so the two sides compare like for like).
 */
final class CheckpointStats {

    private CheckpointStats() {}

    static Map<String, Object> of(double[] perSeed, double optimum) {
        return of(perSeed, OptionalDouble.of(optimum), Direction.MINIMIZE);
    }

    /**
     * The statistics of a problem minimized or maximized: the gap is how far the median falls short
     * of the optimum ({@code median - optimum} when minimized, {@code optimum - median} when
     * maximized), {@code null} when the optimum is unknown.
     */
    static Map<String, Object> of(double[] perSeed, OptionalDouble optimum, Direction direction) {
        double[] sorted = perSeed.clone();
        Arrays.sort(sorted);
        double median = quantile(sorted, 0.5);
        double q25 = quantile(sorted, 0.25);
        double q75 = quantile(sorted, 0.75);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("median", median);
        stats.put("mean", Arrays.stream(sorted).average().orElse(Double.NaN));
        stats.put("q25", q25);
        stats.put("q75", q75);
        stats.put("iqr", q75 - q25);
        stats.put("min", sorted[0]);
        stats.put("max", sorted[sorted.length - 1]);
        stats.put("median_gap_to_optimum", optimum.isPresent()
                ? (direction == Direction.MAXIMIZE ? optimum.getAsDouble() - median : median - optimum.getAsDouble())
                : null);
        stats.put("per_seed", perSeed.clone());
        return stats;
    }

    /** The p-quantile of sorted values, interpolating between the two nearest ranks. */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
