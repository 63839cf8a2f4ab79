package dev.tuner.examples.quickstart;

import dev.tuner.Choice;
import dev.tuner.Tune;
import dev.tuner.Uniform;

/**
 * The three toy problems of the Hyperopt tutorials, each a study: Tuner calls each method once
 * per trial with fresh values of the annotated parameters and keeps the values that give the
 * smallest result. Run {@code mvn tuner:tune} in this directory; the best values land in
 * {@code target/tuner/}.
 */
class QuickstartTuning {

    /** f(x) = x² − x + 1 on [−10, 10]: minimum 0.75 at x = 0.5. */
    @Tune(trials = 200)
    double quad1(@Uniform(min = -10, max = 10) double x) {
        return x * x - x + 1;
    }

    /** f(x, y) = x² + y² on [−10, 10]²: minimum 0 at (0, 0). */
    @Tune(trials = 200)
    double sphere2(@Uniform(min = -10, max = 10) double x, @Uniform(min = -10, max = 10) double y) {
        return x * x + y * y;
    }

    /** f(a, b) = a² − b², a ∈ [−2, 3], b ∈ [−1, 2]: minimum −4 at (0, 2), on b's upper bound. */
    @Tune(trials = 200)
    double saddle(@Uniform(min = -2, max = 3) double a, @Uniform(min = -1, max = 2) double b) {
        return a * a - b * b;
    }

    /**
     * Knobs declared on fields: {@link Branin}'s inputs carry their ranges, and each trial's new
     * {@code Branin} reads that trial's values. Minimum 0.397887.
     */
    @Tune(trials = 200)
    double branin() {
        return new Branin().value();
    }

    /**
     * A conditional space: each trial picks a {@link Model} and tunes only that model's knobs.
     * Minimum 0, in the {@code Narrow} branch.
     */
    @Tune(trials = 200)
    double modelChoice(@Choice Model model) {
        return model.loss();
    }
}
