package it.names;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/** A study whose knobs are fields, so its @Tune method has no parameters; each trial prints and takes a while. */
class BraninTest {

    @Uniform(min = -5, max = 10)
    double x1 = 0;

    @Tune(trials = 3, seed = 5)
    double branin() throws InterruptedException {
        System.out.println("objective ran with x1=" + x1);
        // a trial's test lasts as long as its objective: at least this long
        Thread.sleep(150);
        return (x1 - 3) * (x1 - 3);
    }
}
