package dev.tuner.benchmarks.quality;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/**
 * An objective class whose method has a public function's name, {@code quad1}: run by name, it is
 * {@code PublicNamedProblems.quad1} in the results and scored against the reference's {@code quad1}.
 */
public class PublicNamedProblems {

    static final double OPTIMUM_quad1 = 0.75;

    @Tune
    double quad1(@Uniform(min = -10, max = 10) double x) {
        return x * x - x + 1;
    }
}
