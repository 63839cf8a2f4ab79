package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Uniform;

/**
 * How the TPE sampler sees one distribution: a numeric range in model space (the logarithm for a
 * log knob), discrete with a step or continuous, or a categorical with {@code n} options. This is
 * the only class that knows the concrete distributions, so a new distribution is one more case
 * here.
 *
 * <p>Model space: a continuous knob's model value is its internal value (or its logarithm); a
 * discrete knob's is its index {@code (internal - low) / step}, an integer in {@code 0..cells-1};
 * a categorical's is the option index.
 *
 * @param kind what sort of knob
 * @param low the model-space lower bound (continuous), or the lowest internal value (discrete)
 * @param high the model-space upper bound (continuous), or the highest internal value (discrete)
 * @param log whether the model space is the logarithm of the internal value
 * @param step the internal distance between neighbouring values of a discrete knob, else 0
 * @param cells the number of values of a discrete or categorical knob, else 0
 * @param min the smallest internal value
 * @param max the largest internal value
 */
record TpeParam(Kind kind, double low, double high, boolean log, double step, int cells, double min, double max) {

    enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

    /** Discrete knobs with more values than this are modelled as continuous and rounded. */
    static final int MAX_CELLS = 1 << 20;

    /** The view of {@code distribution}, or {@code null} when TPE does not model it (it is then drawn at random). */
    static TpeParam of(Distribution distribution) {
        if (distribution instanceof Uniform u && !u.isQuantized()) {
            return new TpeParam(Kind.CONTINUOUS, u.min(), u.max(), false, 0, 0, u.min(), u.max());
        }
        if (distribution instanceof LogUniform u && !u.isQuantized()) {
            return new TpeParam(Kind.CONTINUOUS, Math.log(u.min()), Math.log(u.max()), true, 0, 0, u.min(), u.max());
        }
        if (distribution instanceof IntUniform u) {
            if (u.log()) {
                // each integer owns [k - ½, k + ½) on the log scale, as its prior weighs it (step is 1)
                return new TpeParam(Kind.CONTINUOUS, Math.log(u.min() - 0.5), Math.log(u.max() + 0.5), true, 1, 0,
                        u.min(), u.max());
            }
            long cells = (u.max() - u.min()) / u.step() + 1;
            if (cells > MAX_CELLS) {
                return new TpeParam(Kind.CONTINUOUS, u.min() - 0.5 * u.step(), u.max() + 0.5 * u.step(), false,
                        u.step(), 0, u.min(), u.max());
            }
            return new TpeParam(Kind.DISCRETE, u.min(), u.max(), false, u.step(), (int) cells, u.min(), u.max());
        }
        int options = UnitMapping.options(distribution);
        if (options > 1) {
            return new TpeParam(Kind.CATEGORICAL, 0, options - 1, false, 0, options, 0, options - 1);
        }
        // a single option (Fixed) needs no model; quantized, normal and custom distributions are
        // drawn from their prior for now
        return null;
    }

    boolean numeric() {
        return kind != Kind.CATEGORICAL;
    }

    /** The lower end of the model range the kernels are truncated to. */
    double modelLow() {
        return kind == Kind.CONTINUOUS ? low : -0.5;
    }

    /** The upper end of the model range the kernels are truncated to. */
    double modelHigh() {
        return kind == Kind.CONTINUOUS ? high : cells - 0.5;
    }

    /** The model value of an internal value. */
    double toModel(double internal) {
        return switch (kind) {
            case CONTINUOUS -> log ? Math.log(internal) : internal;
            case DISCRETE -> Math.rint((internal - low) / step);
            case CATEGORICAL -> internal;
        };
    }

    /** The internal value of a model value, inside the distribution (rounded, clamped). */
    double toInternal(double model) {
        double value = switch (kind) {
            case CONTINUOUS -> {
                double v = log ? Math.exp(model) : model;
                // a wide integer range modelled as continuous is rounded back to its integers
                yield step > 0 ? min + Math.rint((v - min) / step) * step : v;
            }
            case DISCRETE -> low + Math.rint(model) * step;
            case CATEGORICAL -> Math.rint(model);
        };
        return Math.max(min, Math.min(max, value));
    }
}
