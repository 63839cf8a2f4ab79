package dev.tuner.core.sampler;

import dev.tuner.core.sampler.TpeParam.Kind;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A Parzen estimator over the model space of one or more knobs: a weighted mixture of product
 * kernels, one centred on each observation plus one wide prior component. Numeric dimensions use
 * Gaussian kernels truncated to the range (a discrete knob's kernel gives each value the mass of
 * its cell); categorical dimensions use a one-hot kernel smoothed towards uniform.
 *
 * <p>With one dimension the mixture is compacted before use: equal values of a discrete or
 * categorical knob merge into one component, and a continuous knob with many observations is
 * linearly binned onto a grid much finer than its bandwidth, so evaluating the density of the
 * "bad" trials costs O(grid), not O(N), per candidate.
 */
final class ParzenEstimator {

    /** Above this many observations a single continuous dimension is binned. */
    static final int BIN_ABOVE = 256;

    private final TpeParam[] params;
    private final int dims;
    private final int components;
    /** Component-major: {@code mu[j * dims + k]}; for categorical dimensions the observed index. */
    private final double[] mu;
    private final double[] sigma;
    /** log of each component's weight, minus its truncation normalizer's log and the Gaussian constants. */
    private final double[] logWeight;
    /** Cumulative normalized component weights, for drawing a component. */
    private final double[] cumulative;
    /** Per categorical dimension: log kernel value at the observed index and elsewhere (the prior component is uniform). */
    private final double[] logHit;
    private final double[] logMiss;

    private ParzenEstimator(TpeParam[] params, double[] mu, double[] sigma, double[] weight, double[] logHit,
            double[] logMiss) {
        this.params = params;
        this.dims = params.length;
        this.components = weight.length;
        this.mu = mu;
        this.sigma = sigma;
        this.logHit = logHit;
        this.logMiss = logMiss;
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        cumulative = new double[components];
        logWeight = new double[components];
        double running = 0;
        for (int j = 0; j < components; j++) {
            running += weight[j] / total;
            cumulative[j] = running;
            double lw = Math.log(weight[j] / total);
            for (int k = 0; k < dims; k++) {
                TpeParam p = params[k];
                if (p.kind() == Kind.CATEGORICAL) {
                    continue;
                }
                double m = mu[j * dims + k];
                double s = sigma[j * dims + k];
                lw -= Math.log(Gaussian.mass((p.modelLow() - m) / s, (p.modelHigh() - m) / s));
                if (p.kind() == Kind.CONTINUOUS) {
                    lw -= Math.log(s) + Gaussian.LOG_SQRT_2PI;
                }
            }
            logWeight[j] = lw;
        }
        cumulative[components - 1] = 1;
    }

    /**
     * Fits an estimator to observations.
     *
     * @param params the dimensions
     * @param points {@code points[k][i]}: the model value of observation i in dimension k
     * @param count how many observations (columns of {@code points}) to use
     * @param observationWeights each observation's weight, or null for equal weights
     * @param settings the prior weight and the bandwidth rule
     */
    static ParzenEstimator fit(TpeParam[] params, double[][] points, int count, double[] observationWeights,
            TpeSettings settings) {
        int dims = params.length;
        double[] sigmaObs = new double[dims];
        for (int k = 0; k < dims; k++) {
            sigmaObs[k] = params[k].numeric()
                    ? Bandwidth.of(params[k], points[k], observationWeights, count, dims, settings) : 0;
        }
        double[] logHit = new double[dims];
        double[] logMiss = new double[dims];
        for (int k = 0; k < dims; k++) {
            if (params[k].kind() == Kind.CATEGORICAL) {
                // an Aitchison-Aitken kernel: the observed option keeps 1 - b, the rest share b
                int n = params[k].cells();
                double b = settings.categoricalBandwidth(count);
                logHit[k] = Math.log(1 - b + b / n);
                logMiss[k] = Math.log(b / n);
            }
        }
        double[][] centres = points;
        double[] weights = observationWeights;
        int m = count;
        if (dims == 1 && count > 0) {
            Compacted compacted = compact(params[0], points[0], observationWeights, count, sigmaObs[0]);
            if (compacted != null) {
                centres = new double[][] {compacted.centres};
                weights = compacted.weights;
                m = compacted.centres.length;
            }
        }
        double[] mu = new double[(m + 1) * dims];
        double[] sigma = new double[(m + 1) * dims];
        double[] weight = new double[m + 1];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < dims; k++) {
                mu[j * dims + k] = centres[k][j];
                sigma[j * dims + k] = sigmaObs[k];
            }
            weight[j] = weights == null ? 1 : weights[j];
        }
        // the prior: centred, as wide as the range, uniform over a categorical's options
        for (int k = 0; k < dims; k++) {
            TpeParam p = params[k];
            mu[m * dims + k] = p.numeric() ? 0.5 * (p.modelLow() + p.modelHigh()) : -1;
            sigma[m * dims + k] = p.modelHigh() - p.modelLow();
        }
        weight[m] = settings.priorWeight();
        return new ParzenEstimator(params, mu, sigma, weight, logHit, logMiss);
    }

    private record Compacted(double[] centres, double[] weights) {}

    /** Merges equal discrete values, or bins many continuous ones; null when nothing is gained. */
    private static Compacted compact(TpeParam p, double[] values, double[] given, int count, double sigma) {
        if (p.kind() != Kind.CONTINUOUS) {
            int cells = p.cells();
            if (cells >= count) {
                return null;
            }
            double[] weights = new double[cells];
            for (int i = 0; i < count; i++) {
                weights[(int) values[i]] += given == null ? 1 : given[i];
            }
            int used = 0;
            for (double w : weights) {
                used += w > 0 ? 1 : 0;
            }
            double[] centres = new double[used];
            double[] kept = new double[used];
            for (int c = 0, u = 0; c < cells; c++) {
                if (weights[c] > 0) {
                    centres[u] = c;
                    kept[u++] = weights[c];
                }
            }
            return new Compacted(centres, kept);
        }
        if (count <= BIN_ABOVE) {
            return null;
        }
        double low = p.modelLow();
        double width = p.modelHigh() - low;
        // grid spacing at most a fifth of the bandwidth: linear binning then errs by well under 1%
        int bins = (int) Math.min(4096, Math.max(16, Math.ceil(5 * width / sigma)));
        if (bins + 1 >= count) {
            return null;
        }
        double spacing = width / bins;
        double[] weights = new double[bins + 1];
        for (int i = 0; i < count; i++) {
            double position = (values[i] - low) / spacing;
            int left = Math.max(0, Math.min(bins - 1, (int) position));
            double right = Math.max(0, Math.min(1, position - left));
            double w = given == null ? 1 : given[i];
            weights[left] += w * (1 - right);
            weights[left + 1] += w * right;
        }
        int used = 0;
        for (double w : weights) {
            used += w > 0 ? 1 : 0;
        }
        double[] centres = new double[used];
        double[] kept = new double[used];
        for (int b = 0, u = 0; b <= bins; b++) {
            if (weights[b] > 0) {
                centres[u] = low + b * spacing;
                kept[u++] = weights[b];
            }
        }
        return new Compacted(centres, kept);
    }

    int dims() {
        return dims;
    }

    /** {@code count} draws: {@code result[k][c]} is draw c's model value in dimension k. */
    double[][] sample(UniformRandomProvider rng, int count) {
        double[][] draws = new double[dims][count];
        for (int c = 0; c < count; c++) {
            int j = Arrays.binarySearch(cumulative, rng.nextDouble());
            j = Math.min(components - 1, j < 0 ? -j - 1 : j);
            boolean prior = j == components - 1;
            for (int k = 0; k < dims; k++) {
                TpeParam p = params[k];
                if (p.kind() == Kind.CATEGORICAL) {
                    draws[k][c] = drawCategory(rng, p.cells(), prior ? -1 : (int) mu[j * dims + k], k);
                    continue;
                }
                double m = mu[j * dims + k];
                double s = sigma[j * dims + k];
                double x = m + s * Gaussian.truncated((p.modelLow() - m) / s, (p.modelHigh() - m) / s, rng.nextDouble());
                x = Math.max(p.modelLow(), Math.min(p.modelHigh(), x));
                if (p.kind() == Kind.DISCRETE) {
                    x = Math.max(0, Math.min(p.cells() - 1, Math.rint(x)));
                }
                draws[k][c] = x;
            }
        }
        return draws;
    }

    private int drawCategory(UniformRandomProvider rng, int n, int observed, int k) {
        if (observed < 0) {
            return rng.nextInt(n);
        }
        double hit = Math.exp(logHit[k]);
        double u = rng.nextDouble();
        if (u < hit) {
            return observed;
        }
        // the other options share the rest equally
        int other = rng.nextInt(n - 1);
        return other >= observed ? other + 1 : other;
    }

    /** The log density (log mass for discrete and categorical dimensions) at each point. */
    double[] logPdf(double[][] points) {
        int count = points[0].length;
        double[] result = new double[count];
        double[] terms = new double[components];
        double[] x = new double[dims];
        for (int c = 0; c < count; c++) {
            for (int k = 0; k < dims; k++) {
                x[k] = points[k][c];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < components; j++) {
                double t = logWeight[j];
                int base = j * dims;
                boolean prior = j == components - 1;
                for (int k = 0; k < dims; k++) {
                    TpeParam p = params[k];
                    double m = mu[base + k];
                    switch (p.kind()) {
                        case CONTINUOUS -> {
                            double z = (x[k] - m) / sigma[base + k];
                            t -= 0.5 * z * z;
                        }
                        case DISCRETE -> {
                            double s = sigma[base + k];
                            t += Math.log(Math.max(Double.MIN_NORMAL,
                                    Gaussian.mass((x[k] - 0.5 - m) / s, (x[k] + 0.5 - m) / s)));
                        }
                        case CATEGORICAL -> t += prior ? -Math.log(p.cells()) : (x[k] == m ? logHit[k] : logMiss[k]);
                    }
                }
                terms[j] = t;
                max = Math.max(max, t);
            }
            double sum = 0;
            for (int j = 0; j < components; j++) {
                sum += Math.exp(terms[j] - max);
            }
            result[c] = max + Math.log(sum);
        }
        return result;
    }
}
