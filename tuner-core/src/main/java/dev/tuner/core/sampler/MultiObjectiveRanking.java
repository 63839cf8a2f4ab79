package dev.tuner.core.sampler;

import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How multi-objective TPE (MOTPE: Ozaki, Tanigaki, Watanabe, Nomura and Onishi, "Multiobjective
 * Tree-Structured Parzen Estimator", JAIR 73, 2022) ranks trials and weighs the good ones.
 *
 * <ul>
 *   <li>Ranking: the complete trials by non-dominated front (objectives signed to be minimized);
 *       the front that the good group cuts through is ordered by greedy hypervolume subset
 *       selection, each next trial the one that adds the most hypervolume to those already taken,
 *       so that every prefix of the ranking is a good group of that size. Pruned trials follow
 *       (those that reached a later step first), then infeasible ones by total violation.</li>
 *   <li>Weights: each good trial's exclusive hypervolume contribution within the good group,
 *       divided by the largest (a trial that adds nothing keeps a tiny weight), so that the good
 *       estimator leans to the trials that spread the front.</li>
 * </ul>
 *
 * <p>The hypervolume's reference point is the worst value of the points at hand in each objective,
 * moved 10% further out ({@link #reference}).
 */
final class MultiObjectiveRanking {

    /** The weight of a good trial that adds no hypervolume, or has no objective values. */
    static final double TINY = 1e-12;

    private MultiObjectiveRanking() {}

    /**
     * The observations {@code 0..n-1}, best first.
     *
     * @param objectives each observation's objectives, minimized; read only for tier 0
     * @param tiers 0 for ranked by objectives, 1 for pruned, 2 for infeasible
     * @param violation each observation's total constraint violation (orders tier 2)
     * @param lastStep each observation's last reported step (orders tier 1, later first)
     * @param trialNumber each observation's trial number (breaks ties)
     * @param n how many observations
     * @param need how many good observations a split takes at most: the front that this many cuts
     *     through is ordered by hypervolume subset selection
     */
    static int[] order(double[][] objectives, int[] tiers, double[] violation, int[] lastStep, int[] trialNumber, int n,
            int need) {
        List<Integer> ranked = new ArrayList<>();
        List<Integer> pruned = new ArrayList<>();
        List<Integer> infeasible = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            (tiers[o] == 0 ? ranked : tiers[o] == 1 ? pruned : infeasible).add(o);
        }
        int[] order = new int[n];
        int at = 0;
        double[][] points = new double[ranked.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = objectives[ranked.get(i)];
        }
        for (int[] front : NonDominatedSort.fronts(points)) {
            int[] members = new int[front.length];
            for (int i = 0; i < front.length; i++) {
                members[i] = ranked.get(front[i]);
            }
            // a front's members in trial order, unless the good group ends inside it
            Integer[] byNumber = Arrays.stream(members).boxed().toArray(Integer[]::new);
            Arrays.sort(byNumber, Comparator.comparingInt(o -> trialNumber[o]));
            int take = need - at;
            if (take > 0 && take < members.length) {
                double[][] frontPoints = new double[byNumber.length][];
                for (int i = 0; i < byNumber.length; i++) {
                    frontPoints[i] = objectives[byNumber[i]];
                }
                int[] chosen = greedySubset(frontPoints, take);
                boolean[] used = new boolean[byNumber.length];
                for (int c : chosen) {
                    order[at++] = byNumber[c];
                    used[c] = true;
                }
                for (int i = 0; i < byNumber.length; i++) {
                    if (!used[i]) {
                        order[at++] = byNumber[i];
                    }
                }
            } else {
                for (int o : byNumber) {
                    order[at++] = o;
                }
            }
        }
        pruned.sort(Comparator.<Integer>comparingInt(o -> -lastStep[o]).thenComparingInt(o -> trialNumber[o]));
        infeasible.sort(Comparator.<Integer>comparingDouble(o -> violation[o]).thenComparingInt(o -> trialNumber[o]));
        for (int o : pruned) {
            order[at++] = o;
        }
        for (int o : infeasible) {
            order[at++] = o;
        }
        return order;
    }

    /**
     * Greedy hypervolume subset selection: {@code k} indices of {@code points}, each in turn the
     * one whose addition to those already chosen adds the most hypervolume (the lowest index on ties).
     */
    static int[] greedySubset(double[][] points, int k) {
        double[] reference = reference(points);
        int[] chosen = new int[k];
        boolean[] used = new boolean[points.length];
        double[][] selected = new double[0][];
        double volume = 0;
        for (int step = 0; step < k; step++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            double[][] with = Arrays.copyOf(selected, selected.length + 1);
            for (int i = 0; i < points.length; i++) {
                if (used[i]) {
                    continue;
                }
                with[selected.length] = points[i];
                double gain = Hypervolume.of(with, reference) - volume;
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            used[best] = true;
            chosen[step] = best;
            with[selected.length] = points[best];
            selected = with;
            volume += bestGain;
        }
        return chosen;
    }

    /**
     * Each point's weight: its exclusive hypervolume contribution among {@code points} divided by the
     * largest, at least {@link #TINY}; a null point (a trial without objective values) weighs
     * {@link #TINY}. A single point weighs 1.
     */
    static double[] weights(double[][] points) {
        double[] weights = new double[points.length];
        Arrays.fill(weights, TINY);
        int[] present = new int[points.length];
        int count = 0;
        for (int i = 0; i < points.length; i++) {
            if (points[i] != null) {
                present[count++] = i;
            }
        }
        if (count == 1) {
            weights[present[0]] = 1;
        }
        if (count <= 1) {
            return weights;
        }
        double[][] kept = new double[count][];
        for (int i = 0; i < count; i++) {
            kept[i] = points[present[i]];
        }
        double[] contributions = Hypervolume.contributions(kept, reference(kept));
        double largest = 0;
        for (int i = 0; i < count; i++) {
            contributions[i] += TINY;
            largest = Math.max(largest, contributions[i]);
        }
        for (int i = 0; i < count; i++) {
            weights[present[i]] = Math.min(1, contributions[i] / largest);
        }
        return weights;
    }

    /**
     * The reference point for {@code points}: in each objective the worst value moved 10% further
     * out ({@code 1.1 x} for a positive worst, {@code 0.9 x} for a negative one), and a tiny positive
     * number where the worst is 0, so that every point lies strictly inside and counts.
     */
    static double[] reference(double[][] points) {
        int m = points[0].length;
        double[] reference = new double[m];
        for (int k = 0; k < m; k++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] point : points) {
                worst = Math.max(worst, point[k]);
            }
            double out = Math.max(1.1 * worst, 0.9 * worst);
            reference[k] = out == 0 ? TINY : out;
        }
        return reference;
    }
}
