package dev.tuner.benchmarks.mo;

import dev.tuner.core.pareto.Domination;

/**
 * What a problem returns for one point: its objectives (all minimized) and its constraint values
 * (each {@code ≤ 0} when satisfied; none for an unconstrained problem).
 */
public record MoEvaluation(double[] objectives, double[] constraints) {

    /** Whether every constraint value is {@code ≤ 0}. */
    public boolean feasible() {
        return Domination.isFeasible(constraints);
    }
}
