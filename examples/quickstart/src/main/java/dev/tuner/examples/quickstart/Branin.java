package dev.tuner.examples.quickstart;

import dev.tuner.Uniform;

/**
 * The Branin function, with its two inputs as fields that carry their ranges: knobs declared where
 * they live. Outside a study the fields keep their values; while {@code mvn tuner:tune} runs a
 * trial, each read of a field returns that trial's value.
 *
 * <p>Minimum 0.397887 at (−π, 12.275), (π, 2.275) and (9.42478, 2.475).
 */
public class Branin {

    @Uniform(min = -5, max = 10)
    double x1 = 0;

    @Uniform(min = 0, max = 15)
    double x2 = 0;

    /** The function's value at the current inputs. */
    public double value() {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double term = x2 - b * x1 * x1 + c * x1 - 6;
        return term * term + 10 * (1 - t) * Math.cos(x1) + 10;
    }
}
