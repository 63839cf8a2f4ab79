package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution of a knob's samples against its prior: bars count the trials (of any state) by
 * the value they drew, and a line shows how many the prior alone would have put there. Where the
 * bars rise above the line the sampler concentrated its search. Categorical knobs and discrete ones
 * with few values get a bar per value; others, {@value #BINS} bins of equal width on the knob's axis
 * (on the log scale for a log knob).
 */
final class PriorPlot {

    static final int BINS = 24;
    static final int MAX_VALUE_BARS = 30;
    private static final double WIDTH = 480;
    private static final double HEIGHT = 260;

    private PriorPlot() {}

    static Optional<Plot> render(TrialColumns columns, Knob knob, int index) {
        double[] read = new double[columns.size()];
        int n = 0;
        for (int trial = 0; trial < read.length; trial++) {
            double position = knob.position(trial);
            if (!Double.isNaN(position)) {
                read[n++] = position;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double[] positions = n == read.length ? read : Arrays.copyOf(read, n);
        PriorMass prior = new PriorMass(knob, positions);
        Svg svg = new Svg(WIDTH, HEIGHT, "samples of " + knob.name() + " against its prior");
        if (knob.isCategorical()) {
            List<String> categories = knob.categories();
            double[] counts = new double[categories.size()];
            double[] expected = new double[categories.size()];
            for (double position : positions) {
                counts[(int) position]++;
            }
            for (int c = 0; c < categories.size(); c++) {
                // options beyond the current declaration's came from an older one: the prior gives them nothing
                expected[c] = c <= knob.distribution().high() ? n * prior.probability(c) : 0;
            }
            bars(svg, categories, counts, expected, knob);
        } else {
            double[] range = knob.range(positions);
            double[] values = prior.values(range[0], range[1], MAX_VALUE_BARS);
            if (values != null && values.length > 0) {
                List<String> labels = new ArrayList<>();
                Map<Double, Integer> slot = new HashMap<>();
                double[] expected = new double[values.length];
                for (int v = 0; v < values.length; v++) {
                    labels.add(Numbers.compact(values[v]));
                    slot.put(values[v], v);
                    expected[v] = n * prior.probability(values[v]);
                }
                double[] counts = new double[values.length];
                for (double position : positions) {
                    Integer at = slot.get(position);
                    if (at != null) {
                        counts[at]++;
                    }
                }
                bars(svg, labels, counts, expected, knob);
            } else {
                histogram(svg, knob, positions, range, prior);
            }
        }
        String note = n + " samples of " + knob.distribution() + "; the line is what " + n
                + " draws from the prior would give.";
        return Optional.of(new Plot("prior-" + index, knob.shortName(), note, svg.finish(), false)
                .withTitleHint(knob.name()));
    }

    /** One bar per value, with the prior's expected count as a line across it. */
    private static void bars(Svg svg, List<String> labels, double[] counts, double[] expected, Knob knob) {
        Frame frame = new Frame(WIDTH, HEIGHT, Axis.categorical(labels), Axis.fromZero(max(counts, expected)));
        frame.drawAxes(svg, knob.shortName(), "trials");
        double slot = frame.slotWidth();
        double barWidth = Math.min(48, slot * 0.7);
        svg.group("marks");
        for (int c = 0; c < labels.size(); c++) {
            double centre = frame.px(c);
            double top = frame.py(counts[c]);
            svg.rect(centre - barWidth / 2, top, barWidth, frame.py(0) - top, Colors.TRIAL,
                    labels.get(c) + ": " + (long) counts[c] + " trials, prior " + Numbers.compact(expected[c]));
        }
        for (int c = 0; c < labels.size(); c++) {
            double centre = frame.px(c);
            double at = frame.py(expected[c]);
            svg.line(centre - barWidth / 2 - 4, at, centre + barWidth / 2 + 4, at, "priorline");
        }
        svg.endGroup();
        legend(frame, svg);
    }

    /** Equal-width bins on the knob's axis, with the prior's expected count per bin as a step line. */
    private static void histogram(Svg svg, Knob knob, double[] positions, double[] range, PriorMass prior) {
        boolean log = knob.isLog() && range[0] > 0;
        double start = log ? Math.log10(range[0]) : range[0];
        double end = log ? Math.log10(range[1]) : range[1];
        if (!(end > start)) {
            end = start + 1;
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            double unit = start + (end - start) * b / BINS;
            edges[b] = log ? Math.pow(10, unit) : unit;
        }
        double[] counts = new double[BINS];
        for (double position : positions) {
            double unit = log ? Math.log10(position) : position;
            int bin = (int) Math.floor((unit - start) / (end - start) * BINS);
            if (bin >= 0 && bin <= BINS) {
                counts[Math.min(BINS - 1, bin)]++;
            }
        }
        double[] expected = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            expected[b] = positions.length * prior.mass(edges[b], edges[b + 1], b == BINS - 1);
        }
        Axis x = log ? Axis.log(range[0], range[1]) : Axis.linear(range[0], range[1]);
        Frame frame = new Frame(WIDTH, HEIGHT, x, Axis.fromZero(max(counts, expected)));
        frame.drawAxes(svg, knob.shortName(), "trials");
        svg.group("marks");
        for (int b = 0; b < BINS; b++) {
            double left = frame.px(edges[b]);
            double right = frame.px(edges[b + 1]);
            double top = frame.py(counts[b]);
            svg.rect(left + 0.5, top, right - left - 1, frame.py(0) - top, Colors.TRIAL,
                    Numbers.compact(edges[b]) + " to " + Numbers.compact(edges[b + 1]) + ": " + (long) counts[b]
                            + " trials, prior " + Numbers.compact(expected[b]));
        }
        double[] xs = new double[2 * BINS];
        double[] ys = new double[2 * BINS];
        for (int b = 0; b < BINS; b++) {
            xs[2 * b] = frame.px(edges[b]);
            xs[2 * b + 1] = frame.px(edges[b + 1]);
            ys[2 * b] = frame.py(expected[b]);
            ys[2 * b + 1] = ys[2 * b];
        }
        svg.polyline(xs, ys, "", "priorline", "");
        svg.endGroup();
        legend(frame, svg);
    }

    private static void legend(Frame frame, Svg svg) {
        frame.legend(svg, List.of(new Frame.Key(Colors.TRIAL, Frame.Shape.BAR, "samples"), new Frame.Key(Colors.PRIOR, Frame.Shape.LINE, "prior")));
    }

    private static double max(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.max(a[i], b[i]));
        }
        return max;
    }
}
