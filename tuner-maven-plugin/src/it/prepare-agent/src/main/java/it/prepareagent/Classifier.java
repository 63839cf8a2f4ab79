package it.prepareagent;

import dev.tuner.Uniform;

/** Production code: its knob lives on a field; 0.9 is its default. */
public class Classifier {

    @Uniform(min = 0, max = 0.5)
    double dropout = 0.9;

    public double loss() {
        return Math.abs(dropout - 0.3);
    }
}
