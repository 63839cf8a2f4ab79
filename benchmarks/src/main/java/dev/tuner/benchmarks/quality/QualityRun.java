package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one sampler on one function for each seed and records the best value found so far at each
 * checkpoint: the protocol of {@code shared/bench/README.md} §1.
 */
final class QualityRun {

    private final int trials;
    private final int firstSeed;
    private final int seeds;
    private final List<Integer> checkpoints;

    QualityRun(int trials, int seeds, List<Integer> checkpoints) {
        this(trials, 0, seeds, checkpoints);
    }

    QualityRun(int trials, int firstSeed, int seeds, List<Integer> checkpoints) {
        this.trials = trials;
        this.firstSeed = firstSeed;
        this.seeds = seeds;
        this.checkpoints = checkpoints;
    }

    /** The optimizer's entry: {@code n_seeds}, {@code seeds}, wall time and per-checkpoint statistics. */
    Map<String, Object> run(BenchmarkFunction function, String sampler) {
        return run(Problem.of(function), sampler);
    }

    /**
     * The optimizer's entry on any problem; best values are in the problem's own direction (the
     * largest so far for a maximized one), gaps only when its optimum is known.
     */
    Map<String, Object> run(Problem function, String sampler) {
        double[][] bestAt = new double[checkpoints.size()][seeds];
        long started = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            double[] trace = bestSoFar(function, sampler, firstSeed + seed);
            for (int c = 0; c < checkpoints.size(); c++) {
                bestAt[c][seed] = trace[checkpoints.get(c) - 1];
            }
        }
        double wallPerRun = (System.nanoTime() - started) / 1e9 / seeds;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("n_seeds", seeds);
        entry.put("seeds", java.util.stream.IntStream.range(firstSeed, firstSeed + seeds).toArray());
        entry.put("mean_wall_s_per_run", wallPerRun);
        Map<String, Object> byCheckpoint = new LinkedHashMap<>();
        for (int c = 0; c < checkpoints.size(); c++) {
            byCheckpoint.put(String.valueOf(checkpoints.get(c)), CheckpointStats.of(bestAt[c], function.optimum(),
                    function.direction()));
        }
        entry.put("checkpoints", byCheckpoint);
        return entry;
    }

    /** The sampler a column names: see {@link SamplerSpecs}. */
    static dev.tuner.core.sampler.Sampler sampler(String spec, long seed) {
        return SamplerSpecs.create(spec, seed);
    }

    /** The best value after each trial of one seeded run; a failed trial keeps the previous best. */
    double[] bestSoFar(BenchmarkFunction function, String sampler, long seed) {
        return bestSoFar(Problem.of(function), sampler, seed);
    }

    /**
     * The best value after each trial of one seeded run, in the problem's direction (the smallest
     * so far when minimized, the largest when maximized); a failed trial keeps the previous best.
     */
    double[] bestSoFar(Problem function, String sampler, long seed) {
        boolean maximize = function.direction() == Direction.MAXIMIZE;
        Objective objective = function.objective(SamplerSpecs.name(sampler), seed, trials);
        Study study = Study.builder(function.name())
                .direction(function.direction())
                .sampler(sampler(sampler, seed))
                .storage(new InMemoryStorage())
                .build();
        double[] trace = new double[trials];
        double best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials; i++) {
            TrialOutcome outcome = study.runTrial(objective);
            FrozenTrial trial = outcome.trial();
            if (trial.state() == TrialState.COMPLETE) {
                double value = trial.value().getAsDouble();
                best = maximize ? Math.max(best, value) : Math.min(best, value);
            }
            trace[i] = best;
        }
        return trace;
    }
}
