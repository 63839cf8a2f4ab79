package dev.tuner.core.sampler;

import dev.tuner.core.space.CustomDistribution;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How the TPE sampler sees one distribution: a range in model space that the kernels are
 * truncated to, the prior component's centre and width there, and how model values map to the
 * distribution's internal values. This is the only class that knows the concrete distributions,
 * so a new distribution is one more case here.
 *
 * <p>Model space, by kind:
 * <ul>
 *   <li>{@link Kind#CONTINUOUS}: the internal value, or its logarithm for a log knob. A grid too
 *       fine to model cell by cell (more than {@link #MAX_CELLS} values) is continuous too, and
 *       its proposals are rounded onto the grid.</li>
 *   <li>{@link Kind#DISCRETE}: a grid of values {@code k · unit + offset}, {@code k} from
 *       {@code first} to {@code last} (an int range with its step, or the multiples of a
 *       quantization step {@code q}). On a linear grid the model value is the index
 *       {@code k - first} and each value owns the cell {@code [i - ½, i + ½]}; on a log grid
 *       (a log int range, or a quantized log-uniform or log-normal knob) the model value is
 *       {@code log v} and each value owns the cell of the values that round to it,
 *       {@code [log(v - unit/2), log(v + unit/2)]}, the first and last cells reaching to the ends
 *       of the range. A kernel gives each value the mass of its cell.</li>
 *   <li>{@link Kind#CATEGORICAL}: the option index.</li>
 * </ul>
 *
 * <p>Priors: a uniform or log-uniform knob's prior component is centred in its range and as wide
 * as the range; a normal or log-normal knob's is its own normal (of {@code log x} for a
 * log-normal), and its range is the clip bounds or, where there is none, {@code mean ± }
 * {@value #NORMAL_REACH}{@code  sd} (the prior's mass beyond is below 6e-7: a value TPE could not
 * reach there is one the random startup would hardly ever try either).
 *
 * <p>A {@link CustomDistribution} with finite bounds is an ordered value in {@code [low, high]}:
 * its kernels are Gaussians there, but its candidates are drawn from its own prior
 * ({@link Distribution#sample}), the one way the SPI offers to produce values it
 * {@linkplain Distribution#contains contains}, and ranked by l(x)/g(x) with the other knobs. An
 * unbounded one has no range to put kernels on: {@link #of} gives null and it is drawn
 * independently from its prior, as {@link RandomSampler} draws it.
 */
final class TpeParam {

    enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

    /** Grids with more values than this are modelled as continuous and rounded. */
    static final int MAX_CELLS = 1 << 20;

    /** A normal knob without clip bounds is modelled within this many standard deviations of its mean. */
    static final double NORMAL_REACH = 5;

    private final Kind kind;
    private final boolean log;
    private final double modelLow;
    private final double modelHigh;
    private final double priorCentre;
    private final double priorSigma;
    private final double priorVariance;
    private final boolean integer;
    /** The grid {@code k · unit + offset}, {@code first ≤ k ≤ last}; unit 0 for none. */
    private final double unit;
    private final double offset;
    private final double first;
    private final double last;
    private final int cells;
    private final double min;
    private final double max;
    /** For a custom distribution: candidates in this dimension are its own draws. */
    private final Distribution drawnFrom;

    private TpeParam(Kind kind, boolean log, double modelLow, double modelHigh, double priorCentre,
            double priorSigma, double priorVariance, boolean integer, double unit, double offset, double first,
            double last, double min, double max, Distribution drawnFrom) {
        this.kind = kind;
        this.log = log;
        this.modelLow = modelLow;
        this.modelHigh = modelHigh;
        this.priorCentre = priorCentre;
        this.priorSigma = priorSigma;
        this.priorVariance = priorVariance;
        this.integer = integer;
        this.unit = unit;
        this.offset = offset;
        this.first = first;
        this.last = last;
        this.cells = kind == Kind.CONTINUOUS ? 0 : (int) (last - first + 1);
        this.min = min;
        this.max = max;
        this.drawnFrom = drawnFrom;
    }

    /** A range whose prior is uniform on it: centred, as wide as the range. */
    private static TpeParam uniform(Kind kind, boolean log, double low, double high, boolean integer, double unit,
            double offset, double first, double last, double min, double max) {
        double range = high - low;
        return new TpeParam(kind, log, low, high, 0.5 * (low + high), range, range * range / 12, integer, unit, offset,
                first, last, min, max, null);
    }

    /** The view of {@code distribution}, or {@code null} when TPE does not model it (it is then drawn at random). */
    static TpeParam of(Distribution distribution) {
        if (distribution instanceof Uniform u) {
            if (!u.isQuantized()) {
                return uniform(Kind.CONTINUOUS, false, u.min(), u.max(), false, 0, 0, 0, 0, u.min(), u.max());
            }
            return multiples(false, u.min(), u.max(), u.q(), u.low(), u.high(), Double.NaN, Double.NaN);
        }
        if (distribution instanceof LogUniform u) {
            if (!u.isQuantized()) {
                return uniform(Kind.CONTINUOUS, true, Math.log(u.min()), Math.log(u.max()), false, 0, 0, 0, 0,
                        u.min(), u.max());
            }
            return multiples(true, Math.log(u.min()), Math.log(u.max()), u.q(), u.low(), u.high(), Double.NaN,
                    Double.NaN);
        }
        if (distribution instanceof IntUniform u) {
            return ofInt(u);
        }
        if (distribution instanceof Normal n) {
            double[] range = normalRange(n.mean(), n.sd(), n.min(), n.max());
            if (!n.isQuantized()) {
                return normal(false, range, n.mean(), n.sd(), n.min(), n.max());
            }
            return multiples(false, range[0], range[1], n.q(), n.low(), n.high(), n.mean(), n.sd());
        }
        if (distribution instanceof LogNormal n) {
            double[] range = normalRange(n.mean(), n.sd(), Math.log(n.min()), Math.log(n.max()));
            if (!n.isQuantized()) {
                return normal(true, range, n.mean(), n.sd(), Math.max(n.min(), Double.MIN_VALUE), n.max());
            }
            return multiples(true, range[0], range[1], n.q(), n.low(), n.high(), n.mean(), n.sd());
        }
        if (distribution instanceof CustomDistribution c) {
            double low = c.low();
            double high = c.high();
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                return null;
            }
            double range = high - low;
            return new TpeParam(Kind.CONTINUOUS, false, low, high, 0.5 * (low + high), range, range * range / 12,
                    false, 0, 0, 0, 0, low, high, c);
        }
        int options = UnitMapping.options(distribution);
        if (options > 1) {
            return uniform(Kind.CATEGORICAL, false, 0, options - 1, false, 0, 0, 0, options - 1, 0, options - 1);
        }
        // a single option (Fixed) needs no model
        return null;
    }

    private static TpeParam ofInt(IntUniform u) {
        double min = u.min();
        double max = u.max();
        if (u.log()) {
            // each integer owns [k - ½, k + ½) on the log scale, as its prior weighs it (step is 1)
            Kind kind = max - min + 1 > MAX_CELLS ? Kind.CONTINUOUS : Kind.DISCRETE;
            return uniform(kind, true, Math.log(min - 0.5), Math.log(max + 0.5), true, 1, 0, min, max, min, max);
        }
        long cells = (u.max() - u.min()) / u.step() + 1;
        if (cells > MAX_CELLS) {
            return uniform(Kind.CONTINUOUS, false, min - 0.5 * u.step(), max + 0.5 * u.step(), true, u.step(), min,
                    0, cells - 1, min, max);
        }
        return uniform(Kind.DISCRETE, false, -0.5, cells - 0.5, true, u.step(), min, 0, cells - 1, min, max);
    }

    /**
     * The model range of a normal (of {@code log x} for a log-normal) with clip bounds
     * {@code [lo, hi]} (infinite for none): the bounds, within {@value #NORMAL_REACH} sd of the mean;
     * a range clipped to a tail keeps {@value #NORMAL_REACH} sd from its clip bound.
     */
    private static double[] normalRange(double mean, double sd, double lo, double hi) {
        double low = Math.max(lo, mean - NORMAL_REACH * sd);
        double high = Math.min(hi, mean + NORMAL_REACH * sd);
        if (!(low < high)) {
            if (lo > mean) {
                low = lo;
                high = Math.min(hi, lo + NORMAL_REACH * sd);
            } else {
                high = hi;
                low = Math.max(lo, hi - NORMAL_REACH * sd);
            }
        }
        return new double[] {low, high};
    }

    private static TpeParam normal(boolean log, double[] range, double mean, double sd, double min, double max) {
        return new TpeParam(Kind.CONTINUOUS, log, range[0], range[1], mean, sd, variance(sd, range[1] - range[0]), false, 0, 0, 0, 0, min, max,
                null);
    }

    /**
     * The multiples of {@code q} of a quantized knob, between the model range {@code [low, high]}
     * (in log space when {@code log}) and the distribution's first and last reachable values; the
     * prior is normal with {@code mean} and {@code sd} in model units, or uniform when they are NaN.
     */
    private static TpeParam multiples(boolean log, double low, double high, double q, double reachableLow,
            double reachableHigh, double mean, double sd) {
        double first = Math.rint((log ? Math.exp(low) : low) / q);
        double last = Math.rint((log ? Math.exp(high) : high) / q);
        if (Double.isFinite(reachableLow)) {
            first = Math.max(first, Math.rint(reachableLow / q));
        }
        if (Double.isFinite(reachableHigh)) {
            last = Math.min(last, Math.rint(reachableHigh / q));
        }
        if (!(first < last)) {
            // one value: nothing to model
            return null;
        }
        double min = first * q;
        double max = last * q;
        boolean normal = !Double.isNaN(mean);
        if (log || last - first + 1 > MAX_CELLS) {
            Kind kind = last - first + 1 > MAX_CELLS ? Kind.CONTINUOUS : Kind.DISCRETE;
            if (!normal) {
                return uniform(kind, log, low, high, false, q, 0, first, last, min, max);
            }
            return new TpeParam(kind, log, low, high, mean, sd, variance(sd, high - low), false, q, 0, first, last, min, max, null);
        }
        // a linear grid in index space: i = k - first
        double cells = last - first + 1;
        if (!normal) {
            return uniform(Kind.DISCRETE, false, -0.5, cells - 0.5, false, q, 0, first, last, min, max);
        }
        return new TpeParam(Kind.DISCRETE, false, -0.5, cells - 0.5, mean / q - first, sd / q, variance(sd / q, cells),
                false, q, 0,
                first, last, min, max, null);
    }

    Kind kind() {
        return kind;
    }

    boolean numeric() {
        return kind != Kind.CATEGORICAL;
    }

    /** Whether the model space is the logarithm of the value. */
    boolean log() {
        return log;
    }

    /** The number of values of a discrete or categorical knob, else 0. */
    int cells() {
        return cells;
    }

    /** Whether this is an int knob: its bandwidth has the magic clip's floor. */
    boolean integer() {
        return integer;
    }

    /** The lower end of the model range the kernels are truncated to. */
    double modelLow() {
        return modelLow;
    }

    /** The upper end of the model range the kernels are truncated to. */
    double modelHigh() {
        return modelHigh;
    }

    /** The centre of the prior component in model space. */
    double priorCentre() {
        return priorCentre;
    }

    /** The width (standard deviation before truncation) of the prior component in model space. */
    double priorSigma() {
        return priorSigma;
    }

    /** The prior's variance in model space, towards which the bandwidth rule leans. */
    double priorVariance() {
        return priorVariance;
    }

    /** A normal prior's variance on a range of width {@code range}: no more than a uniform's on it. */
    private static double variance(double sd, double range) {
        return Math.min(sd * sd, range * range / 12);
    }

    /** Whether candidates in this dimension are the distribution's own draws, not the kernels'. */
    boolean drawnFromPrior() {
        return drawnFrom != null;
    }

    /** A draw from the distribution's own prior, as a model value; only when {@link #drawnFromPrior()}. */
    double drawPrior(UniformRandomProvider rng) {
        return toModel(drawnFrom.sample(rng));
    }

    /** The model value of an internal value, inside the model range. */
    double toModel(double internal) {
        return switch (kind) {
            case CONTINUOUS -> clamp(log ? Math.log(internal) : internal, modelLow, modelHigh);
            case DISCRETE -> log
                    ? clamp(Math.log(internal), modelLow, modelHigh)
                    : clamp(Math.rint((internal - offset) / unit) - first, 0, cells - 1);
            case CATEGORICAL -> internal;
        };
    }

    /** The internal value of a model value, inside the distribution (rounded onto its grid, clamped). */
    double toInternal(double model) {
        return switch (kind) {
            case CONTINUOUS -> {
                if (drawnFrom != null) {
                    // the distribution's own draw, as it gave it
                    yield model;
                }
                double v = log ? Math.exp(model) : model;
                yield unit > 0 ? onGrid(v) : clamp(v, min, max);
            }
            case DISCRETE -> log
                    ? onGrid(Math.exp(model))
                    : (first + clamp(Math.rint(model), 0, cells - 1)) * unit + offset + 0.0;
            case CATEGORICAL -> clamp(Math.rint(model), 0, cells - 1);
        };
    }

    /** The grid value nearest to {@code value}, computed as the distribution computes its values. */
    private double onGrid(double value) {
        double k = clamp(Math.rint((value - offset) / unit), first, last);
        // k · q + 0.0 is how a quantization forms its multiples (and never -0.0)
        return k * unit + offset + 0.0;
    }

    /** The model value of the grid value nearest to model value {@code x}: where a discrete draw lands. */
    double snap(double x) {
        return log ? toModel(toInternal(x)) : clamp(Math.rint(x), 0, cells - 1);
    }

    /** The grid index {@code 0..cells-1} of a discrete knob's model value. */
    int cell(double model) {
        return log ? (int) (clamp(Math.rint(Math.exp(model) / unit), first, last) - first) : (int) model;
    }

    /** The model value of grid index {@code cell}. */
    double centre(int cell) {
        return log ? toModel((first + cell) * unit) : cell;
    }

    /** The lower end of the cell of a discrete knob's model value {@code x} (a grid value's). */
    double cellLow(double x) {
        if (!log) {
            return x - 0.5;
        }
        double k = clamp(Math.rint(Math.exp(x) / unit), first, last);
        return k == first ? modelLow : Math.max(modelLow, Math.log((k - 0.5) * unit));
    }

    /** The upper end of the cell of a discrete knob's model value {@code x}. */
    double cellHigh(double x) {
        if (!log) {
            return x + 0.5;
        }
        double k = clamp(Math.rint(Math.exp(x) / unit), first, last);
        return k == last ? modelHigh : Math.min(modelHigh, Math.log((k + 0.5) * unit));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    @Override
    public String toString() {
        return "TpeParam[" + kind + (log ? " log" : "") + " [" + modelLow + ", " + modelHigh + "], prior "
                + priorCentre + " ± " + priorSigma + (unit > 0 ? ", grid " + first + ".." + last + " × " + unit
                + " + " + offset : "") + (drawnFrom != null ? ", drawn from " + drawnFrom : "") + "]";
    }
}
