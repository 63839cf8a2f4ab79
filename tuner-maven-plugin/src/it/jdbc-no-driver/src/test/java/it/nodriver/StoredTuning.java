package it.nodriver;

import dev.tuner.Tune;
import dev.tuner.Uniform;

class StoredTuning {

    @Tune(trials = 3)
    double quad(@Uniform(min = -1, max = 1) double x) {
        return x * x;
    }
}
