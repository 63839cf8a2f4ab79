package dev.tuner.core.sampler;

import dev.tuner.Direction;
import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;

/** ZDT1 on five knobs, the two-objective problem the samplers' tests measure a front on. */
final class Zdt1 {

    private Zdt1() {}

    /** The hypervolume, against (1.1, 11), of the complete trials of {@code trials} trials of {@code sampler}. */
    static double hypervolume(Sampler sampler, int trials) {
        Study study = Studies.builder("zdt1", sampler).directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
        study.optimize(Objective.several(trial -> {
            double[] x = new double[5];
            for (int i = 0; i < x.length; i++) {
                x[i] = trial.suggestFloat("x" + i, 0, 1);
            }
            double g = 1 + 9 * (x[1] + x[2] + x[3] + x[4]) / 4;
            return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
        }), trials);
        double[][] points = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                .map(FrozenTrial::values).map(v -> new double[] {v.get(0), v.get(1)}).toArray(double[][]::new);
        return Hypervolume.of(points, new double[] {1.1, 11});
    }
}
