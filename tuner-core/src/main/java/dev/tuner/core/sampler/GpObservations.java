package dev.tuner.core.sampler;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study's history as the GP sampler reads it when there are several objectives or constraints:
 * the complete trials' inputs, their losses per objective (signed so that smaller is better) and
 * their constraint values, and the inputs of other workers' running trials. As in
 * {@link GpHistory}, a FAIL trial that held every modelled knob is data for the objectives, at the
 * worst loss of the complete trials in each; it has no constraint values and counts as
 * infeasible, so it never enters the front.
 */
final class GpObservations {

    final GpSpace space;
    /** The inputs, in trial order. */
    final double[][] x;
    /** The losses, one row per input, one column per objective. */
    final double[][] losses;
    /** The constraints' names, in the order first recorded. */
    final List<String> constraintNames;
    /** Per constraint, its value at each input, NaN where the trial has none. */
    final double[][] constraints;
    /** Whether each input's trial is feasible (complete, every constraint at most 0). */
    final boolean[] feasible;
    /** Inputs of trials still running in other workers that hold every modelled knob. */
    final double[][] running;

    private GpObservations(GpSpace space, double[][] x, double[][] losses, List<String> constraintNames,
            double[][] constraints, boolean[] feasible, double[][] running) {
        this.space = space;
        this.x = x;
        this.losses = losses;
        this.constraintNames = constraintNames;
        this.constraints = constraints;
        this.feasible = feasible;
        this.running = running;
    }

    /** Whether any complete trial of {@code trials} recorded a constraint. */
    static boolean constrained(List<FrozenTrial> trials) {
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && !trial.constraints().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The data of {@code trials} on {@code space}; {@code current} is the trial being proposed for,
     * and {@code proposed} holds this sampler's proposals for running trials (see {@link GpHistory#read}).
     */
    static GpObservations read(List<FrozenTrial> trials, GpSpace space, List<Direction> directions, int current,
            Map<Integer, Map<String, Suggestion>> proposed) {
        int m = directions.size();
        Set<String> names = new LinkedHashSet<>();
        List<double[]> inputs = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        List<FrozenTrial> sources = new ArrayList<>();
        List<double[]> running = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.FAIL) {
                double[] point = GpHistory.encode(trial.suggestions(), space);
                if (point != null) {
                    failed.add(point);
                }
                continue;
            }
            boolean data = GpHistory.isData(trial) && trial.result().size() == m;
            boolean other = trial.state() == TrialState.RUNNING && trial.number() != current;
            if (!data && !other) {
                continue;
            }
            double[] point = GpHistory.encode(trial.suggestions(), space);
            if (point == null && !data && proposed.containsKey(trial.number())) {
                Map<String, Suggestion> merged = new HashMap<>(proposed.get(trial.number()));
                merged.putAll(trial.suggestions());
                point = GpHistory.encode(merged, space);
            }
            if (point == null) {
                continue;
            }
            if (data) {
                double[] loss = new double[m];
                for (int j = 0; j < m; j++) {
                    double value = trial.result().value(j);
                    loss[j] = directions.get(j) == Direction.MAXIMIZE ? -value : value;
                }
                inputs.add(point);
                losses.add(loss);
                sources.add(trial);
                names.addAll(trial.constraints().keySet());
            } else {
                running.add(point);
            }
        }
        int complete = inputs.size();
        if (complete > 0) {
            double[] worst = new double[m];
            Arrays.fill(worst, Double.NEGATIVE_INFINITY);
            for (double[] loss : losses) {
                for (int j = 0; j < m; j++) {
                    worst[j] = Math.max(worst[j], loss[j]);
                }
            }
            for (double[] point : failed) {
                inputs.add(point);
                losses.add(worst.clone());
            }
        }
        int n = inputs.size();
        List<String> constraintNames = List.copyOf(names);
        double[][] constraints = new double[constraintNames.size()][n];
        boolean[] feasible = new boolean[n];
        for (int c = 0; c < constraintNames.size(); c++) {
            Arrays.fill(constraints[c], Double.NaN);
        }
        for (int r = 0; r < complete; r++) {
            FrozenTrial trial = sources.get(r);
            feasible[r] = trial.isFeasible();
            for (int c = 0; c < constraintNames.size(); c++) {
                Double value = trial.constraints().get(constraintNames.get(c));
                if (value != null && !value.isNaN()) {
                    constraints[c][r] = value;
                }
            }
        }
        return new GpObservations(space, inputs.toArray(new double[0][]), losses.toArray(new double[0][]),
                constraintNames, constraints, feasible, running.toArray(new double[0][]));
    }

    int size() {
        return x.length;
    }

    int objectives() {
        return losses.length == 0 ? 0 : losses[0].length;
    }

    /** Objective {@code j}'s losses, one per input. */
    double[] losses(int j) {
        double[] column = new double[losses.length];
        for (int r = 0; r < column.length; r++) {
            column[r] = losses[r][j];
        }
        return column;
    }

    /** Whether some input's trial is feasible. */
    boolean anyFeasible() {
        for (boolean f : feasible) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each input's total violation: the sum of its constraints' positive parts ({@code +∞} for a
     * failed trial, which has none), 0 when feasible.
     */
    double[] violations() {
        double[] violation = new double[size()];
        for (int r = 0; r < violation.length; r++) {
            if (feasible[r]) {
                continue;
            }
            double total = 0;
            boolean any = false;
            for (double[] constraint : constraints) {
                if (!Double.isNaN(constraint[r])) {
                    total += Math.max(0, constraint[r]);
                    any = true;
                }
            }
            violation[r] = any ? total : Double.POSITIVE_INFINITY;
        }
        return violation;
    }
}
