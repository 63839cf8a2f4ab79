package dev.tuner.core.optuna;

import dev.tuner.Direction;
import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Studies with every kind of knob, state and value, written into a storage for the Optuna tests. */
final class Studies {

    static final String MIXED = "dev.tuner.Mixed.objective";
    static final String MO = "dev.tuner.Mixed.twoObjectives";
    /** The names of {@link #MO}'s objectives. */
    static final List<String> MO_NAMES = List.of("error", "score");

    static final Distribution X = Uniform.of(-10, 10);
    static final Map<String, Distribution> EVERY_KIND = everyKind();

    private Studies() {}

    private static Map<String, Distribution> everyKind() {
        Map<String, Distribution> knobs = new LinkedHashMap<>();
        knobs.put(MIXED + ".lr", LogUniform.of(1e-5, 1e-1));
        knobs.put(MIXED + ".layers", IntUniform.of(1, 8));
        knobs.put(MIXED + ".units", IntUniform.of(1, 1024).onLogScale());
        knobs.put(MIXED + ".even", IntUniform.of(0, 10).withStep(2));
        knobs.put(MIXED + ".activation", Choice.of("relu", "tanh"));
        knobs.put(MIXED + ".flag", Bool.of());
        knobs.put(MIXED + ".dropout", Uniform.of(0, 0.5).quantized(0.05));
        knobs.put(MIXED + ".noise", Normal.of(0.5, 0.2));
        knobs.put(MIXED + ".scale", LogNormal.of(0, 1));
        knobs.put(MIXED + ".optimizer", PriorityChoice.of("adam", "sgd"));
        knobs.put(MIXED + ".kernel", Fixed.of("rbf"));
        knobs.put(MIXED + ".direction", Choice.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        knobs.put("dev.tuner.Mixed.width", Choice.of(16, 32L, 0.5));
        return knobs;
    }

    /** The internal values of {@link #EVERY_KIND}'s knobs in the first trial, in order. */
    static final double[] FIRST = {3e-3, 4, 64, 6, 1, 1, 0.25, 0.7, 1.75, 1, 0, 1, 2};

    /**
     * Writes study {@link #MIXED}: #0 complete with every kind of knob, intermediate values and a
     * met constraint; #1 pruned (knobs of one branch only); #2 failed; #3 complete, better but
     * infeasible; #4 complete, the best; #5 running; #6 waiting. And study {@link #MO}, of two
     * objectives (minimize, maximize), whose front is #0, #1 and #2.
     */
    static void write(Storage storage) {
        storage.createStudy(MIXED, Direction.MINIMIZE);
        int first = storage.createTrial(MIXED);
        storage.setParam(MIXED, first, MIXED + ".x", X, 1.5);
        int i = 0;
        for (Map.Entry<String, Distribution> knob : EVERY_KIND.entrySet()) {
            storage.setParam(MIXED, first, knob.getKey(), knob.getValue(), FIRST[i++]);
        }
        storage.setIntermediateValue(MIXED, first, 0, 5.0);
        storage.setIntermediateValue(MIXED, first, 1, Double.NaN);
        storage.setIntermediateValue(MIXED, first, 2, Double.NEGATIVE_INFINITY);
        finish(storage, MIXED, first, TrialState.COMPLETE, new double[] {2.5}, Map.of("size", -1.0), null);

        int pruned = storage.createTrial(MIXED);
        storage.setParam(MIXED, pruned, MIXED + ".x", X, -2);
        storage.setParam(MIXED, pruned, MIXED + ".activation", EVERY_KIND.get(MIXED + ".activation"), 0);
        storage.setIntermediateValue(MIXED, pruned, 0, 9.0);
        storage.setIntermediateValue(MIXED, pruned, 3, 7.0);
        finish(storage, MIXED, pruned, TrialState.PRUNED, new double[] {7.0}, Map.of(), null);

        int failed = storage.createTrial(MIXED);
        storage.setParam(MIXED, failed, MIXED + ".x", X, 0.1);
        finish(storage, MIXED, failed, TrialState.FAIL, new double[0], Map.of(),
                new TrialFailure("java.lang.IllegalStateException", "boom \"quoted\" ü", "A.b(A.java:3)"));

        int infeasible = storage.createTrial(MIXED);
        storage.setParam(MIXED, infeasible, MIXED + ".x", X, -1);
        Map<String, Double> two = new LinkedHashMap<>();
        two.put("size", 0.5);
        two.put("latency", -3.0);
        finish(storage, MIXED, infeasible, TrialState.COMPLETE, new double[] {1.25}, two, null);

        int best = storage.createTrial(MIXED);
        storage.setParam(MIXED, best, MIXED + ".x", X, 0.25);
        finish(storage, MIXED, best, TrialState.COMPLETE, new double[] {2.0}, Map.of("size", -0.1), null);

        int running = storage.createTrial(MIXED);
        storage.setParam(MIXED, running, MIXED + ".x", X, 3);
        storage.enqueueTrial(MIXED, Map.of(MIXED + ".x", "0.5"));

        storage.createStudy(MO, List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        storage.nameObjectives(MO, MO_NAMES);
        double[][] points = {{1, 1}, {2, 3}, {0.5, 0.5}, {3, 2}};
        for (double[] point : points) {
            int trial = storage.createTrial(MO);
            storage.setParam(MO, trial, MO + ".x", X, point[0]);
            finish(storage, MO, trial, TrialState.COMPLETE, point, Map.of(), null);
        }
    }

    private static void finish(Storage storage, String study, int trial, TrialState state, double[] values,
            Map<String, Double> constraints, TrialFailure failure) {
        storage.finishTrial(study, trial, state, TrialResult.of(values, constraints), failure);
    }
}
