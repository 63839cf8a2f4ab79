package it.side;

import dev.tuner.Tune;
import dev.tuner.Uniform;

class SideTuning {

    @Tune
    double quad(@Uniform(min = -10, max = 10) double x) {
        return (x - 2) * (x - 2);
    }
}
