package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.util.List;
import java.util.Optional;

/**
 * A slice plot of one knob: the objective value of each complete trial against the knob's value
 * in it, on a log axis for a log-scaled knob and one column per option for a categorical one
 * (points spread sideways within their column so that they do not hide each other). Points are
 * coloured by trial number, light early and dark late, so a sampler's narrowing shows.
 */
final class SlicePlot {

    static final int MAX_POINTS = 600;
    /** Up to this many points, each has a tooltip; beyond, the page would grow for little. */
    static final int MAX_TOOLTIPS = 300;
    private static final double WIDTH = 480;
    private static final double HEIGHT = 300;

    private SlicePlot() {}

    static Optional<Plot> render(TrialColumns columns, Knob knob, int index) {
        // the complete trials that read the knob
        int[] read = new int[columns.complete().length];
        int n = 0;
        for (int trial : columns.complete()) {
            if (!Double.isNaN(knob.position(trial))) {
                read[n++] = trial;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double[] positions = new double[n];
        double[] values = new double[n];
        double[] priority = new double[n];
        double sign = columns.sign();
        for (int i = 0; i < n; i++) {
            positions[i] = knob.position(read[i]);
            values[i] = columns.value(read[i]);
            priority[i] = sign * values[i];
        }
        int[] shown = Downsample.indices(priority, MAX_POINTS);
        Axis x = knob.axis(positions);
        Frame frame = new Frame(WIDTH, HEIGHT, x, Axis.forObjective(values));
        Svg svg = new Svg(WIDTH, HEIGHT, "objective value against " + knob.name());
        frame.drawAxes(svg, knob.shortName(), "objective value");
        int lastNumber = columns.lastStartedNumber();
        int bestNumber = columns.bestNumber();
        boolean tooltips = shown.length <= MAX_TOOLTIPS;
        svg.group("marks");
        double bestX = Double.NaN;
        double bestY = Double.NaN;
        for (int i : shown) {
            int number = columns.number(read[i]);
            double px = frame.px(positions[i]);
            if (x.isCategorical()) {
                px += jitter(number) * frame.slotWidth() * 0.6;
            }
            double py = frame.py(values[i]);
            String title = tooltips
                    ? "#" + number + " " + knob.shortName() + "=" + knob.positionLabel(positions[i])
                            + ": " + Numbers.compact(values[i])
                    : "";
            svg.circle(px, py, 3, Colors.ramp((double) number / Math.max(1, lastNumber)), title);
            if (number == bestNumber) {
                bestX = px;
                bestY = py;
            }
        }
        if (!Double.isNaN(bestX)) {
            svg.open("circle", "cx=\"" + Svg.num(bestX) + "\" cy=\"" + Svg.num(bestY)
                    + "\" r=\"6.5\" class=\"bestring\"").close("circle");
        }
        svg.endGroup();
        frame.legend(svg, List.of(
                new Frame.Key(Colors.ramp(0.1), Frame.Shape.DOT, "early"),
                new Frame.Key(Colors.ramp(1), Frame.Shape.DOT, "late trial"),
                new Frame.Key(Colors.BEST, Frame.Shape.RING, "best")));
        StringBuilder note = new StringBuilder(knob.distribution().toString());
        if (shown.length < n) {
            note.append(" · showing ").append(shown.length).append(" of ").append(n)
                    .append(" trials (the best quarter and an even sample of the rest)");
        }
        return Optional.of(new Plot("slice-" + index, knob.shortName(), note.toString(), svg.finish(), false)
                .withTitleHint(knob.name()));
    }

    /** A fixed sideways offset in {@code [-0.5, 0.5)} for a trial, the same on every page. */
    static double jitter(int trialNumber) {
        long mixed = (trialNumber + 1L) * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 31;
        return ((mixed >>> 11) & ((1L << 40) - 1)) / (double) (1L << 40) - 0.5;
    }
}
