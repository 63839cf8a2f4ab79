package dev.tuner.benchmarks.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The score of problems no peer has run (BBOB, the synthetic families, real data): the samplers of
 * one invocation against each other. Per problem, r = a sampler's median gap over the smallest
 * median gap of the samplers run, both floored at {@value #GAP_FLOOR} as in the best-peer score
 * (COCO's targets are absolute gaps too); a sampler's score is the geometric mean of its r over
 * the problems, so 1 means best on every problem. Problems without a known optimum (no gap) are
 * left out.
 */
final class RelativeScore {

    static final double GAP_FLOOR = 1e-3;

    private RelativeScore() {}

    /**
     * Each sampler's score.
     *
     * @param gaps per sampler (in column order), its median gap on each problem (same problem order
     *     for every sampler); {@code NaN} where the gap is unknown
     */
    static Map<String, Double> scores(Map<String, double[]> gaps) {
        List<String> samplers = new ArrayList<>(gaps.keySet());
        int problems = gaps.values().iterator().next().length;
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        samplers.forEach(sampler -> ratios.put(sampler, new ArrayList<>()));
        for (int p = 0; p < problems; p++) {
            double best = Double.POSITIVE_INFINITY;
            boolean known = true;
            for (String sampler : samplers) {
                double gap = gaps.get(sampler)[p];
                known &= !Double.isNaN(gap);
                best = Math.min(best, Math.max(gap, GAP_FLOOR));
            }
            if (!known) {
                continue;
            }
            for (String sampler : samplers) {
                ratios.get(sampler).add(Math.max(gaps.get(sampler)[p], GAP_FLOOR) / best);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        ratios.forEach((sampler, r) -> scores.put(sampler, Scoreboard.geometricMean(r)));
        return scores;
    }

    /** The geometric mean of a sampler's floored gaps: comparable between runs on the same problems. */
    static double geometricMeanGap(double[] gaps) {
        List<Double> floored = new ArrayList<>();
        for (double gap : gaps) {
            if (!Double.isNaN(gap)) {
                floored.add(Math.max(gap, GAP_FLOOR));
            }
        }
        return Scoreboard.geometricMean(floored);
    }
}
