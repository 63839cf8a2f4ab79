package it.worker;

import dev.tuner.Tune;
import dev.tuner.Uniform;

class WorkerTuning {

    @Tune
    double quad(@Uniform(min = -5, max = 5) double x) {
        return (x - 2) * (x - 2);
    }
}
