package dev.tuner.engine.testcases;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/**
 * A top-level study for package, classpath-root and console discovery. Its name matches none of
 * Surefire's default includes, so the module's own test run does not run it as a study.
 */
public class QuadraticStudy {

    @Tune(trials = 5, seed = 1)
    double quad(@Uniform(min = -10, max = 10) double x) {
        return x * x - x + 1;
    }
}
