package it.junit;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/** A study in a class Surefire's default filter includes, so mvn test runs its best trial. */
class QuadTest {

    @Tune(trials = 10, seed = 3)
    double quad(@Uniform(min = -10, max = 10) double x) {
        return x * x - x + 1;
    }
}
