package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits along one side of a plot, as a fraction from 0 (start) to 1 (end), and the
 * ticks to label that side with: on a linear scale, a logarithmic one (positive values, ticks on
 * decades or on 1-2-5 steps), or one slot per category (the value is the category's index).
 */
final class Axis {

    /** A labelled position along the axis. */
    record Tick(double fraction, String label) {}

    private enum Kind { LINEAR, LOG, CATEGORICAL }

    /** Room left at each end of a numeric axis, as a share of the data's span, so points do not sit on the frame. */
    private static final double PADDING = 0.04;

    private final Kind kind;
    /** The domain's ends, in axis units: the value, its log10, or 0 and the number of categories. */
    private final double start;
    private final double end;
    private final List<String> categories;

    private Axis(Kind kind, double start, double end, List<String> categories) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.categories = categories;
    }

    /** A linear axis over {@code [min, max]}, padded; a single value gets a span around it. */
    static Axis linear(double min, double max) {
        double[] span = padded(min, max);
        return new Axis(Kind.LINEAR, span[0], span[1], List.of());
    }

    /** A log axis over {@code [min, max]}, padded in log space; both must be positive. */
    static Axis log(double min, double max) {
        if (!(min > 0) || !(max > 0)) {
            throw new IllegalArgumentException("a log axis needs positive bounds, but they are " + min + " and " + max);
        }
        double[] span = padded(Math.log10(min), Math.log10(max));
        return new Axis(Kind.LOG, span[0], span[1], List.of());
    }

    /** A linear axis from 0 to a little above {@code max}, for counts. */
    static Axis fromZero(double max) {
        return new Axis(Kind.LINEAR, 0, max > 0 ? max * (1 + 2 * PADDING) : 1, List.of());
    }

    /** One slot per category, in the given order; a value is a category's index. */
    static Axis categorical(List<String> categories) {
        return new Axis(Kind.CATEGORICAL, 0, Math.max(1, categories.size()), List.copyOf(categories));
    }

    /**
     * An axis for objective values: logarithmic when all are positive and span more than two
     * decades (a few bad early trials would otherwise flatten the rest), linear otherwise.
     */
    static Axis forObjective(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (values.length == 0) {
            return linear(0, 1);
        }
        return min > 0 && max / min > 100 ? log(min, max) : linear(min, max);
    }

    private static double[] padded(double min, double max) {
        if (!(max > min)) {
            double half = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new double[] {min - half, max + half};
        }
        double pad = (max - min) * PADDING;
        return new double[] {min - pad, max + pad};
    }

    boolean isLog() {
        return kind == Kind.LOG;
    }

    boolean isCategorical() {
        return kind == Kind.CATEGORICAL;
    }

    List<String> categories() {
        return categories;
    }

    /** The value's position along the axis: 0 at the start, 1 at the end; a category's centre for a categorical axis. */
    double fraction(double value) {
        return switch (kind) {
            case LINEAR -> (value - start) / (end - start);
            case LOG -> (Math.log10(value) - start) / (end - start);
            case CATEGORICAL -> (value + 0.5) / (end - start);
        };
    }

    /** The value at a position along the axis: the inverse of {@link #fraction} on numeric axes. */
    double value(double fraction) {
        double unit = start + fraction * (end - start);
        return kind == Kind.LOG ? Math.pow(10, unit) : unit;
    }

    /** Ticks for the axis: about five for numeric axes, each category for a categorical one. */
    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        switch (kind) {
            case CATEGORICAL -> {
                for (int i = 0; i < categories.size(); i++) {
                    ticks.add(new Tick(fraction(i), categories.get(i)));
                }
            }
            case LINEAR -> {
                for (double tick : niceTicks(start, end)) {
                    ticks.add(new Tick(fraction(tick), Numbers.compact(tick)));
                }
            }
            case LOG -> {
                for (double tick : logTicks()) {
                    ticks.add(new Tick(fraction(tick), Numbers.compact(tick)));
                }
            }
        }
        return ticks;
    }

    /** Multiples of a 1-2-5 step inside {@code [low, high]}, about five of them. */
    static List<Double> niceTicks(double low, double high) {
        double step = niceStep((high - low) / 5);
        List<Double> ticks = new ArrayList<>();
        for (double k = Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) {
            double tick = k * step;
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0 : tick);
        }
        return ticks;
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
        return nice * magnitude;
    }

    private List<Double> logTicks() {
        int first = (int) Math.ceil(start - 1e-9);
        int last = (int) Math.floor(end + 1e-9);
        List<Double> ticks = new ArrayList<>();
        int decades = last - first + 1;
        if (decades >= 3) {
            int every = Math.max(1, (int) Math.ceil(decades / 6.0));
            for (int exponent = first; exponent <= last; exponent += every) {
                ticks.add(Math.pow(10, exponent));
            }
            return ticks;
        }
        for (int exponent = first - 1; exponent <= last; exponent++) {
            for (double mantissa : new double[] {1, 2, 5}) {
                double tick = mantissa * Math.pow(10, exponent);
                double unit = Math.log10(tick);
                if (unit >= start - 1e-9 && unit <= end + 1e-9) {
                    ticks.add(tick);
                }
            }
        }
        if (ticks.size() < 3) {
            // less than half a decade: linear steps read better, placed on the log scale
            ticks.clear();
            ticks.addAll(niceTicks(Math.pow(10, start), Math.pow(10, end)));
            ticks.removeIf(tick -> !(tick > 0));
        }
        return ticks;
    }
}
