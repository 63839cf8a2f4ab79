package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much each knob matters to the objective, estimated PED-ANOVA style (Watanabe, Bansal and
 * Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter Importance in Arbitrary Subspaces",
 * IJCAI 2023): a knob is important when its values among the best trials are distributed
 * differently from its values among all trials.
 *
 * <p>Over the complete trials, for each knob:
 * <ol>
 *   <li>the <em>top</em> trials are the best {@value #TOP_QUANTILE_PERCENT}% by objective value
 *       (at least two), and the <em>region</em> is all of them;</li>
 *   <li>each set's distribution of the knob is estimated over {@value #BINS} bins of the knob's
 *       axis (the log of the value for a log-scaled knob) by a Gaussian kernel density, or over its
 *       options for a categorical knob; a knob of a conditional space, which some trials did not
 *       read, has one more bin for "not read". The kernel's bandwidth is Scott's rule, but never
 *       less than {@code 1 / min(100, 1 + n)} of the axis, so that a few points do not make a
 *       spike; each distribution is mixed with one prior observation spread over all bins, so that
 *       none is impossible;</li>
 *   <li>the knob's importance is the Pearson χ² divergence of the top distribution from the region
 *       one, {@code Σ p_top² / p_region − 1}: zero when the best trials look like any trials, large
 *       when they crowd into a part of the knob's range.</li>
 * </ol>
 * The divergences are then scaled to sum to 1. Nothing is ranked with fewer than
 * {@value #MIN_TRIALS} complete trials, as the estimate would be noise.
 *
 * <p>It costs one pass over the trials to pick the top ones (a heap of them, {@code O(n log top)}
 * at worst), then {@code O(n)} per knob to bin its values and {@code O(BINS²)} to smooth them, so a
 * study of tens of thousands of trials is ranked in well under a second, with no model to fit
 * (unlike fANOVA's random forest). What it measures is local: how much a knob matters among the
 * trials the sampler ran, which for a sampler like TPE are already concentrated where the objective
 * is good, so a knob that TPE settled early can rank below one it still explores. It judges each
 * knob alone, so an effect that only shows in the interplay of two knobs is missed.
 *
 * <pre>{@code
 * Map<String, Double> importance = KnobImportance.of(study.trials(), study.direction());
 * // {com.acme.Classifier.learningRate=0.81, com.acme.Classifier.layers=0.15, ...}
 * }</pre>
 */
public final class KnobImportance {

    /** The share of complete trials that counts as the top: {@value}. */
    public static final double TOP_QUANTILE = 0.1;
    static final int TOP_QUANTILE_PERCENT = 10;
    /** The fewest complete trials for knobs to be ranked: {@value}. */
    public static final int MIN_TRIALS = 10;
    static final int BINS = 64;

    private KnobImportance() {}

    /**
     * The importance of each knob the complete trials read, largest first, summing to 1 (all 0 when
     * no knob matters at all); empty when fewer than {@value #MIN_TRIALS} trials completed.
     */
    public static Map<String, Double> of(List<FrozenTrial> trials, Direction direction) {
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.values().size() > 1) {
                throw new IllegalArgumentException("trial #" + trial.number() + " has " + trial.values().size()
                        + " objective values " + trial.values() + ", so knobs cannot be ranked by one direction; call"
                        + " KnobImportance.of(trials, directions, objective) to rank them for one objective");
            }
        }
        return of(TrialColumns.of(new StudySnapshot("", direction, trials)));
    }

    /**
     * The importance of each knob for one objective of a study of several, as {@link #of(List, Direction)}
     * ranks them for a study of that objective alone.
     *
     * <pre>{@code
     * Map<String, Double> forLatency = KnobImportance.of(study.trials(), study.directions(), 1);
     * }</pre>
     *
     * @param directions the study's directions, one per objective
     * @param objective the index of the objective, in the order of {@code directions}
     * @throws IndexOutOfBoundsException if there is no such objective
     */
    public static Map<String, Double> of(List<FrozenTrial> trials, List<Direction> directions, int objective) {
        Objects.checkIndex(objective, directions.size());
        StudySnapshot study = new StudySnapshot("", directions, TrialHistory.defaultObjectiveNames(directions.size()), trials);
        return of(TrialColumns.of(study).forObjective(objective, directions.get(objective)));
    }

    /** {@link #of(List, Direction)} of trials already read into columns, as a study's page has them. */
    static Map<String, Double> of(TrialColumns columns) {
        int[] complete = columns.complete();
        if (complete.length < MIN_TRIALS) {
            return Map.of();
        }
        int top = Math.max(2, (int) Math.ceil(TOP_QUANTILE * complete.length));
        // the top trials first, then the others, each in number order; chosen once for all knobs
        int[] order = new int[complete.length];
        boolean[] isTop = new boolean[columns.size()];
        int placed = 0;
        for (int trial : columns.best(top)) {
            isTop[trial] = true;
            order[placed++] = trial;
        }
        for (int trial : complete) {
            if (!isTop[trial]) {
                order[placed++] = trial;
            }
        }
        Map<String, Double> divergences = new LinkedHashMap<>();
        for (Knob knob : columns.knobs()) {
            double[] positions = new double[order.length];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = knob.position(order[i]);
            }
            divergences.put(knob.name(), divergence(knob, positions, top));
        }
        double total = divergences.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> ranked = new LinkedHashMap<>();
        divergences.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> ranked.put(entry.getKey(), total > 0 ? entry.getValue() / total : 0));
        return ranked;
    }

    /** The divergence of the first {@code top} positions' distribution from all of them'; NaN marks a trial that did not read the knob. */
    static double divergence(Knob knob, double[] positions, int top) {
        boolean conditional = false;
        double[] present = new double[positions.length];
        int count = 0;
        for (double position : positions) {
            if (Double.isNaN(position)) {
                conditional = true;
            } else {
                present[count++] = position;
            }
        }
        if (count == 0) {
            return 0;
        }
        double[] topPositions = java.util.Arrays.copyOf(positions, top);
        if (knob.isCategorical()) {
            int options = knob.categories().size();
            return pearson(categorical(topPositions, options, conditional), categorical(positions, options, conditional));
        }
        Axis axis = knob.axis(java.util.Arrays.copyOf(present, count));
        return pearson(numeric(axis, topPositions, conditional), numeric(axis, positions, conditional));
    }

    /** {@code Σ p² / q − 1}: the Pearson χ² divergence of {@code p} from {@code q}. */
    static double pearson(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i] * p[i] / q[i];
        }
        return Math.max(0, sum - 1);
    }

    /** Each option's share of the values (and, for a conditional knob, the share not read, last). */
    static double[] categorical(double[] positions, int options, boolean conditional) {
        double[] counts = new double[options + (conditional ? 1 : 0)];
        for (double position : positions) {
            counts[Double.isNaN(position) ? options : (int) position]++;
        }
        return withPrior(counts, positions.length);
    }

    /**
     * A kernel density of the values over {@value #BINS} bins of the axis (and, for a conditional
     * knob, the share not read, last).
     */
    static double[] numeric(Axis axis, double[] positions, boolean conditional) {
        double[] fractions = new double[positions.length];
        int present = 0;
        for (double position : positions) {
            if (!Double.isNaN(position)) {
                fractions[present++] = Math.max(0, Math.min(1, axis.fraction(position)));
            }
        }
        double[] counts = new double[BINS + (conditional ? 1 : 0)];
        double[] smoothed = smooth(java.util.Arrays.copyOf(fractions, present));
        System.arraycopy(smoothed, 0, counts, 0, BINS);
        if (conditional) {
            counts[BINS] = positions.length - present;
        }
        return withPrior(counts, positions.length);
    }

    /** Counts summing to {@code n} as probabilities, with one more observation spread over all bins. */
    private static double[] withPrior(double[] counts, int n) {
        double[] probabilities = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            probabilities[i] = (counts[i] + 1.0 / counts.length) / (n + 1);
        }
        return probabilities;
    }

    /**
     * Values in {@code [0, 1]} binned and smoothed by a Gaussian kernel: counts over {@value #BINS}
     * bins that sum to the number of values. The bandwidth is Scott's rule, at least one bin and at
     * least {@code 1 / min(100, 1 + n)}, at most half the axis.
     */
    static double[] smooth(double[] fractions) {
        int n = fractions.length;
        double[] smoothed = new double[BINS];
        if (n == 0) {
            return smoothed;
        }
        double[] counts = new double[BINS];
        double mean = 0;
        for (double fraction : fractions) {
            counts[Math.min(BINS - 1, (int) (fraction * BINS))]++;
            mean += fraction / n;
        }
        double variance = 0;
        for (double fraction : fractions) {
            variance += (fraction - mean) * (fraction - mean) / Math.max(1, n - 1);
        }
        double floor = Math.max(1.0 / BINS, 1.0 / Math.min(100, 1 + n));
        double bandwidth = Math.min(0.5, Math.max(floor, 1.06 * Math.sqrt(variance) * Math.pow(n, -0.2)));
        double bandwidthInBins = bandwidth * BINS;
        double total = 0;
        for (int to = 0; to < BINS; to++) {
            for (int from = 0; from < BINS; from++) {
                if (counts[from] > 0) {
                    double z = (to - from) / bandwidthInBins;
                    smoothed[to] += counts[from] * Math.exp(-0.5 * z * z);
                }
            }
            total += smoothed[to];
        }
        for (int i = 0; i < BINS; i++) {
            smoothed[i] *= n / total;
        }
        return smoothed;
    }
}
