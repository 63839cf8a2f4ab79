package dev.tuner.core.sampler;

import dev.tuner.core.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How the GP sampler turns several objectives, or constraints, into what its models fit and its
 * acquisition maximizes (see {@link GpSampler}'s class comment): the objectives' training targets
 * (each warped and standardized on its own, or, with {@link Scalarization#PAREGO}, one random
 * Chebyshev scalarization), the constraints' standardized values and thresholds, and the
 * objectives' term of the acquisition over the current feasible front.
 */
final class GpFront {

    /** How several objectives become an acquisition. */
    enum Scalarization {
        /** Log expected hypervolume improvement over the feasible front, one GP per objective (2 or 3 objectives). */
        EHVI,
        /** ParEGO: one GP on a random augmented Chebyshev scalarization per proposal, and log EI (Knowles 2006). */
        PAREGO
    }

    /** EHVI's boxes grow as {@code n^(m-1)}: beyond three objectives ParEGO is used. */
    static final int MAX_EHVI_OBJECTIVES = 3;
    private static final double CHEBYSHEV_AUGMENTATION = 0.05;
    private static final double REFERENCE_MARGIN = 0.1;

    private final GpObservations data;
    private final boolean scalarized;
    /** The objectives' training targets: one per objective, or one scalarization. */
    final double[][] targets;

    GpFront(GpObservations data, Scalarization scalarization, UniformRandomProvider rng) {
        this.data = data;
        int m = data.objectives();
        this.scalarized = m > 1 && (scalarization == Scalarization.PAREGO || m > MAX_EHVI_OBJECTIVES);
        if (scalarized) {
            targets = new double[][] {OutputWarping.warp(chebyshev(data, weights(m, rng)))};
        } else {
            targets = new double[m][];
            for (int j = 0; j < m; j++) {
                targets[j] = OutputWarping.warp(data.losses(j));
            }
        }
    }

    /** A weight vector drawn uniformly from the simplex. */
    private static double[] weights(int m, UniformRandomProvider rng) {
        double[] w = new double[m];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            w[j] = -Math.log(1 - rng.nextDouble());
            sum += w[j];
        }
        for (int j = 0; j < m; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** {@code max_j w_j f_j + 0.05 Σ_j w_j f_j}, each objective scaled to [0, 1] over the data. */
    private static double[] chebyshev(GpObservations data, double[] w) {
        int m = w.length;
        double[] low = new double[m];
        double[] high = new double[m];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] loss : data.losses) {
            for (int j = 0; j < m; j++) {
                low[j] = Math.min(low[j], loss[j]);
                high[j] = Math.max(high[j], loss[j]);
            }
        }
        double[] s = new double[data.size()];
        for (int r = 0; r < s.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double range = high[j] - low[j];
                double f = range > 0 ? (data.losses[r][j] - low[j]) / range : 0;
                max = Math.max(max, w[j] * f);
                sum += w[j] * f;
            }
            s[r] = max + CHEBYSHEV_AUGMENTATION * sum;
        }
        return s;
    }

    /**
     * The objectives' term of the acquisition over the feasible inputs' targets: log EI below the
     * best for one target, log EHVI over the non-dominated targets for several, the reference point
     * a tenth of each target's observed range beyond its worst value. Null when no input is
     * feasible: the acquisition is then the probability of feasibility alone.
     */
    PosteriorAcquisition.Term term() {
        int[] feasible = IntStream.range(0, data.size()).filter(r -> data.feasible[r]).toArray();
        if (feasible.length == 0) {
            return null;
        }
        if (targets.length == 1) {
            double best = Double.POSITIVE_INFINITY;
            for (int r : feasible) {
                best = Math.min(best, targets[0][r]);
            }
            double incumbent = best;
            return (mean, sd) -> LogEi.of(mean[0], sd[0], incumbent);
        }
        int m = targets.length;
        double[][] points = new double[feasible.length][m];
        for (int f = 0; f < feasible.length; f++) {
            for (int j = 0; j < m; j++) {
                points[f][j] = targets[j][feasible[f]];
            }
        }
        double[][] front = Arrays.stream(NonDominatedSort.nonDominated(points)).mapToObj(i -> points[i])
                .toArray(double[][]::new);
        return new LogEhvi(BoxDecomposition.of(front, reference()), m);
    }

    private double[] reference() {
        double[] reference = new double[targets.length];
        for (int j = 0; j < reference.length; j++) {
            double low = Arrays.stream(targets[j]).min().getAsDouble();
            double high = Arrays.stream(targets[j]).max().getAsDouble();
            reference[j] = high + REFERENCE_MARGIN * Math.max(high - low, 1e-9);
        }
        return reference;
    }

    /**
     * Constraint {@code c}'s standardized values at the inputs that have one ({@code rows}),
     * and as the last entry the standardized threshold, 0's image.
     */
    double[] constraintTargets(int c, int[] rows) {
        double[] values = new double[rows.length];
        double mean = 0;
        for (int r = 0; r < rows.length; r++) {
            values[r] = data.constraints[c][rows[r]];
            mean += values[r];
        }
        mean /= rows.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(sum / rows.length);
        double scale = sd > 0 && Double.isFinite(sd) ? sd : 1;
        double[] targets = new double[rows.length + 1];
        for (int r = 0; r < rows.length; r++) {
            targets[r] = (values[r] - mean) / scale;
        }
        targets[rows.length] = -mean / scale;
        return targets;
    }

    /** The inputs that have a value of constraint {@code c}. */
    int[] constraintRows(int c) {
        return IntStream.range(0, data.size()).filter(r -> !Double.isNaN(data.constraints[c][r])).toArray();
    }

    /**
     * Input indices, most promising first, whose neighbourhoods the acquisition's search perturbs:
     * the feasible non-dominated ones (in random order, so that the search spreads over the front),
     * then the rest by violation and non-domination rank.
     */
    int[] promisingFirst(UniformRandomProvider rng) {
        int n = data.size();
        double[] tieBreak = new double[n];
        for (int r = 0; r < n; r++) {
            tieBreak[r] = rng.nextDouble();
        }
        double[] violation = data.violations();
        double[][] points = new double[n][targets.length];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < targets.length; j++) {
                points[r][j] = targets[j][r];
            }
        }
        int[] rank = NonDominatedSort.ranks(points);
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            order.add(r);
        }
        order.sort(Comparator.comparingDouble((Integer r) -> violation[r]).thenComparingInt(r -> rank[r])
                .thenComparingDouble(r -> tieBreak[r]).thenComparingInt(r -> r));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    boolean scalarized() {
        return scalarized;
    }
}
