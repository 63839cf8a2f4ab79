package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knobs CMA-ES searches, in name order, and the map between their internal values and the
 * unit cube it searches in: a linear knob's range scaled to [0, 1], a log knob's logarithm so
 * scaled, and a knob with a grid of values (an int range, with or without a step or a log scale; a
 * uniform one quantized by {@code q}) relaxed to a continuous coordinate whose cells of equal width
 * round to its values ({@link UnitMapping}).
 *
 * <p>The knobs are those that every complete trial held with the same distribution, of the kinds
 * above: choices, booleans, normal and log-normal knobs, quantized log-uniform ones and custom
 * distributions are left to the fallback sampler. Names are sorted so that the order in which a
 * trial reads its knobs does not matter.
 */
record CmaEsSpace(List<String> names, List<Distribution> distributions) {

    /** Whether CMA-ES searches knobs of this distribution. */
    static boolean supports(Distribution distribution) {
        return distribution instanceof Uniform
                || distribution instanceof IntUniform
                || distribution instanceof LogUniform d && !d.isQuantized();
    }

    /** The supported knobs of {@code trial}. */
    static CmaEsSpace of(FrozenTrial trial) {
        TreeMap<String, Distribution> knobs = new TreeMap<>();
        trial.suggestions().forEach((name, suggestion) -> {
            if (supports(suggestion.distribution())) {
                knobs.put(name, suggestion.distribution());
            }
        });
        return new CmaEsSpace(List.copyOf(knobs.keySet()), List.copyOf(knobs.values()));
    }

    /** This space less the knobs {@code trial} lacks or held with another distribution; this when none. */
    CmaEsSpace intersect(FrozenTrial trial) {
        List<String> keptNames = new ArrayList<>();
        List<Distribution> kept = new ArrayList<>();
        Map<String, Suggestion> held = trial.suggestions();
        for (int k = 0; k < names.size(); k++) {
            Suggestion suggestion = held.get(names.get(k));
            if (suggestion != null && suggestion.distribution().equals(distributions.get(k))) {
                keptNames.add(names.get(k));
                kept.add(distributions.get(k));
            }
        }
        return kept.size() == names.size() ? this : new CmaEsSpace(List.copyOf(keptNames), List.copyOf(kept));
    }

    int dimension() {
        return names.size();
    }

    /** The internal values of this space's knobs in {@code trial}, or null if it lacks one. */
    double[] internalsOf(FrozenTrial trial) {
        double[] values = new double[names.size()];
        Map<String, Suggestion> held = trial.suggestions();
        for (int k = 0; k < values.length; k++) {
            Suggestion suggestion = held.get(names.get(k));
            if (suggestion == null || !suggestion.distribution().equals(distributions.get(k))) {
                return null;
            }
            values[k] = suggestion.internal();
        }
        return values;
    }

    /** The internal values at point {@code u} of the unit cube (coordinates in [0, 1]). */
    double[] internalsAt(double[] u) {
        double[] values = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            double clamped = Math.max(0, Math.min(1, u[k]));
            values[k] = UnitMapping.fromUnit(distributions.get(k), clamped).orElseThrow();
        }
        return values;
    }

    /** Whether knob {@code k} has a grid of values (its coordinate is rounded onto cells). */
    boolean discrete(int k) {
        Distribution distribution = distributions.get(k);
        return distribution instanceof IntUniform || distribution instanceof Uniform d && d.isQuantized();
    }

    /**
     * The cell of knob {@code k}'s grid that coordinate {@code u} rounds into, as {@code {low, up}}
     * in unit coordinates; the first cell reaches down to −∞ and the last up to +∞, since every
     * coordinate beyond the range rounds onto its end.
     */
    double[] cell(int k, double u) {
        Distribution distribution = distributions.get(k);
        double clamped = Math.max(0, Math.min(1, u));
        if (distribution instanceof IntUniform d && d.log()) {
            double value = UnitMapping.fromUnit(d, clamped).orElseThrow();
            double low = Math.log(d.min() - 0.5);
            double width = Math.log(d.max() + 0.5) - low;
            return new double[] {
                value <= d.min() ? Double.NEGATIVE_INFINITY : (Math.log(value - 0.5) - low) / width,
                value >= d.max() ? Double.POSITIVE_INFINITY : (Math.log(value + 0.5) - low) / width};
        }
        long cells;
        if (distribution instanceof IntUniform d) {
            cells = (d.max() - d.min()) / d.step() + 1;
        } else {
            Uniform d = (Uniform) distribution;
            cells = Math.round(d.high() / d.q()) - Math.round(d.low() / d.q()) + 1;
        }
        long index = Math.min(cells - 1, (long) Math.floor(clamped * cells));
        return new double[] {
            index == 0 ? Double.NEGATIVE_INFINITY : (double) index / cells,
            index == cells - 1 ? Double.POSITIVE_INFINITY : (double) (index + 1) / cells};
    }

    /**
     * The coordinate in [0, 1] of knob {@code k}'s internal value: the inverse of {@link #internalsAt}
     * for continuous knobs, the centre of the value's cell for knobs with a grid.
     */
    double unitOf(int k, double internal) {
        Distribution distribution = distributions.get(k);
        double u;
        if (distribution instanceof Uniform d) {
            if (d.isQuantized()) {
                long first = Math.round(d.low() / d.q());
                long cells = Math.round(d.high() / d.q()) - first + 1;
                u = (Math.round(internal / d.q()) - first + 0.5) / cells;
            } else {
                u = (internal - d.min()) / (d.max() - d.min());
            }
        } else if (distribution instanceof LogUniform d) {
            u = Math.log(internal / d.min()) / Math.log(d.max() / d.min());
        } else {
            IntUniform d = (IntUniform) distribution;
            if (d.log()) {
                double low = Math.log(d.min() - 0.5);
                u = (Math.log(internal) - low) / (Math.log(d.max() + 0.5) - low);
            } else {
                long cells = (d.max() - d.min()) / d.step() + 1;
                u = (Math.round((internal - d.min()) / d.step()) + 0.5) / cells;
            }
        }
        return Math.max(0, Math.min(1, u));
    }
}
