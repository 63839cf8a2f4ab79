package it.basic;

import dev.tuner.Choice;
import dev.tuner.Direction;
import dev.tuner.IntUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;

class BasicTuning {

    @Tune(trials = 10)
    double quad1(@Uniform(min = -10, max = 10) double x) {
        return x * x - x + 1;
    }

    @Tune(trials = 10, direction = Direction.MAXIMIZE)
    double peak(@IntUniform(min = 0, max = 20) int n, @Choice({"low", "high"}) String level) {
        if (n > 15) {
            throw new IllegalStateException("n=" + n + " is out of the working range");
        }
        return level.equals("high") ? n : -n;
    }
}
