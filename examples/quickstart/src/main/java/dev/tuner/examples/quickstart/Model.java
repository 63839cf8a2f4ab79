package dev.tuner.examples.quickstart;

import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Uniform;

/**
 * A choice between two models, each with its own knobs: a conditional, tree-structured space.
 * {@code @Choice Model model} picks a branch per trial and fills in only that branch's knobs.
 */
public sealed interface Model permits Model.Broad, Model.Narrow {

    /** The loss of this model at its knob values; lower is better. */
    double loss();

    /** A forgiving model whose best loss is 1, at x = 1.5 and k = 7. */
    record Broad(@Uniform(min = -5, max = 5) double x, @IntUniform(min = 1, max = 10) int k) implements Model {
        @Override
        public double loss() {
            return 1 + 0.25 * (x - 1.5) * (x - 1.5) + 0.1 * (k - 7) * (k - 7);
        }
    }

    /** A model whose loss reaches 0, but only in a narrow well around y = 10^1.2. */
    record Narrow(@LogUniform(min = 1e-3, max = 1e3) double y) implements Model {
        @Override
        public double loss() {
            double z = (Math.log10(y) - 1.2) / 0.5;
            return 3 - 3 * Math.exp(-0.5 * z * z);
        }
    }
}
