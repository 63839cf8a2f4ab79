package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The optimization history: each complete trial's value by trial number, and the best value so far
 * as a step line.
 */
final class HistoryPlot {

    static final int MAX_POINTS = 2000;
    private static final double WIDTH = 960;
    private static final double HEIGHT = 340;

    private HistoryPlot() {}

    /** The best of {@code values[0..i]} at each {@code i}: the running minimum, or maximum when maximizing. */
    static double[] bestSoFar(double[] values, Direction direction) {
        double[] best = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double previous = i == 0 ? values[0] : best[i - 1];
            best[i] = direction == Direction.MAXIMIZE ? Math.max(previous, values[i]) : Math.min(previous, values[i]);
        }
        return best;
    }

    static Optional<Plot> render(TrialColumns columns) {
        StudySnapshot study = columns.study();
        int[] complete = columns.complete();
        if (complete.length == 0) {
            return Optional.empty();
        }
        int n = complete.length;
        double[] numbers = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = columns.number(complete[i]);
            values[i] = columns.value(complete[i]);
        }
        double[] best = bestSoFar(values, study.direction());
        double sign = columns.sign();
        double[] priority = new double[n];
        for (int i = 0; i < n; i++) {
            boolean improves = i == 0 || best[i] != best[i - 1];
            priority[i] = improves ? Double.NEGATIVE_INFINITY : sign * values[i];
        }
        int[] shown = Downsample.indices(priority, MAX_POINTS);

        int lastNumber = columns.lastStartedNumber();
        Frame frame = new Frame(WIDTH, HEIGHT, Axis.linear(0, Math.max(1, lastNumber)), Axis.forObjective(values));
        Svg svg = new Svg(WIDTH, HEIGHT, "optimization history of " + study.name());
        frame.drawAxes(svg, "trial", "objective value");
        svg.group("marks");
        for (int i : shown) {
            svg.circle(frame.px(numbers[i]), frame.py(values[i]), 3, Colors.TRIAL,
                    "#" + (int) numbers[i] + ": " + Numbers.compact(values[i]));
        }
        // the best so far as steps: flat until the next improvement, then a jump, on to the last trial
        double[] xs = new double[2 * n + 1];
        double[] ys = new double[2 * n + 1];
        int points = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || best[i] != best[i - 1]) {
                if (i > 0) {
                    xs[points] = numbers[i];
                    ys[points++] = best[i - 1];
                }
                xs[points] = numbers[i];
                ys[points++] = best[i];
            }
        }
        xs[points] = lastNumber;
        ys[points++] = best[n - 1];
        for (int i = 0; i < points; i++) {
            xs[i] = frame.px(xs[i]);
            ys[i] = frame.py(ys[i]);
        }
        svg.polyline(Arrays.copyOf(xs, points), Arrays.copyOf(ys, points), Colors.BEST, "bestline", "");
        svg.endGroup();
        frame.legend(svg, List.of(
                new Frame.Key(Colors.TRIAL, Frame.Shape.DOT, "trial"),
                new Frame.Key(Colors.BEST, Frame.Shape.LINE, "best so far")));
        StringBuilder note = new StringBuilder("Dots: the value of each complete trial. Line: the best value so far ("
                + (study.direction() == Direction.MAXIMIZE ? "maximize" : "minimize") + ").");
        if (shown.length < n) {
            note.append(" Showing ").append(shown.length).append(" of ").append(n)
                    .append(" trials: each improvement, the best quarter and an even sample of the rest.");
        }
        long waiting = columns.count(TrialState.WAITING);
        long others = columns.size() - n - waiting;
        if (others > 0) {
            note.append(' ').append(others).append(others == 1 ? " trial that did not complete is not drawn."
                    : " trials that did not complete are not drawn.");
        }
        if (waiting > 0) {
            note.append(' ').append(waiting).append(waiting == 1 ? " enqueued trial waits" : " enqueued trials wait")
                    .append(" to run.");
        }
        return Optional.of(new Plot("history", "Optimization history", note.toString(), svg.finish(), true));
    }

}
