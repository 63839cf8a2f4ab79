package dev.tuner.benchmarks.scale;

import dev.tuner.core.study.Objective;
import dev.tuner.core.trial.Trial;

/**
 * The objective of the scale benchmark: four knobs, all drawn up front by {@link #prepare} (so that a
 * storage records them with the trial's start), and a value computed at once, so that what is
 * measured is the storage and the sampler, not the objective. With late knobs it also draws that
 * many more ({@code late0}, {@code late1}, ...) as it evaluates, as a conditional knob or a field
 * read by the objective's code is drawn: not up front.
 */
final class InstantObjective implements Objective {

    private final int lateKnobs;

    /** The objective with {@code lateKnobs} knobs drawn as it evaluates, besides the four drawn up front. */
    InstantObjective(int lateKnobs) {
        if (lateKnobs < 0) {
            throw new IllegalArgumentException("--late-knobs must be 0 or more, not " + lateKnobs);
        }
        this.lateKnobs = lateKnobs;
    }

    @Override
    public void prepare(Trial trial) {
        trial.suggestFloat("x", -5, 5);
        trial.suggestFloat("y", -5, 5);
        trial.suggestInt("n", 1, 16);
        trial.suggestFloat("rate", 1e-4, 1e-1, dev.tuner.core.space.Scale.LOG);
    }

    @Override
    public double evaluate(Trial trial) {
        double x = trial.suggestFloat("x", -5, 5);
        double y = trial.suggestFloat("y", -5, 5);
        int n = trial.suggestInt("n", 1, 16);
        double rate = trial.suggestFloat("rate", 1e-4, 1e-1, dev.tuner.core.space.Scale.LOG);
        double late = 0;
        for (int i = 0; i < lateKnobs; i++) {
            late += Math.abs(trial.suggestFloat("late" + i, -1, 1));
        }
        return x * x + y * y + Math.abs(n - 8) + Math.abs(Math.log10(rate) + 2) + late;
    }
}
