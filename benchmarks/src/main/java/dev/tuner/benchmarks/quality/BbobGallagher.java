package dev.tuner.benchmarks.quality;

import java.util.Arrays;
import java.util.Comparator;

/**
 * BBOB's Gallagher functions, f21 (101 peaks) and f22 (21 peaks): the largest of Gaussian peaks of
 * random heights, positions and (rotated, differently conditioned) shapes, the highest one (10) at
 * {@code x_opt}. The peaks are drawn as COCO's {@code f_gallagher.c} draws them: a random
 * permutation of the condition levels from the first {@code peaks - 1} uniforms, a permutation of
 * each peak's axis scales from seed {@code seed + 1000 × peak}, and the positions from
 * {@code peaks × D} uniforms of the instance's seed.
 */
final class BbobGallagher {

    private BbobGallagher() {}

    static BbobFunction of(int function, int d, int instance, long seed, int peaks, double fopt) {
        double maxCondition = 1000.0;
        double firstCondition = peaks == 101 ? Math.sqrt(maxCondition) : maxCondition;
        double b = peaks == 101 ? 10.0 : 9.8;
        double c = peaks == 101 ? 5.0 : 4.9;
        double[][] rotation = BbobRandom.rotation(seed, d);

        int[] levels = order(BbobRandom.uniform(peaks - 1, seed));
        double[] condition = new double[peaks];
        double[] height = new double[peaks];
        condition[0] = firstCondition;
        height[0] = 10;
        for (int i = 1; i < peaks; i++) {
            condition[i] = Math.pow(maxCondition, (double) levels[i - 1] / (peaks - 2));
            height[i] = (double) (i - 1) / (peaks - 2) * (9.1 - 1.1) + 1.1;
        }
        double[][] scales = new double[peaks][d];
        for (int i = 0; i < peaks; i++) {
            int[] axes = order(BbobRandom.uniform(d, seed + 1000L * i));
            for (int j = 0; j < d; j++) {
                scales[i][j] = Math.pow(condition[i], (double) axes[j] / (d - 1) - 0.5);
            }
        }
        double[] u = BbobRandom.uniform(d * peaks, seed);
        double[] xopt = new double[d];
        double[][] centre = new double[peaks][d];
        for (int i = 0; i < d; i++) {
            xopt[i] = 0.8 * (b * u[i] - c);
            for (int j = 0; j < peaks; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += rotation[i][k] * (b * u[j * d + k] - c);
                }
                centre[j][i] = j == 0 ? sum * 0.8 : sum;
            }
        }
        return BbobFunction.make(function, d, instance, xopt, fopt, x -> {
            double[] rotated = BbobTransforms.times(rotation, x);
            double highest = 0;
            for (int i = 0; i < peaks; i++) {
                double distance = 0;
                for (int j = 0; j < d; j++) {
                    double t = rotated[j] - centre[i][j];
                    distance += scales[i][j] * t * t;
                }
                highest = Math.max(highest, height[i] * Math.exp(-0.5 / d * distance));
            }
            double value = BbobTransforms.oscillate(10.0 - highest);
            return value * value + BbobTransforms.penalty(x) + fopt;
        });
    }

    /** The indices of {@code values} in increasing order of value: COCO's sorted permutation. */
    private static int[] order(double[] values) {
        Integer[] indices = new Integer[values.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        Arrays.sort(indices, Comparator.comparingDouble(i -> values[i]));
        return Arrays.stream(indices).mapToInt(Integer::intValue).toArray();
    }
}
