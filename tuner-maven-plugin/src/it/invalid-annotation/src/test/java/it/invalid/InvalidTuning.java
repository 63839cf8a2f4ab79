package it.invalid;

import dev.tuner.Tune;
import dev.tuner.Uniform;

class InvalidTuning {

    @Tune
    double reversed(@Uniform(min = 1, max = 0) double x) {
        return x;
    }
}
