package dev.tuner.core.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Finds the input that maximizes an {@link Acquisition} (log expected improvement under a
 * {@link GpModel}, or log EHVI and feasibility under several), in the way
 * Optuna's GPSampler and BoTorch's {@code optimize_acqf} do: a batch of scrambled Sobol candidates
 * (snapped onto the knobs' grids, categories drawn evenly) plus perturbations of the best trials
 * so far, all ranked by the acquisition in one batched prediction; then the best few are refined by a
 * bounded quasi-Newton search ({@link Lbfgs}) on the numeric inputs, int and stepped ones relaxed
 * to continuous and rounded onto their grid at the end, followed by one sweep over each
 * categorical knob's options. The best point found, always a snapped one, is the proposal.
 */
final class AcquisitionOptimizer {

    private static final int MAX_SOBOL_DIMENSIONS = 1000;
    private static final int BEST_PERTURBED = 5;
    private static final double[] PERTURBATION_SCALES = {0.01, 0.05, 0.2};
    private static final int LOCAL_ITERATIONS = 40;
    private final Acquisition acquisition;
    private final GpSpace space;
    private final int d;

    AcquisitionOptimizer(Acquisition acquisition, GpSpace space) {
        this.acquisition = acquisition;
        this.space = space;
        this.d = space.dimensions();
    }

    /**
     * The proposal: the best of {@code candidates} Sobol points and the perturbations of the best
     * {@code observedBestFirst} rows, refined from the best {@code localStarts}.
     */
    double[] optimize(double[][] observedBestFirst, int candidates, int localStarts, UniformRandomProvider rng) {
        List<double[]> points = new ArrayList<>(candidates + candidates / 4);
        sobol(candidates, rng, points);
        perturbations(observedBestFirst, Math.max(8, candidates / 4), rng, points);
        double[][] all = points.toArray(new double[0][]);
        double[] score = evaluate(all);
        Integer[] order = new Integer[all.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -score[c]).thenComparingInt(c -> c));
        double[] chosen = all[order[0]].clone();
        double chosenScore = score[order[0]];
        int starts = 0;
        List<double[]> started = new ArrayList<>();
        for (int r = 0; r < order.length && starts < localStarts; r++) {
            double[] start = all[order[r]];
            if (started.stream().anyMatch(s -> Arrays.equals(s, start))) {
                continue;
            }
            started.add(start);
            starts++;
            double[] refined = refine(start.clone());
            double refinedScore = evaluate(new double[][] {refined})[0];
            if (refinedScore > chosenScore) {
                chosen = refined;
                chosenScore = refinedScore;
            }
        }
        return chosen;
    }

    private double[] evaluate(double[][] points) {
        return acquisition.evaluate(points);
    }

    private void sobol(int count, UniformRandomProvider rng, List<double[]> into) {
        if (count == 0) {
            return;
        }
        long[] shift = new long[d];
        for (int i = 0; i < d; i++) {
            shift[i] = rng.nextLong() >>> 12;
        }
        SobolSequenceGenerator sobol = d <= MAX_SOBOL_DIMENSIONS ? new SobolSequenceGenerator(d) : null;
        for (int c = 0; c < count; c++) {
            double[] u = sobol != null ? sobol.nextVector() : null;
            double[] point = new double[d];
            for (int i = 0; i < d; i++) {
                double v = u != null ? ((long) (u[i] * 0x1p52) ^ shift[i]) * 0x1p-52 : rng.nextDouble();
                point[i] = space.categorical(i) ? Math.min(space.options(i) - 1, Math.floor(v * space.options(i)))
                        : space.snap(i, v);
            }
            into.add(point);
        }
    }

    private void perturbations(double[][] bestFirst, int count, UniformRandomProvider rng, List<double[]> into) {
        int sources = Math.min(BEST_PERTURBED, bestFirst.length);
        for (int c = 0; c < count && sources > 0; c++) {
            double[] source = bestFirst[c % sources];
            double scale = PERTURBATION_SCALES[rng.nextInt(PERTURBATION_SCALES.length)];
            double[] point = source.clone();
            for (int i = 0; i < d; i++) {
                if (space.categorical(i)) {
                    if (rng.nextInt(d) == 0) {
                        point[i] = rng.nextInt(space.options(i));
                    }
                } else {
                    point[i] = space.snap(i, point[i] + scale * gaussian(rng));
                }
            }
            into.add(point);
        }
    }

    /** A local ascent of the acquisition from {@code point} on its numeric inputs, snapped, then a sweep over each category. */
    private double[] refine(double[] point) {
        int[] free = java.util.stream.IntStream.range(0, d).filter(i -> !space.categorical(i)).toArray();
        if (free.length > 0) {
            double[] z = new double[free.length];
            for (int f = 0; f < free.length; f++) {
                z[f] = point[free[f]];
            }
            double[] lower = new double[free.length];
            double[] upper = new double[free.length];
            Arrays.fill(upper, 1);
            double[] full = point.clone();
            double[] fullGradient = new double[d];
            Lbfgs.minimize((zz, gradient) -> {
                for (int f = 0; f < free.length; f++) {
                    full[free[f]] = zz[f];
                }
                double value = acquisition.valueAndGradient(full, fullGradient);
                for (int f = 0; f < free.length; f++) {
                    gradient[f] = -fullGradient[free[f]];
                }
                return -value;
            }, z, lower, upper, LOCAL_ITERATIONS, 1e-6);
            for (int f = 0; f < free.length; f++) {
                point[free[f]] = z[f];
            }
            space.snap(point);
        }
        for (int i = 0; i < d; i++) {
            if (!space.categorical(i)) {
                continue;
            }
            double[][] options = new double[space.options(i)][];
            for (int o = 0; o < options.length; o++) {
                options[o] = point.clone();
                options[o][i] = o;
            }
            double[] score = evaluate(options);
            int bestOption = 0;
            for (int o = 1; o < options.length; o++) {
                if (score[o] > score[bestOption]) {
                    bestOption = o;
                }
            }
            point[i] = bestOption;
        }
        return point;
    }

    private static double gaussian(UniformRandomProvider rng) {
        // Box–Muller, one draw: enough for perturbations
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
