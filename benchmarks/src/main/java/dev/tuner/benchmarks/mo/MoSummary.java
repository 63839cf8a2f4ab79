package dev.tuner.benchmarks.mo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The runs of one optimizer on one problem, seed by seed, in the shape of an entry of
 * {@code mo_quality.json}'s {@code results}: seeds, trials, wall time per run, and per checkpoint
 * the median, quartiles and per-seed values of {@code hv_ratio}, {@code hv_ratio_wide} and
 * {@code igd}, and the median and per-seed {@code n_feasible}. Quantiles interpolate linearly, as
 * numpy's default {@code percentile} does; an infinite IGD (no feasible point yet) is written as null.
 */
final class MoSummary {

    private MoSummary() {}

    static Map<String, Object> of(List<Integer> seeds, int trials, List<MoRun> runs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seeds", seeds);
        summary.put("n_trials", trials);
        double[] wall = runs.stream().mapToDouble(MoRun::wallSeconds).toArray();
        summary.put("wall_s_per_run", Map.of("median", quantile(wall, 50), "per_seed", wall));
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        for (int checkpoint : runs.get(0).metrics().keySet()) {
            List<MoMetrics> at = runs.stream().map(run -> run.metrics().get(checkpoint)).toList();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("hv_ratio", stats(at, MoMetrics::hvRatio));
            metrics.put("hv_ratio_wide", stats(at, MoMetrics::hvRatioWide));
            metrics.put("igd", stats(at, MoMetrics::igd));
            double[] feasible = at.stream().mapToDouble(MoMetrics::feasible).toArray();
            metrics.put("n_feasible", Map.of("median", quantile(feasible, 50),
                    "per_seed", at.stream().map(MoMetrics::feasible).toList()));
            double[] proposal = runs.stream().mapToDouble(run -> run.proposalMillis().get(checkpoint)).toArray();
            metrics.put("proposal_ms", Map.of("median", quantile(proposal, 50), "per_seed", proposal));
            checkpoints.put(String.valueOf(checkpoint), metrics);
        }
        summary.put("checkpoints", checkpoints);
        summary.put("first_feasible_trial_per_seed", runs.stream().map(MoRun::firstFeasible).toList());
        return summary;
    }

    private static Map<String, Object> stats(List<MoMetrics> runs, ToDoubleFunction<MoMetrics> metric) {
        double[] values = runs.stream().mapToDouble(metric).toArray();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("median", finite(quantile(values, 50)));
        stats.put("q25", finite(quantile(values, 25)));
        stats.put("q75", finite(quantile(values, 75)));
        List<Double> perSeed = new ArrayList<>();
        for (double value : values) {
            perSeed.add(finite(value));
        }
        stats.put("per_seed", perSeed);
        return stats;
    }

    /** numpy's default (linear) percentile; infinite when it falls on or next to an infinite value. */
    static double quantile(double[] values, double percent) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, percent);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
