package dev.tuner.engine.testcases;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;

/**
 * Production-like code with its knobs on fields and a method, as a user writes it: the values
 * here are the defaults, and the engine's trials redirect their reads.
 */
public class Regressor {

    @LogUniform(min = 1e-4, max = 1e-1)
    private double learningRate = 1e-2;

    @IntUniform(min = 1, max = 8)
    static int layers = 2;

    @Choice({"relu", "tanh"})
    final String activation = String.valueOf("relu");

    @IntUniform(min = 16, max = 256)
    int batchSize() {
        return 64;
    }

    /** A function of every knob, so that each trial's value shows which values it read. */
    public double score() {
        return learningRate * 1000 + layers * 10 + batchSize() + (activation.equals("tanh") ? 0.5 : 0);
    }

    public double learningRate() {
        return learningRate;
    }
}
