package dev.tuner.benchmarks.pruning;

import dev.tuner.Direction;
import dev.tuner.core.space.Scale;
import dev.tuner.core.study.Objective;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialPruned;

/**
 * The synthetic problem: a deterministic family of learning curves of {@value #STEPS} steps whose
 * final value depends on three knobs, so that a pruner can be judged without training anything.
 * Minimize.
 *
 * <p>Knobs: {@code lr} log-uniform in [1e-4, 1], {@code reg} uniform in [0, 1], {@code warmup}
 * uniform in [0, 1]. With {@code u = log10(lr)} and {@code t = 1..100}:
 *
 * <pre>
 * asymptote  L = 0.05 + 0.08 (u + 2)² + 0.3 (reg − 0.3)² − 0.02 warmup
 * time scale τ = 3 / √lr                         (lr = 1: 3 steps; lr = 1e-2: 30; lr = 1e-4: 300)
 * delay      t' = max(0, t − 20 warmup)
 * value      v(t) = (L + (1 − L) exp(−t' / τ)) · (1 + 0.02 ε(t))
 * </pre>
 *
 * where {@code ε(t)} in [−1, 1] is pseudo-noise drawn from a hash of the knobs and the step (the
 * same knobs always give the same curve). The final value is {@code v(100)}. Curves cross: a large
 * learning rate falls fast to a poor asymptote, a small one slowly to a good one, and a warm-up
 * starts late but ends lower, so that judging too early misleads. The best final value, about
 * 0.056, lies near {@code lr = 0.026}, {@code reg = 0.3}, {@code warmup = 1}.
 */
final class LearningCurves implements PruningProblem {

    /** The steps of a trial that is not pruned. */
    static final int STEPS = 100;

    private final int steps;

    LearningCurves() {
        this(STEPS);
    }

    /** The family cut to {@code steps} steps, for tests. */
    LearningCurves(int steps) {
        this.steps = steps;
    }

    @Override
    public String name() {
        return "curves";
    }

    @Override
    public Direction direction() {
        return Direction.MINIMIZE;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public Objective objective(long seed) {
        return this::evaluate;
    }

    private double evaluate(Trial trial) {
        double lr = trial.suggestFloat("lr", 1e-4, 1, Scale.LOG);
        double reg = trial.suggestFloat("reg", 0, 1);
        double warmup = trial.suggestFloat("warmup", 0, 1);
        double value = Double.NaN;
        for (int t = 1; t <= steps; t++) {
            value = value(lr, reg, warmup, t);
            trial.report(t, value);
            if (trial.shouldPrune()) {
                throw new TrialPruned();
            }
        }
        return value;
    }

    /** The curve's value at step {@code t}, as the class comment defines it. */
    static double value(double lr, double reg, double warmup, int t) {
        double u = Math.log10(lr);
        double asymptote = 0.05 + 0.08 * (u + 2) * (u + 2) + 0.3 * (reg - 0.3) * (reg - 0.3) - 0.02 * warmup;
        double tau = 3 / Math.sqrt(lr);
        double delayed = Math.max(0, t - 20 * warmup);
        return (asymptote + (1 - asymptote) * Math.exp(-delayed / tau)) * (1 + 0.02 * noise(lr, reg, warmup, t));
    }

    /** Pseudo-noise in [−1, 1] from the knobs and the step (SplitMix64's finalizer on their bits). */
    static double noise(double lr, double reg, double warmup, int t) {
        long z = Double.doubleToLongBits(lr) * 0x9E3779B97F4A7C15L;
        z ^= Double.doubleToLongBits(reg) + 0x632BE59BD9B4E019L * t;
        z = (z ^ Double.doubleToLongBits(warmup)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }
}
