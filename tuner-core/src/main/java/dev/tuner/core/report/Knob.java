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
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFormat;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>A knob is made from a list of trials and keeps the position of each of them, read once, so
 * that a page's plots of a study of 100,000 trials do not look up and convert every trial's value
 * once a plot.
 */
final class Knob {

    private final String name;
    private final Distribution distribution;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    /** The position of each trial of the list the knob was made from, by index in it; NaN where not read. */
    private final double[] positions;

    private Knob(String name, Suggestion[] column) {
        this.name = name;
        Distribution declared = null;
        for (int t = column.length - 1; declared == null; t--) {
            declared = column[t] == null ? null : column[t].distribution();
        }
        this.distribution = declared;
        this.positions = new double[column.length];
        if (isCategorical(distribution)) {
            for (int index = 0; index <= (int) distribution.high(); index++) {
                category(label(distribution.toExternal(index)));
            }
            categoricalPositions(column);
        } else {
            for (int t = 0; t < column.length; t++) {
                positions[t] = column[t] == null ? Double.NaN : column[t].internal();
            }
        }
    }

    /**
     * The knobs the trials read, in order of first reading, each with the position of every trial
     * (see {@link #position(int)}, by index in {@code trials}).
     */
    static List<Knob> of(List<FrozenTrial> trials) {
        int n = trials.size();
        Map<String, Suggestion[]> columns = new LinkedHashMap<>();
        // trials mostly read the same knobs in the same order: the previous trial's k-th knob is looked up first
        List<String> previousNames = new ArrayList<>();
        List<Suggestion[]> previousColumns = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int k = 0;
            for (Map.Entry<String, Suggestion> read : trials.get(t).suggestions().entrySet()) {
                String name = read.getKey();
                Suggestion[] column;
                if (k < previousNames.size() && name.equals(previousNames.get(k))) {
                    column = previousColumns.get(k);
                } else {
                    column = columns.get(name);
                    if (column == null) {
                        column = new Suggestion[n];
                        columns.put(name, column);
                    }
                    if (k < previousNames.size()) {
                        previousNames.set(k, name);
                        previousColumns.set(k, column);
                    } else {
                        previousNames.add(name);
                        previousColumns.add(column);
                    }
                }
                column[t] = read.getValue();
                k++;
            }
        }
        List<Knob> knobs = new ArrayList<>(columns.size());
        columns.forEach((name, column) -> knobs.add(new Knob(name, column)));
        return knobs;
    }

    /**
     * Each trial's category index; options only older declarations had are added in the order trials
     * read them. Trials of one declaration share a table from option index to category index.
     */
    private void categoricalPositions(Suggestion[] column) {
        Distribution tabled = null;
        int[] table = null;
        for (int t = 0; t < column.length; t++) {
            Suggestion suggestion = column[t];
            if (suggestion == null) {
                positions[t] = Double.NaN;
                continue;
            }
            Distribution declared = suggestion.distribution();
            if (declared != tabled && !declared.equals(tabled)) {
                tabled = declared;
                // a declaration of another kind (the knob was numeric once) has no options to table
                table = new int[isCategorical(declared) ? Math.max(0, (int) declared.high() + 1) : 0];
                Arrays.fill(table, -1);
            }
            double internal = suggestion.internal();
            int option = (int) internal;
            if (option != internal || option < 0 || option >= table.length) {
                positions[t] = category(label(suggestion.value()));
                continue;
            }
            if (table[option] < 0) {
                table[option] = category(label(suggestion.value()));
            }
            positions[t] = table[option];
        }
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
     * Where the trial at {@code index} of the list the knob was made from goes: its value (as the
     * sampler sees it) for a numeric knob, the category's index for a categorical one; NaN when the
     * trial did not read the knob.
     */
    double position(int index) {
        return positions[index];
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
