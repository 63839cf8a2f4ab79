package it.failing;

import dev.tuner.Tune;
import dev.tuner.Uniform;

class FailingTuning {

    @Tune
    double diverges(@Uniform(min = 0, max = 1) double x) {
        throw new IllegalStateException("loss diverged at x=" + x);
    }
}
