package dev.tuner.engine.testcases;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/** Abstract, so no instance could run its trials: discovery skips it. */
public abstract class AbstractStudy {

    @Tune(trials = 3, seed = 1)
    double linear(@Uniform(min = 0, max = 1) double x) {
        return x;
    }
}
