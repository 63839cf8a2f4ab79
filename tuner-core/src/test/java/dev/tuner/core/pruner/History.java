package dev.tuner.core.pruner;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.OptionalDouble;

/** A study whose trials are written straight into its storage with fixed learning curves, for judging pruners. */
final class History {

    final InMemoryStorage storage = new InMemoryStorage();
    final Study study;
    final Pruner pruner;

    History(Direction direction, Pruner pruner) {
        this.pruner = pruner;
        this.study = Studies.builder("curves", 1).direction(direction).pruner(pruner).storage(storage).build();
    }

    /** A trial that reported {@code curve[t]} at step t and completed with the last value. */
    int complete(double... curve) {
        int number = running(curve);
        storage.finishTrial("curves", number, TrialState.COMPLETE, OptionalDouble.of(curve[curve.length - 1]), null);
        return number;
    }

    /** A trial that reported {@code curve[t]} at step t and was pruned there. */
    int pruned(double... curve) {
        int number = running(curve);
        storage.finishTrial("curves", number, TrialState.PRUNED, OptionalDouble.of(curve[curve.length - 1]), null);
        return number;
    }

    /** A running trial that reported {@code curve[t]} at step t. */
    int running(double... curve) {
        int number = storage.createTrial("curves");
        for (int step = 0; step < curve.length; step++) {
            storage.setIntermediateValue("curves", number, step, curve[step]);
        }
        return number;
    }

    /** Reports one more value of a running trial. */
    History report(int number, int step, double value) {
        storage.setIntermediateValue("curves", number, step, value);
        return this;
    }

    /** The pruner's verdict on the running trial as stored now. */
    boolean prune(int number) {
        return pruner.prune(study, trial(number));
    }

    FrozenTrial trial(int number) {
        return storage.trial("curves", number);
    }

    /** A curve that holds {@code value} for {@code steps} steps. */
    static double[] flat(double value, int steps) {
        double[] curve = new double[steps];
        java.util.Arrays.fill(curve, value);
        return curve;
    }
}
