package dev.tuner.core.sampler;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import java.util.List;

/**
 * The knobs the GP sampler models jointly, and how their internal values map to the GP's inputs.
 * A numeric knob's input is its place in its range scaled to [0, 1]: of its logarithm for a log
 * knob, of its grid index for an int or stepped one (each value owning a cell of equal width, so
 * that rounding a relaxed input gives the nearest value). A categorical knob's input is its
 * option index, which the kernel compares only for equality. The model ranges are the ones TPE
 * uses ({@link TpeParam}), so both samplers see a knob the same way.
 *
 * <p>Modelled: uniform and log-uniform (quantized or not), int ranges (stepped, log), choices and
 * booleans. Normal and log-normal knobs, whose prior should weigh the search, and custom
 * distributions are left to the fallback sampler.
 */
final class GpSpace {

    private final List<String> names;
    private final List<Distribution> distributions;
    private final TpeParam[] params;
    private final double[] low;
    private final double[] width;

    GpSpace(List<String> names, List<Distribution> distributions) {
        this.names = List.copyOf(names);
        this.distributions = List.copyOf(distributions);
        int d = names.size();
        params = new TpeParam[d];
        low = new double[d];
        width = new double[d];
        for (int i = 0; i < d; i++) {
            params[i] = TpeParam.of(distributions.get(i));
            low[i] = params[i].modelLow();
            width[i] = params[i].modelHigh() - params[i].modelLow();
        }
    }

    /** Whether the GP models knobs of {@code distribution}: see the class comment. */
    static boolean models(Distribution distribution) {
        boolean kind = distribution instanceof Uniform || distribution instanceof LogUniform
                || distribution instanceof IntUniform || distribution instanceof Choice
                || distribution instanceof PriorityChoice || distribution instanceof Bool;
        // a single value (a one-option choice, a one-value grid) has nothing to model
        return kind && TpeParam.of(distribution) != null;
    }

    int dimensions() {
        return names.size();
    }

    /** The index of the knob {@code name} with {@code distribution}, or -1 if it is not modelled here. */
    int indexOf(String name, Distribution distribution) {
        int i = names.indexOf(name);
        return i >= 0 && distributions.get(i).equals(distribution) ? i : -1;
    }

    /** The GP input of the point {@code u} of [0, 1) in knob {@code i}'s range: evenly over a numeric range or the options. */
    double fromUnit(int i, double u) {
        return categorical(i) ? Math.min(options(i) - 1, Math.floor(u * options(i))) : snap(i, u);
    }

    String name(int i) {
        return names.get(i);
    }

    Distribution distribution(int i) {
        return distributions.get(i);
    }

    boolean categorical(int i) {
        return params[i].kind() == TpeParam.Kind.CATEGORICAL;
    }

    /** The number of options of a categorical knob. */
    int options(int i) {
        return params[i].cells();
    }

    /** Whether a numeric knob takes values on a grid (its inputs are snapped). */
    boolean discrete(int i) {
        return params[i].kind() == TpeParam.Kind.DISCRETE || params[i].integer();
    }

    /** The GP input of an internal value of knob {@code i}. */
    double encode(int i, double internal) {
        double model = params[i].toModel(internal);
        return categorical(i) ? model : clamp01((model - low[i]) / width[i]);
    }

    /** The internal value of knob {@code i} nearest to GP input {@code x}, one its distribution contains. */
    double decode(int i, double x) {
        if (categorical(i)) {
            return params[i].toInternal(x);
        }
        return params[i].toInternal(low[i] + clamp01(x) * width[i]);
    }

    /** The GP input of the value that {@code x} decodes to: where a proposal of {@code x} lands. */
    double snap(int i, double x) {
        if (categorical(i)) {
            return Math.max(0, Math.min(options(i) - 1, Math.rint(x)));
        }
        if (!discrete(i)) {
            return clamp01(x);
        }
        return encode(i, decode(i, x));
    }

    /** Snaps every coordinate of {@code x} in place. */
    void snap(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = snap(i, x[i]);
        }
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
