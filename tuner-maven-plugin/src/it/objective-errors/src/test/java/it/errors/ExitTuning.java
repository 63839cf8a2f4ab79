package it.errors;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;

class ExitTuning {

    /** Trial #2 ends the JVM with exit code 0, which must not pass for a finished run. */
    @Tune(trials = 5)
    double quits(Trial trial, @Uniform(min = 0, max = 1) double x) {
        if (trial.number() == 2) {
            System.exit(0);
        }
        return x;
    }
}
