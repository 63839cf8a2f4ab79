package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.util.List;
import java.util.Optional;

/**
 * The hypervolume of the feasible Pareto front over trial number ({@link HypervolumeHistory}): a
 * step line that rises each time a trial joins the front and moves it, with a dot where it was
 * measured. The reference point is stated under the title.
 */
final class HypervolumePlot {

    private static final double WIDTH = 960;
    private static final double HEIGHT = 300;

    private HypervolumePlot() {}

    /** The plot of {@code history}; empty when nothing was measured (no feasible trial). */
    static Optional<Plot> render(ParetoColumns pareto, HypervolumeHistory history) {
        int[] numbers = history.numbers();
        double[] volumes = history.hypervolumes();
        if (numbers.length == 0) {
            if (history.reference().length == 0) {
                return Optional.empty();
            }
            return Optional.of(new Plot("hypervolume", "Hypervolume", "Not drawn: measuring the exact hypervolume of a front"
                    + " of " + pareto.front().length + " trials in " + pareto.objectives() + " objectives would take too long"
                    + " for a report.", "<p class=\"note\">" + reference(pareto, history) + "</p>", true));
        }
        int last = Math.max(pareto.trials().lastStartedNumber(), numbers[numbers.length - 1]);
        double top = volumes[volumes.length - 1];
        Frame frame = new Frame(WIDTH, HEIGHT, Axis.linear(0, Math.max(1, last)), Axis.fromZero(top));
        Svg svg = new Svg(WIDTH, HEIGHT, "hypervolume of " + pareto.trials().study().name());
        frame.drawAxes(svg, "trial", "hypervolume");
        svg.group("marks");
        double[] xs = new double[2 * numbers.length + 1];
        double[] ys = new double[2 * numbers.length + 1];
        int points = 0;
        for (int j = 0; j < numbers.length; j++) {
            if (j > 0) {
                xs[points] = frame.px(numbers[j]);
                ys[points++] = frame.py(volumes[j - 1]);
            }
            xs[points] = frame.px(numbers[j]);
            ys[points++] = frame.py(volumes[j]);
        }
        xs[points] = frame.px(last);
        ys[points++] = frame.py(top);
        svg.polyline(java.util.Arrays.copyOf(xs, points), java.util.Arrays.copyOf(ys, points), Colors.BEST,
                "bestline hvline", "");
        for (int j = 0; j < numbers.length; j++) {
            svg.circle(frame.px(numbers[j]), frame.py(volumes[j]), 3, Colors.BEST,
                    "#" + numbers[j] + ": hypervolume " + Numbers.compact(volumes[j]));
        }
        svg.endGroup();
        frame.legend(svg, List.of(new Frame.Key(Colors.BEST, Frame.Shape.LINE, "hypervolume of the feasible front")));
        StringBuilder note = new StringBuilder("The volume the feasible Pareto front of the trials so far dominates, up to the"
                + " reference point; it rises when a trial moves the front. ").append(reference(pareto, history));
        if (numbers.length < history.changes()) {
            note.append(" Measured at ").append(numbers.length).append(" of the ").append(history.changes())
                    .append(" changes of the front, evenly spread, and the last.");
        }
        return Optional.of(new Plot("hypervolume", "Hypervolume", note.toString(), svg.finish(), true));
    }

    /** {@code Reference point: accuracy 0.52, latency 31.2 (the worst feasible value of each, pushed 10% of its range out).} */
    static String reference(ParetoColumns pareto, HypervolumeHistory history) {
        StringBuilder text = new StringBuilder("Reference point: ");
        double[] reference = history.reference();
        for (int k = 0; k < reference.length; k++) {
            text.append(k == 0 ? "" : ", ").append(pareto.name(k)).append(' ').append(Numbers.compact(reference[k]));
        }
        return text.append(" (the worst feasible value of each objective, pushed ").append(HypervolumeHistory.PUSH_PERCENT)
                .append("% of its feasible range further out).").toString();
    }
}
