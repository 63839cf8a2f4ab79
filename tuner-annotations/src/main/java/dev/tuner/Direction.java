package dev.tuner;

/**
 * Whether a study looks for the smallest or the largest objective value.
 *
 * <pre>{@code
 * @Tune(trials = 100, direction = Direction.MAXIMIZE)
 * double accuracy(Trial trial) { ... }
 * }</pre>
 */
public enum Direction {
    /** Smaller objective values are better: losses, errors, costs, latencies. */
    MINIMIZE,
    /** Larger objective values are better: accuracies, scores, throughputs. */
    MAXIMIZE
}
