package dev.tuner.benchmarks.pruning;

import dev.tuner.core.pruner.Pruners;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.Map;

/**
 * One study of the pruning benchmark: a problem, a pruner (with its defaults, as
 * {@code tuner.pruner=<name>} gives it), a sampler with its defaults seeded with {@code seed}, and a
 * budget of trials; what it cost and what it found.
 *
 * @param problem the problem's name
 * @param pruner the pruner's name
 * @param seed the sampler's (and the problem's) seed
 * @param steps the steps the study's trials ran, together: each trial's last reported step
 * @param best the best final value of a complete trial, NaN if none completed
 * @param complete how many trials ran to their end
 * @param pruned how many were pruned
 * @param seconds the study's wall time
 */
record PruningRun(String problem, String pruner, long seed, long steps, double best, int complete, int pruned,
        double seconds) {

    /** Runs the study. */
    static PruningRun of(PruningProblem problem, String pruner, String sampler, long seed, int trials) {
        long started = System.nanoTime();
        Study study = Study.builder(problem.name())
                .direction(problem.direction())
                .sampler(Samplers.create(sampler, seed))
                .pruner(Pruners.create(pruner, Map.of()))
                .storage(new InMemoryStorage())
                .build();
        study.optimize(problem.objective(seed), trials);
        double seconds = (System.nanoTime() - started) / 1e9;
        long steps = 0;
        int complete = 0;
        int pruned = 0;
        for (FrozenTrial trial : study.trials()) {
            steps += trial.lastStep().orElse(0);
            complete += trial.state() == TrialState.COMPLETE ? 1 : 0;
            pruned += trial.state() == TrialState.PRUNED ? 1 : 0;
        }
        double best = study.bestTrial().map(trial -> trial.value().getAsDouble()).orElse(Double.NaN);
        return new PruningRun(problem.name(), pruner, seed, steps, best, complete, pruned, seconds);
    }
}
