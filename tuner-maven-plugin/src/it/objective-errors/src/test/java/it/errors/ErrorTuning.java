package it.errors;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;

class ErrorTuning {

    /** Trial #1 throws a plain Error: that trial fails with it, and the study and the next one go on. */
    @Tune(trials = 4)
    double throwsError(Trial trial, @Uniform(min = 0, max = 1) double x) {
        if (trial.number() == 1) {
            throw new Error("objective broke at x=" + x);
        }
        return x;
    }

    @Tune(trials = 4)
    double runsAfter(@Uniform(min = 0, max = 1) double x) {
        return x;
    }
}
