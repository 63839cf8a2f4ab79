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
 */
record MoRun(Map<Integer, MoMetrics> metrics, int firstFeasible, double wallSeconds) {

    static MoRun of(MoProblem problem, MoOptimizer optimizer, int trials, List<Integer> checkpoints) {
        List<MoTrial> history = new ArrayList<>(trials);
        long started = System.nanoTime();
        for (int t = 0; t < trials; t++) {
            Map<String, Object> params = optimizer.propose(problem, List.copyOf(history));
            history.add(new MoTrial(params, problem.evaluate(params)));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        List<MoEvaluation> evaluations = history.stream().map(MoTrial::evaluation).toList();
        Map<Integer, MoMetrics> metrics = new LinkedHashMap<>();
        for (int checkpoint : checkpoints) {
            if (checkpoint <= trials) {
                metrics.put(checkpoint, MoMetrics.of(problem, evaluations.subList(0, checkpoint)));
            }
        }
        int firstFeasible = 0;
        for (int t = 0; t < evaluations.size() && firstFeasible == 0; t++) {
            if (evaluations.get(t).feasible()) {
                firstFeasible = t + 1;
            }
        }
        return new MoRun(metrics, firstFeasible, wall);
    }
}
