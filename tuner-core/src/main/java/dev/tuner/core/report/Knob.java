package dev.tuner.core.report;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One knob of a study as the report plots it: its name, its distribution (as the latest trial
 * that read it declared it), and where each trial's value goes on an axis. Numeric knobs are
 * placed by value, on a log axis when their distribution is log-scaled; categorical ones
 * ({@code Choice}, {@code PriorityChoice}, {@code Bool}, {@code Fixed}) by the index of their option's
 * label, so that trials of an older declaration with other options still find their place.
 */
final class Knob {

    private final String name;
    private final Distribution distribution;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();

    private Knob(String name, Distribution distribution) {
        this.name = name;
        this.distribution = distribution;
        if (isCategorical(distribution)) {
            for (int index = 0; index <= (int) distribution.high(); index++) {
                category(label(distribution.toExternal(index)));
            }
        }
    }

    /** The knobs the trials read, in order of first reading. */
    static List<Knob> of(List<FrozenTrial> trials) {
        Map<String, Distribution> latest = new LinkedHashMap<>();
        for (FrozenTrial trial : trials) {
            trial.suggestions().forEach((knob, suggestion) -> latest.put(knob, suggestion.distribution()));
        }
        List<Knob> knobs = new ArrayList<>();
        latest.forEach((name, distribution) -> knobs.add(new Knob(name, distribution)));
        for (Knob knob : knobs) {
            if (knob.isCategorical()) {
                // options only older declarations had
                for (FrozenTrial trial : trials) {
                    Suggestion suggestion = trial.suggestions().get(knob.name);
                    if (suggestion != null) {
                        knob.category(label(suggestion.value()));
                    }
                }
            }
        }
        return knobs;
    }

    private int category(String label) {
        return categoryIndex.computeIfAbsent(label, added -> {
            categories.add(added);
            return categories.size() - 1;
        });
    }

    private static boolean isCategorical(Distribution distribution) {
        return distribution instanceof Choice || distribution instanceof PriorityChoice
                || distribution instanceof Bool || distribution instanceof Fixed;
    }

    /** How an option or value is written on the page: enum constants by name, branches by simple name. */
    static String label(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return Numbers.compact(value);
    }

    String name() {
        return name;
    }

    String shortName() {
        return TrialFormat.shortName(name);
    }

    Distribution distribution() {
        return distribution;
    }

    boolean isCategorical() {
        return isCategorical(distribution);
    }

    /** Whether the knob's distribution spreads evenly on the log scale. */
    boolean isLog() {
        return distribution instanceof LogUniform || distribution instanceof LogNormal
                || distribution instanceof IntUniform integers && integers.log();
    }

    /** The category labels of a categorical knob, in option order. */
    List<String> categories() {
        return categories;
    }

    /**
     * Where the trial's value of this knob goes: the value itself for a numeric knob (as the
     * sampler sees it), the category's index for a categorical one; NaN when the trial did not read
     * the knob.
     */
    double position(FrozenTrial trial) {
        Suggestion suggestion = trial.suggestions().get(name);
        if (suggestion == null) {
            return Double.NaN;
        }
        if (isCategorical()) {
            Integer index = categoryIndex.get(label(suggestion.value()));
            return index == null ? Double.NaN : index;
        }
        return suggestion.internal();
    }

    /** The value at a position, as the page writes it. */
    String positionLabel(double position) {
        if (isCategorical()) {
            return categories.get((int) position);
        }
        return Numbers.compact(position);
    }

    /**
     * The axis for this knob: its categories, or its distribution's bounds where they are finite
     * and the range of {@code positions} where not; log-scaled for log knobs whose range is positive.
     */
    Axis axis(double[] positions) {
        if (isCategorical()) {
            return Axis.categorical(categories);
        }
        double[] range = range(positions);
        if (isLog() && range[0] > 0) {
            return Axis.log(range[0], range[1]);
        }
        return Axis.linear(range[0], range[1]);
    }

    /** The numeric range to show: the finite bounds of the distribution, the observed values elsewhere. */
    double[] range(double[] positions) {
        double observedMin = Double.POSITIVE_INFINITY;
        double observedMax = Double.NEGATIVE_INFINITY;
        for (double position : positions) {
            if (!Double.isNaN(position)) {
                observedMin = Math.min(observedMin, position);
                observedMax = Math.max(observedMax, position);
            }
        }
        double low = Double.isFinite(distribution.low()) ? distribution.low() : observedMin;
        double high = Double.isFinite(distribution.high()) ? distribution.high() : observedMax;
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return new double[] {0, 1};
        }
        if (isLog() && low <= 0) {
            // a quantized log-normal reaches 0; the log axis starts at the smallest positive value seen
            low = observedMin > 0 ? observedMin : low;
        }
        return new double[] {low, high};
    }

    /**
     * The distance between neighbouring values of a discrete numeric knob: an integer knob's step
     * (1 on the log scale), a quantized knob's {@code q}; empty for a continuous or categorical knob.
     */
    OptionalDouble spacing() {
        double q = Double.NaN;
        if (distribution instanceof IntUniform integers) {
            q = integers.step();
        } else if (distribution instanceof Uniform uniform) {
            q = uniform.q();
        } else if (distribution instanceof LogUniform logUniform) {
            q = logUniform.q();
        } else if (distribution instanceof Normal normal) {
            q = normal.q();
        } else if (distribution instanceof LogNormal logNormal) {
            q = logNormal.q();
        }
        return Double.isNaN(q) ? OptionalDouble.empty() : OptionalDouble.of(q);
    }
}
