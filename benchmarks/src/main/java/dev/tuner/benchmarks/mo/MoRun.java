package dev.tuner.benchmarks.mo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run: an optimizer proposes {@code trials} points of a problem one after the other, each
 * evaluated and added to the history; the metrics of the first {@code c} trials at each checkpoint.
 *
 * @param metrics the metrics at each checkpoint, in ascending order
 * @param firstFeasible the number of the first feasible trial (1 for the first), 0 when none was
 * @param wallSeconds the run's wall time (proposals and evaluations, not the metrics)
 * @param proposalMillis at each checkpoint {@code c}, the mean time the optimizer took to propose
 *     trials {@code c - 9 .. c} (a sampler's cost grows with its history: this is the cost at that size)
 */
record MoRun(Map<Integer, MoMetrics> metrics, int firstFeasible, double wallSeconds, Map<Integer, Double> proposalMillis) {

    /** How many proposals up to a checkpoint its proposal time averages. */
    static final int TIMED_PROPOSALS = 10;

    static MoRun of(MoProblem problem, MoOptimizer optimizer, int trials, List<Integer> checkpoints) {
        List<MoTrial> history = new ArrayList<>(trials);
        long started = System.nanoTime();
        long[] proposalNanos = new long[trials];
        for (int t = 0; t < trials; t++) {
            List<MoTrial> before = List.copyOf(history);
            long asked = System.nanoTime();
            Map<String, Object> params = optimizer.propose(problem, before);
            proposalNanos[t] = System.nanoTime() - asked;
            history.add(new MoTrial(params, problem.evaluate(params)));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        List<MoEvaluation> evaluations = history.stream().map(MoTrial::evaluation).toList();
        Map<Integer, MoMetrics> metrics = new LinkedHashMap<>();
        Map<Integer, Double> proposalMillis = new LinkedHashMap<>();
        for (int checkpoint : checkpoints) {
            if (checkpoint <= trials) {
                metrics.put(checkpoint, MoMetrics.of(problem, evaluations.subList(0, checkpoint)));
                int from = Math.max(0, checkpoint - TIMED_PROPOSALS);
                double sum = 0;
                for (int t = from; t < checkpoint; t++) {
                    sum += proposalNanos[t];
                }
                proposalMillis.put(checkpoint, sum / (checkpoint - from) / 1e6);
            }
        }
        int firstFeasible = 0;
        for (int t = 0; t < evaluations.size() && firstFeasible == 0; t++) {
            if (evaluations.get(t).feasible()) {
                firstFeasible = t + 1;
            }
        }
        return new MoRun(metrics, firstFeasible, wall, proposalMillis);
    }
}
