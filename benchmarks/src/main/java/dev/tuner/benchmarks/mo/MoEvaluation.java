package dev.tuner.benchmarks.mo;

/**
 * What a problem returns for one point: its objectives (all minimized) and its constraint values
 * (each {@code ≤ 0} when satisfied; none for an unconstrained problem).
 */
public record MoEvaluation(double[] objectives, double[] constraints) {

    /** Whether every constraint value is {@code ≤ 0}. */
    public boolean feasible() {
        for (double value : constraints) {
            if (!(value <= 0)) {
                return false;
            }
        }
        return true;
    }
}
