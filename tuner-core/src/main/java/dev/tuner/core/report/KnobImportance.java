package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialState;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each knob matters to the objective, estimated PED-ANOVA style (Watanabe, Bansal and
 * Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter Importance in Arbitrary Subspaces",
 * IJCAI 2023): a knob is important when its values among the best trials are distributed
 * differently from its values among all trials.
 *
 * <p>For each knob, over the complete trials that read it:
 * <ol>
 *   <li>the <em>top</em> trials are the best {@value #TOP_QUANTILE_PERCENT}% by objective value
 *       (at least two), and the <em>region</em> is all of them;</li>
 *   <li>each set's distribution of the knob is estimated: for a numeric knob, a Gaussian kernel
 *       density (Scott's bandwidth) over {@value #BINS} bins of its axis (the log of the value for a
 *       log-scaled knob), for a categorical knob the share of each option; each mixed with one
 *       prior observation spread evenly, so that no bin or option is impossible;</li>
 *   <li>the knob's importance is the Pearson χ² divergence of the top distribution from the region
 *       one, {@code Σ p_top² / p_region − 1}: zero when the best trials look like any trials, large
 *       when they crowd into a part of the knob's range.</li>
 * </ol>
 * The divergences are then scaled to sum to 1. Knobs that fewer than {@value #MIN_TRIALS} complete
 * trials read are left out, as their estimate would be noise.
 *
 * <p>It costs {@code O(n)} per knob to bin the values plus {@code O(BINS²)} to smooth them, so a
 * study of tens of thousands of trials is ranked in milliseconds, with no model to fit (unlike
 * fANOVA's random forest). What it measures is local: how much the knob matters among the trials the
 * sampler ran, which for a sampler like TPE are already concentrated where the objective is good. It
 * judges each knob alone, so an effect that only shows in the interplay of two knobs is missed.
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
    /** The fewest complete trials that must read a knob for it to be ranked: {@value}. */
    public static final int MIN_TRIALS = 10;
    static final int BINS = 64;

    private KnobImportance() {}

    /**
     * The importance of each knob the complete trials read, largest first, summing to 1 (all 0 when
     * no knob matters at all); empty when fewer than {@value #MIN_TRIALS} trials completed.
     */
    public static Map<String, Double> of(List<FrozenTrial> trials, Direction direction) {
        double sign = direction == Direction.MAXIMIZE ? -1 : 1;
        // best first, sorted once for all knobs
        List<FrozenTrial> complete = trials.stream()
                .filter(trial -> trial.state() == TrialState.COMPLETE)
                .sorted(Comparator.comparingDouble(trial -> sign * trial.value().getAsDouble()))
                .toList();
        List<Knob> knobs = Knob.of(complete);
        Map<String, Double> divergences = new LinkedHashMap<>();
        for (Knob knob : knobs) {
            double divergence = divergence(knob, complete);
            if (!Double.isNaN(divergence)) {
                divergences.put(knob.name(), divergence);
            }
        }
        double total = divergences.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> ranked = new LinkedHashMap<>();
        divergences.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> ranked.put(entry.getKey(), total > 0 ? entry.getValue() / total : 0));
        return ranked;
    }

    /** The knob's Pearson divergence, top from region, over trials sorted best first; NaN when too few read it. */
    private static double divergence(Knob knob, List<FrozenTrial> bestFirst) {
        double[] all = new double[bestFirst.size()];
        int n = 0;
        for (FrozenTrial trial : bestFirst) {
            double position = knob.position(trial);
            if (!Double.isNaN(position)) {
                all[n++] = position;
            }
        }
        if (n < MIN_TRIALS) {
            return Double.NaN;
        }
        all = Arrays.copyOf(all, n);
        int top = Math.max(2, (int) Math.ceil(TOP_QUANTILE * n));
        double[] best = Arrays.copyOf(all, top);
        if (knob.isCategorical()) {
            int options = knob.categories().size();
            return pearson(shares(best, options), shares(all, options));
        }
        Axis axis = knob.axis(all);
        return pearson(density(fractions(axis, best)), density(fractions(axis, all)));
    }

    private static double[] fractions(Axis axis, double[] positions) {
        double[] fractions = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            fractions[i] = Math.max(0, Math.min(1, axis.fraction(positions[i])));
        }
        return fractions;
    }

    /** {@code Σ p² / q − 1}: the Pearson χ² divergence of {@code p} from {@code q}. */
    static double pearson(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i] * p[i] / q[i];
        }
        return Math.max(0, sum - 1);
    }

    /** Each option's share of the values, with one prior observation spread over all options. */
    static double[] shares(double[] indices, int options) {
        double[] shares = new double[options];
        Arrays.fill(shares, 1.0 / options);
        for (double index : indices) {
            shares[(int) index] += 1;
        }
        for (int i = 0; i < options; i++) {
            shares[i] /= indices.length + 1;
        }
        return shares;
    }

    /**
     * A kernel density of values in {@code [0, 1]} as probabilities of {@value #BINS} bins: the values
     * binned, smoothed by a Gaussian of Scott's bandwidth (at least one bin wide), and mixed with one
     * prior observation spread evenly.
     */
    static double[] density(double[] fractions) {
        int n = fractions.length;
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
        double bandwidth = Math.max(1.0 / BINS, Math.min(0.5, 1.06 * Math.sqrt(variance) * Math.pow(n, -0.2)));
        double bandwidthInBins = bandwidth * BINS;
        double[] smoothed = new double[BINS];
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
        double[] probabilities = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            // n observations smoothed, one spread evenly
            probabilities[i] = (n * smoothed[i] / total + 1.0 / BINS) / (n + 1);
        }
        return probabilities;
    }
}
