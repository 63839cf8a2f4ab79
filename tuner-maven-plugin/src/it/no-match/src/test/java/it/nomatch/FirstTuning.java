package it.nomatch;

import dev.tuner.Uniform;
import dev.tuner.Tune;

class FirstTuning {

    @Tune
    double square(@Uniform(min = -1, max = 1) double x) {
        return x * x;
    }
}
