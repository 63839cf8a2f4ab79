package it.fieldknobs;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Uniform;

/** Production code: its knobs live on its fields and a method; the values here are its defaults. */
public class Classifier {

    public enum Kernel { LINEAR, RBF }

    @LogUniform(min = 1e-4, max = 1)
    private double learningRate = 0.5;

    @IntUniform(min = 1, max = 9)
    static int layers = 1;

    @Choice
    final Kernel kernel = Kernel.valueOf("LINEAR");

    @Uniform(min = 0, max = 1)
    double dropout() {
        return 0.9;
    }

    /** A loss whose minimum is at learningRate 0.01, 5 layers, RBF and dropout 0.3. */
    public double loss() {
        double log = Math.log10(learningRate) + 2;
        return log * log + Math.abs(layers - 5) + (kernel == Kernel.RBF ? 0 : 1)
                + 4 * Math.abs(dropout() - 0.3);
    }
}
