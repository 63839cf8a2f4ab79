package it.names;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/** A study whose knobs are fields, so its @Tune method has no parameters. */
class BraninTest {

    @Uniform(min = -5, max = 10)
    double x1 = 0;

    @Tune(trials = 3, seed = 5)
    double branin() {
        return (x1 - 3) * (x1 - 3);
    }
}
