package dev.tuner.core.sampler;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A study's history as the GP sampler reads it for one proposal: the knobs it models (those that
 * every finished trial held with the same distribution, of a kind {@link GpSpace} models, sorted by
 * name so that the order knobs are read in does not matter), the complete trials' inputs and
 * standardized losses, and the inputs of other workers' running trials.
 *
 * <p>COMPLETE trials are data. A FAIL trial that held every modelled knob is data too, at the worst
 * loss of the complete trials: ignored, it left the model's view of its region unchanged, and on a
 * study whose promising edge fails (an objective that throws past a working range) the GP proposed
 * the same failing point trial after trial. A FAIL trial does not count when deciding which knobs
 * every finished trial held (one that failed before reading its knobs would otherwise take every
 * knob from the GP). A PRUNED trial's last
 * reported value is an intermediate one, not comparable with final values, so it is no data
 * either (as in Optuna's GPSampler); it still counts when deciding which knobs every finished
 * trial held, as in TPE, so that a knob a pruned trial never read stays with the fallback.
 */
final class GpHistory {

    final GpSpace space;
    /** The complete trials' inputs, in trial order. */
    final double[][] x;
    /** Their losses (smaller is better), warped and standardized by {@link OutputWarping}. */
    final double[] y;
    /** Inputs of trials still running in other workers that hold every modelled knob. */
    final double[][] running;

    private GpHistory(GpSpace space, double[][] x, double[] y, double[][] running) {
        this.space = space;
        this.x = x;
        this.y = y;
        this.running = running;
    }

    /** The modelled knobs of {@code trials}: null when no trial has finished or none is modelled. */
    static GpSpace space(List<FrozenTrial> trials) {
        Map<String, Distribution> common = null;
        for (FrozenTrial trial : trials) {
            if (trial.state() != TrialState.COMPLETE && trial.state() != TrialState.PRUNED) {
                continue;
            }
            if (common == null) {
                common = new TreeMap<>();
                for (Map.Entry<String, Suggestion> entry : trial.suggestions().entrySet()) {
                    if (GpSpace.models(entry.getValue().distribution())) {
                        common.put(entry.getKey(), entry.getValue().distribution());
                    }
                }
            } else {
                common.entrySet().removeIf(entry -> {
                    Suggestion held = trial.suggestions().get(entry.getKey());
                    return held == null || !held.distribution().equals(entry.getValue());
                });
            }
            if (common.isEmpty()) {
                return null;
            }
        }
        return common == null ? null : new GpSpace(new ArrayList<>(common.keySet()), new ArrayList<>(common.values()));
    }

    /** The number of complete trials with finite values, which the GP learns from. */
    static int complete(List<FrozenTrial> trials) {
        int count = 0;
        for (FrozenTrial trial : trials) {
            count += isData(trial) ? 1 : 0;
        }
        return count;
    }

    /** Whether {@code trial} is complete with every objective value finite (one or several). */
    static boolean isData(FrozenTrial trial) {
        if (trial.state() != TrialState.COMPLETE || trial.result().size() == 0) {
            return false;
        }
        for (int j = 0; j < trial.result().size(); j++) {
            if (!Double.isFinite(trial.result().value(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The data of {@code trials} on {@code space}; {@code current} is the trial being proposed for.
     * A running trial that has not read all its knobs yet counts with the values {@code proposed}
     * holds for it (this sampler's proposals, by trial number), if any.
     */
    static GpHistory read(List<FrozenTrial> trials, GpSpace space, Direction direction, int current,
            Map<Integer, Map<String, Suggestion>> proposed) {
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<double[]> running = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.FAIL) {
                double[] point = encode(trial.suggestions(), space);
                if (point != null) {
                    failed.add(point);
                }
                continue;
            }
            boolean data = isData(trial);
            boolean other = trial.state() == TrialState.RUNNING && trial.number() != current;
            if (!data && !other) {
                continue;
            }
            double[] point = encode(trial.suggestions(), space);
            if (point == null && !data && proposed.containsKey(trial.number())) {
                Map<String, Suggestion> merged = new java.util.HashMap<>(proposed.get(trial.number()));
                merged.putAll(trial.suggestions());
                point = encode(merged, space);
            }
            if (point == null) {
                continue;
            }
            if (data) {
                double value = trial.value().getAsDouble();
                inputs.add(point);
                losses.add(direction == Direction.MAXIMIZE ? -value : value);
            } else {
                running.add(point);
            }
        }
        if (!losses.isEmpty()) {
            double worst = losses.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
            for (double[] point : failed) {
                inputs.add(point);
                losses.add(worst);
            }
        }
        double[] raw = losses.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = OutputWarping.warp(raw);
        return new GpHistory(space, inputs.toArray(new double[0][]), y, running.toArray(new double[0][]));
    }

    /** The inputs of a trial's knobs, or null when it lacks a modelled knob or holds it with another distribution. */
    static double[] encode(Map<String, Suggestion> suggestions, GpSpace space) {
        double[] point = new double[space.dimensions()];
        for (int i = 0; i < point.length; i++) {
            Suggestion held = suggestions.get(space.name(i));
            if (held == null || !held.distribution().equals(space.distribution(i))) {
                return null;
            }
            point[i] = space.encode(i, held.internal());
        }
        return point;
    }

    int size() {
        return y.length;
    }

    /** The lowest standardized loss: the incumbent EI improves on. */
    double best() {
        return Arrays.stream(y).min().orElse(0);
    }

    /** Observation indices, best first (ties by trial order). */
    int[] bestFirst() {
        return bestFirst(y);
    }

    /** The indices of {@code y}, smallest first (ties by index). */
    static int[] bestFirst(double[] y) {
        return IntStream.range(0, y.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> y[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * At most {@code limit} observation indices, in trial order: all when there are no more; else
     * the best half of the limit and, for the rest, the most recent others. The region around the
     * best trials is where the next proposal most likely lands, and the recent trials show where
     * the search has just been.
     */
    int[] subset(int limit) {
        return subset(y, limit);
    }

    /** {@link #subset(int)} of the losses {@code y}. */
    static int[] subset(double[] y, int limit) {
        int n = y.length;
        if (n <= limit) {
            return IntStream.range(0, n).toArray();
        }
        boolean[] chosen = new boolean[n];
        int[] ranked = bestFirst(y);
        int taken = 0;
        for (int r = 0; r < (limit + 1) / 2; r++, taken++) {
            chosen[ranked[r]] = true;
        }
        for (int i = n - 1; i >= 0 && taken < limit; i--) {
            if (!chosen[i]) {
                chosen[i] = true;
                taken++;
            }
        }
        return IntStream.range(0, n).filter(i -> chosen[i]).toArray();
    }

    /** The rows of {@code values} at {@code indices}. */
    static double[][] rows(double[][] values, int[] indices) {
        double[][] rows = new double[indices.length][];
        for (int r = 0; r < indices.length; r++) {
            rows[r] = values[indices[r]];
        }
        return rows;
    }

    /** The entries of {@code values} at {@code indices}. */
    static double[] entries(double[] values, int[] indices) {
        double[] entries = new double[indices.length];
        for (int r = 0; r < indices.length; r++) {
            entries[r] = values[indices[r]];
        }
        return entries;
    }

    /** Name to suggestion for an input vector, in the space's order. */
    Map<String, Suggestion> proposal(double[] point) {
        return proposal(space, point);
    }

    /** Name to suggestion for an input vector of {@code space}, in its order. */
    static Map<String, Suggestion> proposal(GpSpace space, double[] point) {
        Map<String, Suggestion> proposal = new LinkedHashMap<>();
        for (int i = 0; i < point.length; i++) {
            proposal.put(space.name(i), new Suggestion(space.distribution(i), space.decode(i, point[i])));
        }
        return proposal;
    }
}
