package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.Uniform;

/**
 * A tiny objective class run by name through the quality harness: its knobs are annotated
 * parameters only, so no Java agent is needed.
 */
public class TinyProblems {

    /** The optimum of {@link #peak}, by the harness's convention {@code OPTIMUM_<method>}. */
    static final double OPTIMUM_peak = 1.0;

    /** Maximized: 1 at (0.5, -0.25). */
    @Tune(direction = Direction.MAXIMIZE)
    double peak(@Uniform(min = -2, max = 2) double x, @Uniform(min = -2, max = 2) double y) {
        return 1 - (x - 0.5) * (x - 0.5) - (y + 0.25) * (y + 0.25);
    }

    /** Minimized, optimum not declared. */
    @Tune
    double bowl(@Uniform(min = -3, max = 3) double x) {
        return (x - 1) * (x - 1) + 2;
    }
}
