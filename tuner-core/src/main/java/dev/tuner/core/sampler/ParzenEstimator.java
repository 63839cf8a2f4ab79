package dev.tuner.core.sampler;

import dev.tuner.core.sampler.TpeParam.Kind;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A Parzen estimator over the model space of one or more knobs: a weighted mixture of product
 * kernels, one centred on each observation plus one prior component ({@link TpeParam}'s prior).
 * Numeric dimensions use Gaussian kernels truncated to the range (a discrete knob's kernel gives
 * each value the mass of its cell, on a linear or a log grid); categorical dimensions use an
 * Aitchison-Aitken kernel (the observed option keeps {@code 1 - b}, all options share {@code b}).
 * A custom distribution's dimension draws its candidates from the distribution itself.
 *
 * <p>With one dimension the mixture is compacted before use: equal values of a discrete or
 * categorical knob merge into one component, and a continuous knob with many observations is
 * linearly binned onto a uniform grid much finer than its bandwidth, so evaluating the density of
 * the "bad" trials costs O(grid within reach), not O(N), per candidate.
 */
final class ParzenEstimator {

    /** Above this many observations a single continuous dimension is binned. */
    static final int BIN_ABOVE = 256;

    private final TpeParam[] params;
    private final int dims;
    /** Observation components; the prior is one more, index {@code components}. */
    private final int components;
    /** Dimension-major: {@code mu[k][j]}; for categorical dimensions the observed option. */
    private final double[][] mu;
    private final double[] inverseSigma;
    private final double[] priorInverseSigma;
    /** log of each component's weight, less its truncation normalizer and Gaussian constants; the prior's last. */
    private final double[] logWeight;
    /** Cumulative normalized component weights, for drawing a component; the prior's last. */
    private final double[] cumulative;
    /**
     * Whether this is one continuous dimension binned onto a uniform grid (centres
     * {@code mu[0][0] + j · gridSpacing}): then only the centres near a point are summed.
     */
    private final boolean sortedContinuous;
    private final double gridSpacing;
    /** On a grid: each component's weight as {@code e^(logWeight - gridShift)}, so that the kernels near a point are summed without a log or exp each. */
    private final double[] gridWeight;
    private final double gridShift;
    /** Per categorical dimension: log kernel value at the observed option and at any other. */
    private final double[] logHit;
    private final double[] logMiss;

    private ParzenEstimator(TpeParam[] params, double[][] mu, int components, double[] weight, double[] sigma,
            double priorWeight, double[] logHit, double[] logMiss, double gridSpacing) {
        this.params = params;
        this.sortedContinuous = gridSpacing > 0 && params.length == 1 && params[0].kind() == Kind.CONTINUOUS;
        this.gridSpacing = gridSpacing;
        this.dims = params.length;
        this.components = components;
        this.mu = mu;
        this.logHit = logHit;
        this.logMiss = logMiss;
        inverseSigma = new double[dims];
        priorInverseSigma = new double[dims];
        double observationNorm = 0;
        double priorNorm = 0;
        double priorMass = 1;
        for (int k = 0; k < dims; k++) {
            TpeParam p = params[k];
            inverseSigma[k] = sigma[k] > 0 ? 1 / sigma[k] : 0;
            priorInverseSigma[k] = 1 / p.priorSigma();
            if (p.kind() == Kind.CONTINUOUS) {
                observationNorm += Math.log(sigma[k]) + Gaussian.LOG_SQRT_2PI;
                priorNorm += Math.log(p.priorSigma()) + Gaussian.LOG_SQRT_2PI;
            }
            if (p.numeric()) {
                priorMass *= Gaussian.insideMass(p.priorCentre(), priorInverseSigma[k], p.modelLow(), p.modelHigh());
            }
        }
        double total = priorWeight;
        for (int j = 0; j < components; j++) {
            total += weight == null ? 1 : weight[j];
        }
        logWeight = new double[components + 1];
        cumulative = new double[components + 1];
        double[] inside = new double[components];
        Arrays.fill(inside, 1);
        for (int k = 0; k < dims; k++) {
            TpeParam p = params[k];
            if (p.numeric()) {
                multiplyInside(inside, mu[k], components, p.modelLow(), p.modelHigh(), inverseSigma[k]);
            }
        }
        double running = 0;
        for (int j = 0; j < components; j++) {
            double w = (weight == null ? 1 : weight[j]) / total;
            running += w;
            cumulative[j] = running;
            logWeight[j] = Math.log(w / inside[j]) - observationNorm;
        }
        cumulative[components] = 1;
        logWeight[components] = Math.log(priorWeight / total) - Math.log(priorMass) - priorNorm;
        if (sortedContinuous) {
            double shift = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < components; j++) {
                shift = logWeight[j] > shift ? logWeight[j] : shift;
            }
            gridShift = shift;
            gridWeight = new double[components];
            for (int j = 0; j < components; j++) {
                gridWeight[j] = Gaussian.expNonPositive(logWeight[j] - shift);
            }
        } else {
            gridShift = 0;
            gridWeight = null;
        }
    }

    /**
     * Multiplies {@code inside[j]} by the mass that a kernel centred at {@code centres[j]} keeps in
     * {@code [lo, hi]}: the centres lie inside the range (model values are kept inside it), so 1
     * minus the two tails. A small method of its own, which the JIT vectorizes.
     */
    private static void multiplyInside(double[] inside, double[] centres, int n, double lo, double hi, double inverse) {
        for (int j = 0; j < n; j++) {
            inside[j] *= 1 - Gaussian.upperTail((centres[j] - lo) * inverse) - Gaussian.upperTail((hi - centres[j]) * inverse);
        }
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
        double[] sigma = new double[dims];
        double[] logHit = new double[dims];
        double[] logMiss = new double[dims];
        for (int k = 0; k < dims; k++) {
            TpeParam p = params[k];
            if (p.numeric()) {
                sigma[k] = Bandwidth.of(p, points[k], observationWeights, count, dims, settings);
            } else {
                int n = p.cells();
                double b = settings.categoricalBandwidth(count);
                logHit[k] = Math.log(1 - b + b / n);
                logMiss[k] = Math.log(b / n);
            }
        }
        double[][] centres = points;
        double[] weights = observationWeights;
        int m = count;
        double spacing = 0;
        if (dims == 1 && count > 0) {
            Compacted compacted = compact(params[0], points[0], observationWeights, count, sigma[0]);
            if (compacted != null) {
                centres = new double[][] {compacted.centres};
                weights = compacted.weights;
                m = compacted.centres.length;
                spacing = compacted.spacing;
            }
        }
        return new ParzenEstimator(params, centres, m, weights, sigma, settings.priorWeight(), logHit, logMiss,
                spacing);
    }

    /** Merged or binned components; {@code spacing} is the uniform grid's step of binned ones, else 0. */
    private record Compacted(double[] centres, double[] weights, double spacing) {}

    /** Merges equal discrete values, or bins many continuous ones; null when nothing is gained. */
    private static Compacted compact(TpeParam p, double[] values, double[] given, int count, double sigma) {
        double[] weights;
        double low;
        double spacing;
        if (p.kind() != Kind.CONTINUOUS) {
            if (p.cells() >= count) {
                return null;
            }
            weights = new double[p.cells()];
            for (int i = 0; i < count; i++) {
                weights[p.cell(values[i])] += given == null ? 1 : given[i];
            }
            low = 0;
            spacing = 1;
        } else {
            if (count <= BIN_ABOVE) {
                return null;
            }
            low = p.modelLow();
            double width = p.modelHigh() - low;
            // grid spacing at most a quarter of the bandwidth: linear binning then errs by under 1%
            int bins = (int) Math.min(4096, Math.max(16, Math.ceil(4 * width / sigma)));
            if (bins + 1 >= count) {
                return null;
            }
            spacing = width / bins;
            double perSpacing = bins / width;
            weights = new double[bins + 1];
            // comparisons, not Math.min and max: their care for NaN and -0.0 cost half of this loop
            int last = bins - 1;
            for (int i = 0; i < count; i++) {
                double position = (values[i] - low) * perSpacing;
                int cell = (int) position;
                int left = cell < 0 ? 0 : cell > last ? last : cell;
                double fraction = position - left;
                double right = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
                double w = given == null ? 1 : given[i];
                weights[left] += w * (1 - right);
                weights[left + 1] += w * right;
            }
            // every grid point, empty ones too, so that the centres stay evenly spaced
            double[] centres = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                centres[b] = low + b * spacing;
            }
            return new Compacted(centres, weights, spacing);
        }
        int used = 0;
        for (double w : weights) {
            used += w > 0 ? 1 : 0;
        }
        double[] centres = new double[used];
        double[] kept = new double[used];
        for (int b = 0, u = 0; b < weights.length; b++) {
            if (weights[b] > 0) {
                centres[u] = p.kind() == Kind.DISCRETE ? p.centre(b) : b;
                kept[u++] = weights[b];
            }
        }
        return new Compacted(centres, kept, 0);
    }

    /** {@code count} draws: {@code result[k][c]} is draw c's model value in dimension k. */
    double[][] sample(UniformRandomProvider rng, int count) {
        double[][] draws = new double[dims][count];
        for (int c = 0; c < count; c++) {
            int j = Arrays.binarySearch(cumulative, rng.nextDouble());
            j = Math.min(components, j < 0 ? -j - 1 : j);
            boolean prior = j == components;
            for (int k = 0; k < dims; k++) {
                TpeParam p = params[k];
                if (p.kind() == Kind.CATEGORICAL) {
                    draws[k][c] = prior ? rng.nextInt(p.cells()) : drawCategory(rng, p.cells(), (int) mu[k][j], k);
                    continue;
                }
                if (p.drawnFromPrior()) {
                    draws[k][c] = p.drawPrior(rng);
                    continue;
                }
                double m = prior ? p.priorCentre() : mu[k][j];
                double s = 1 / (prior ? priorInverseSigma[k] : inverseSigma[k]);
                double x = m + s * Gaussian.truncated((p.modelLow() - m) / s, (p.modelHigh() - m) / s, rng.nextDouble());
                x = Math.max(p.modelLow(), Math.min(p.modelHigh(), x));
                if (p.kind() == Kind.DISCRETE) {
                    x = p.snap(x);
                }
                draws[k][c] = x;
            }
        }
        return draws;
    }

    private int drawCategory(UniformRandomProvider rng, int n, int observed, int k) {
        if (rng.nextDouble() < Math.exp(logHit[k])) {
            return observed;
        }
        // the other options share the rest equally
        int other = rng.nextInt(n - 1);
        return other >= observed ? other + 1 : other;
    }

    /** The log density (log mass for discrete and categorical dimensions) at each point {@code points[k][c]}. */
    double[] logPdf(double[][] points) {
        int count = points[0].length;
        double[] result = new double[count];
        if (sortedContinuous) {
            return logPdfNear(points[0], result);
        }
        // per point, passes over all components, each for up to four continuous dimensions at once
        // (long loops the JIT vectorizes, and a quarter of the loads and stores of one pass each)
        double[] t = new double[components];
        int[] continuous = new int[dims];
        double[] half = new double[dims];
        int continuousCount = 0;
        for (int k = 0; k < dims; k++) {
            if (params[k].kind() == Kind.CONTINUOUS) {
                half[continuousCount] = 0.5 * inverseSigma[k] * inverseSigma[k];
                continuous[continuousCount++] = k;
            }
        }
        double[] x = new double[4];
        double[][] m = new double[4][];
        double[] h = new double[4];
        for (int c = 0; c < count; c++) {
            System.arraycopy(logWeight, 0, t, 0, components);
            double prior = logWeight[components];
            for (int g = 0; g < continuousCount; g += 4) {
                int size = Math.min(4, continuousCount - g);
                for (int i = 0; i < size; i++) {
                    int k = continuous[g + i];
                    x[i] = points[k][c];
                    m[i] = mu[k];
                    h[i] = half[g + i];
                    double z = (x[i] - params[k].priorCentre()) * priorInverseSigma[k];
                    prior -= 0.5 * z * z;
                }
                subtractSquares(t, size, x, m, h);
            }
            for (int k = 0; k < dims; k++) {
                TpeParam p = params[k];
                switch (p.kind()) {
                    case CONTINUOUS -> { }
                    case DISCRETE -> prior += addCellMasses(k, points[k][c], t);
                    case CATEGORICAL -> {
                        double hit = logHit[k];
                        double miss = logMiss[k];
                        double option = points[k][c];
                        double[] observed = mu[k];
                        for (int j = 0; j < components; j++) {
                            t[j] += option == observed[j] ? hit : miss;
                        }
                        prior -= Math.log(p.cells());
                    }
                }
            }
            // comparisons, not Math.max, whose care for NaN and -0.0 made this loop cost as much as a dimension
            double top = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < components; j++) {
                top = t[j] > top ? t[j] : top;
            }
            double max = Math.max(prior, top);
            // terms below e^-20 of the largest change the sum by at most N · 2e-9 of it: nothing for a ranking
            double floor = max - 20;
            double sum = Gaussian.expNonPositive(prior - max);
            for (int j = 0; j < components; j++) {
                if (t[j] > floor) {
                    sum += Gaussian.expNonPositive(t[j] - max);
                }
            }
            result[c] = max + Math.log(sum);
        }
        return result;
    }

    /** {@code t[j] -= Σ h[i] (x[i] - m[i][j])²} over the first {@code size} (1 to 4) dimensions, in one pass. */
    private void subtractSquares(double[] t, int size, double[] x, double[][] m, double[] h) {
        int n = components;
        switch (size) {
            case 4 -> {
                double x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
                double h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3];
                double[] m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3];
                for (int j = 0; j < n; j++) {
                    double d0 = x0 - m0[j];
                    double d1 = x1 - m1[j];
                    double d2 = x2 - m2[j];
                    double d3 = x3 - m3[j];
                    t[j] -= h0 * d0 * d0 + h1 * d1 * d1 + h2 * d2 * d2 + h3 * d3 * d3;
                }
            }
            case 3 -> {
                double x0 = x[0], x1 = x[1], x2 = x[2];
                double h0 = h[0], h1 = h[1], h2 = h[2];
                double[] m0 = m[0], m1 = m[1], m2 = m[2];
                for (int j = 0; j < n; j++) {
                    double d0 = x0 - m0[j];
                    double d1 = x1 - m1[j];
                    double d2 = x2 - m2[j];
                    t[j] -= h0 * d0 * d0 + h1 * d1 * d1 + h2 * d2 * d2;
                }
            }
            case 2 -> {
                double x0 = x[0], x1 = x[1];
                double h0 = h[0], h1 = h[1];
                double[] m0 = m[0], m1 = m[1];
                for (int j = 0; j < n; j++) {
                    double d0 = x0 - m0[j];
                    double d1 = x1 - m1[j];
                    t[j] -= h0 * d0 * d0 + h1 * d1 * d1;
                }
            }
            default -> {
                double x0 = x[0];
                double h0 = h[0];
                double[] m0 = m[0];
                for (int j = 0; j < n; j++) {
                    double d0 = x0 - m0[j];
                    t[j] -= h0 * d0 * d0;
                }
            }
        }
    }

    /** Cells of a linear grid narrower than this many bandwidths get the Gaussian approximation of their mass. */
    static final double NARROW_CELL = 0.25;

    /** Cells of a log grid narrower than this many bandwidths get the Gaussian approximation of their mass. */
    static final double NARROW_LOG_CELL = 1;

    /**
     * Adds to {@code t[j]} the log of the mass that component j's kernel in discrete dimension
     * {@code k} gives the cell of value {@code x}; returns the prior component's.
     *
     * <p>A narrow cell (width {@code w} at most {@value #NARROW_CELL} bandwidths on a linear grid,
     * {@value #NARROW_LOG_CELL} on a log grid) gets its width times the density, at its midpoint,
     * of the kernel widened by the cell ({@code σ² + w²/12}, the variance of the kernel smeared
     * over the cell): one multiply-add per component, as for a continuous dimension. Against the
     * exact mass it errs by under 0.01% (0.1% for the log grid's widest) at the centre, 0.1% (4%)
     * four bandwidths away, where a kernel weighs e^-8 of its peak. A wider cell of a linear grid,
     * whose kernels then reach a few cells only, looks its exact mass up by its distance in cells
     * from the centre; a wider cell of a log grid gets each mass from the distribution function.
     */
    private double addCellMasses(int k, double x, double[] t) {
        TpeParam p = params[k];
        double[] m = mu[k];
        double lo = p.cellLow(x);
        double hi = p.cellHigh(x);
        double w = hi - lo;
        double inverse = inverseSigma[k];
        double r = w * inverse;
        if (r <= (p.log() ? NARROW_LOG_CELL : NARROW_CELL)) {
            double precision = inverse * inverse / (1 + r * r / 12);
            double constant = Math.log(w) + 0.5 * Math.log(precision) - Gaussian.LOG_SQRT_2PI;
            double half = 0.5 * precision;
            double mid = 0.5 * (lo + hi);
            for (int j = 0; j < components; j++) {
                double d = mid - m[j];
                t[j] += constant - half * d * d;
            }
        } else if (!p.log()) {
            double[] table = offsetTable(k);
            int reach = table.length / 2;
            for (int j = 0; j < components; j++) {
                // centres and values of a linear grid are whole indices
                int d = (int) (x - m[j]) + reach;
                t[j] += d >= 0 && d < table.length ? table[d] : FLOOR;
            }
        } else {
            for (int j = 0; j < components; j++) {
                double a = (lo - m[j]) * inverse;
                double b = (hi - m[j]) * inverse;
                t[j] += Math.log(Math.max(Double.MIN_NORMAL, Gaussian.cellMass(a, b)));
            }
        }
        double a = (lo - p.priorCentre()) * priorInverseSigma[k];
        double b = (hi - p.priorCentre()) * priorInverseSigma[k];
        return Math.log(Math.max(Double.MIN_NORMAL, Gaussian.cellMass(a, b)));
    }

    /** The log of the least mass a kernel gives a cell, as masses below it are clamped. */
    private static final double FLOOR = Math.log(Double.MIN_NORMAL);

    /**
     * Per discrete dimension of a linear grid, built when first needed: the log mass that a kernel
     * gives the cell {@code d} cells from its centre, at index {@code d + reach}, for
     * {@code |d| ≤ reach}; beyond 40 bandwidths the mass is below the smallest double anyway.
     */
    private double[][] offsetTables;

    private double[] offsetTable(int k) {
        if (offsetTables == null) {
            offsetTables = new double[dims][];
        }
        if (offsetTables[k] == null) {
            double inverse = inverseSigma[k];
            int reach = (int) Math.min(params[k].cells() - 1, Math.ceil(40 / inverse) + 1);
            double[] table = new double[2 * reach + 1];
            for (int d = -reach; d <= reach; d++) {
                table[d + reach] = Math.log(Math.max(Double.MIN_NORMAL,
                        Gaussian.cellMass((d - 0.5) * inverse, (d + 0.5) * inverse)));
            }
            offsetTables[k] = table;
        }
        return offsetTables[k];
    }

    /**
     * The log density of one continuous dimension binned onto a uniform grid: only the grid points
     * within 6.5 bandwidths of a point are summed (a farther kernel contributes less than e^-21 of
     * its weight, far below the prior's density), so a point costs O(13 · bins per bandwidth),
     * however narrow the bandwidth and however many trials are binned. Along the grid each
     * kernel's value is the last one's times a ratio that itself changes by a constant factor
     * ({@code e^(-h(d - s)²) = e^(-hd²) · e^(h(2ds - s²))}), so the sum takes two multiplications a
     * point, not an {@code exp}.
     */
    private double[] logPdfNear(double[] xs, double[] result) {
        TpeParam p = params[0];
        double[] m = mu[0];
        double low = m[0];
        double s = gridSpacing;
        double h = 0.5 * inverseSigma[0] * inverseSigma[0];
        double reach = 6.5 / inverseSigma[0];
        double middle = p.priorCentre();
        double step = Gaussian.expNonPositive(-2 * h * s * s);
        for (int c = 0; c < xs.length; c++) {
            double x = xs[c];
            double z = (x - middle) * priorInverseSigma[0];
            double prior = logWeight[components] - 0.5 * z * z;
            int from = (int) Math.max(0, Math.ceil((x - reach - low) / s));
            int to = (int) Math.min(components - 1, Math.floor((x + reach - low) / s));
            double sum = 0;
            if (from <= to) {
                double d = x - m[from];
                double kernel = Gaussian.expNonPositive(-h * d * d);
                double ratio = Math.exp(h * (2 * d * s - s * s));
                for (int j = from; j <= to; j++) {
                    sum += gridWeight[j] * kernel;
                    kernel *= ratio;
                    ratio *= step;
                }
            }
            double near = gridShift + Math.log(sum);
            double max = Math.max(near, prior);
            result[c] = max + Math.log(Gaussian.expNonPositive(near - max) + Gaussian.expNonPositive(prior - max));
        }
        return result;
    }
}
