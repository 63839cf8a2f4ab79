package dev.tuner.core.report;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The values trials reported on their way (learning curves), one line per trial by step: pruned
 * trials in grey, the others in blue, the best trial in orange. Drawn only when some trial reported
 * a value, as an objective does for a pruner.
 */
final class IntermediatePlot {

    static final int MAX_TRIALS = 300;
    private static final double WIDTH = 960;
    private static final double HEIGHT = 340;

    private IntermediatePlot() {}

    static Optional<Plot> render(TrialColumns trials) {
        StudySnapshot study = trials.study();
        // the indices of the trials that reported values
        int[] reported = new int[trials.size()];
        int count = 0;
        for (int trial = 0; trial < reported.length; trial++) {
            if (!trials.trial(trial).intermediateValues().isEmpty()) {
                reported[count++] = trial;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        int bestNumber = trials.bestNumber();
        int[] numbers = new int[count];
        double sign = trials.sign();
        double[] priority = new double[count];
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double lastStep = 0;
        double firstStep = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            SortedMap<Integer, Double> curve = trials.trial(reported[i]).intermediateValues();
            numbers[i] = trials.number(reported[i]);
            double last = curve.get(curve.lastKey());
            priority[i] = numbers[i] == bestNumber ? Double.NEGATIVE_INFINITY
                    : Double.isFinite(last) ? sign * last : Double.NaN;
            firstStep = Math.min(firstStep, curve.firstKey());
            lastStep = Math.max(lastStep, curve.lastKey());
            for (double value : curve.values()) {
                if (Double.isFinite(value)) {
                    lowest = Math.min(lowest, value);
                    highest = Math.max(highest, value);
                }
            }
        }
        if (lowest > highest) {
            return Optional.empty();  // no finite value
        }
        int[] shown = Downsample.indices(priority, MAX_TRIALS);
        Frame frame = new Frame(WIDTH, HEIGHT, Axis.linear(firstStep, Math.max(firstStep + 1, lastStep)),
                Axis.forObjective(new double[] {lowest, highest}));
        Svg svg = new Svg(WIDTH, HEIGHT, "intermediate values of " + study.name());
        frame.drawAxes(svg, "step", "intermediate value");
        svg.group("marks");
        // pruned first, then the others, then the best, so the interesting lines are on top
        for (int pass = 0; pass < 3; pass++) {
            for (int shownIndex : shown) {
                FrozenTrial trial = trials.trial(reported[shownIndex]);
                int number = trial.number();
                TrialState state = trial.state();
                int layer = number == bestNumber ? 2 : state == TrialState.PRUNED ? 0 : 1;
                if (layer != pass) {
                    continue;
                }
                SortedMap<Integer, Double> curve = trial.intermediateValues();
                double[] xs = new double[curve.size()];
                double[] ys = new double[curve.size()];
                int point = 0;
                for (Map.Entry<Integer, Double> step : curve.entrySet()) {
                    xs[point] = frame.px(step.getKey());
                    ys[point++] = Double.isFinite(step.getValue()) ? frame.py(step.getValue()) : Double.NaN;
                }
                String color = layer == 2 ? Colors.BEST : layer == 0 ? Colors.PRUNED : Colors.TRIAL;
                String title = "#" + number + " (" + state.name().toLowerCase(java.util.Locale.ROOT) + ")";
                if (xs.length == 1) {
                    svg.circle(xs[0], ys[0], 2.5, color, title);
                } else {
                    svg.polyline(xs, ys, color, layer == 2 ? "curve best" : "curve", title);
                }
            }
        }
        svg.endGroup();
        frame.legend(svg, List.of(
                new Frame.Key(Colors.TRIAL, Frame.Shape.LINE, "complete"),
                new Frame.Key(Colors.PRUNED, Frame.Shape.LINE, "pruned"),
                new Frame.Key(Colors.BEST, Frame.Shape.LINE, "best")));
        StringBuilder note = new StringBuilder("Each line is the values one trial reported, by step.");
        if (shown.length < numbers.length) {
            note.append(" Showing ").append(shown.length).append(" of ").append(numbers.length)
                    .append(" trials: the best quarter by their last value and an even sample of the rest.");
        }
        return Optional.of(new Plot("intermediate", "Intermediate values", note.toString(), svg.finish(), true));
    }
}
