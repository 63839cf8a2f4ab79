package it.toolchain;

import dev.tuner.Tune;
import dev.tuner.Uniform;

class ToolchainTuning {

    @Tune(trials = 5)
    double quad(@Uniform(min = -1, max = 1) double x) {
        System.out.println("objective on Java " + System.getProperty("java.version")
                + " in " + System.getProperty("java.home"));
        return x * x;
    }
}
