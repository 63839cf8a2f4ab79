package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parallel coordinates: one vertical axis for the objective and one per knob, and each complete
 * trial a line through its values. Lines are shaded by rank, the best darkest and drawn on top, so
 * the knob values that good trials share stand out. A trial that did not read a knob (the other
 * branch of a conditional space) passes that knob's axis by, from the knob before to the one after.
 */
final class ParallelCoordinatesPlot {

    static final int MAX_LINES = 500;
    static final int MAX_TOOLTIPS = 300;
    /** Knobs beyond this many (the least important ones) are left out, so that axes keep room for labels. */
    static final int MAX_KNOBS = 12;
    private static final double WIDTH = 960;
    private static final double HEIGHT = 380;
    private static final double SIDE = 72;
    private static final double TOP = 44;
    private static final double BOTTOM = 18;

    private ParallelCoordinatesPlot() {}

    private static boolean conditional(double[][] positions) {
        for (double[] column : positions) {
            for (double position : column) {
                if (Double.isNaN(position)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The x coordinate of axis {@code c} of {@code columns}. */
    static double axisX(int c, int columns) {
        return SIDE + c * (WIDTH - 2 * SIDE) / Math.max(1, columns - 1);
    }

    /** The y coordinate of a position {@code fraction} along an axis (0 at the bottom). */
    static double axisY(double fraction) {
        return TOP + (1 - fraction) * (HEIGHT - TOP - BOTTOM);
    }

    /** Opens the SVG of a parallel coordinates plot. */
    static Svg svg(String label) {
        return new Svg(WIDTH, HEIGHT, label);
    }

    /** Draws the vertical axes, each with its title (and "(log)" for a log axis) and ticks. */
    static void drawAxes(Svg svg, List<Axis> axes, List<String> titles) {
        int columns = axes.size();
        double height = HEIGHT - TOP - BOTTOM;
        svg.group("axis");
        for (int c = 0; c < columns; c++) {
            double x = axisX(c, columns);
            Axis axis = axes.get(c);
            svg.line(x, TOP, x, TOP + height, "axisline");
            svg.text(x, TOP - 24, "middle", "axistitle", Frame.abbreviate(titles.get(c), 18));
            if (axis.isLog()) {
                svg.text(x, TOP - 11, "middle", "tick", "(log)");
            }
            List<Axis.Tick> ticks = axis.ticks();
            int every = Math.max(1, (int) Math.ceil(ticks.size() / 8.0));
            for (int t = 0; t < ticks.size(); t += every) {
                Axis.Tick tick = ticks.get(t);
                double y = TOP + (1 - tick.fraction()) * height;
                svg.line(x - 3, y, x, y, "axisline");
                svg.text(x - 5, y + 4, "end", "tick halo", Frame.abbreviate(tick.label(), 10));
            }
        }
        svg.endGroup();
    }

    /** The plot of {@code knobs}, in that order; empty without complete trials or knobs. */
    static Optional<Plot> render(TrialColumns trials, List<Knob> knobs) {
        StudySnapshot study = trials.study();
        int[] complete = trials.complete();
        if (complete.length == 0 || knobs.isEmpty()) {
            return Optional.empty();
        }
        List<Knob> drawn = knobs.subList(0, Math.min(MAX_KNOBS, knobs.size()));
        int n = complete.length;
        int columns = drawn.size() + 1;
        double[][] positions = new double[columns][n];
        double sign = trials.sign();
        double[] priority = new double[n];
        for (int i = 0; i < n; i++) {
            positions[0][i] = trials.value(complete[i]);
            priority[i] = sign * positions[0][i];
        }
        for (int k = 0; k < drawn.size(); k++) {
            Knob knob = drawn.get(k);
            double[] column = positions[k + 1];
            for (int i = 0; i < n; i++) {
                column[i] = knob.position(complete[i]);
            }
        }
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.forObjective(positions[0]));
        List<String> titles = new ArrayList<>();
        titles.add("objective");
        for (int k = 0; k < drawn.size(); k++) {
            axes.add(drawn.get(k).axis(positions[k + 1]));
            titles.add(drawn.get(k).shortName());
        }

        Svg svg = svg("parallel coordinates of " + study.name());

        int[] shown = Downsample.indices(priority, MAX_LINES);
        // worst first, so that the best lines are drawn last, on top
        Integer[] order = Arrays.stream(shown).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> priority[i]).reversed());
        boolean tooltips = shown.length <= MAX_TOOLTIPS;
        svg.group("marks");
        for (int rank = 0; rank < order.length; rank++) {
            int i = order[rank];
            double[] xs = new double[columns];
            double[] ys = new double[columns];
            int points = 0;
            for (int c = 0; c < columns; c++) {
                double position = positions[c][i];
                // a knob the trial did not read: the line passes its axis by
                if (!Double.isNaN(position)) {
                    xs[points] = axisX(c, columns);
                    ys[points++] = axisY(axes.get(c).fraction(position));
                }
            }
            xs = Arrays.copyOf(xs, points);
            ys = Arrays.copyOf(ys, points);
            double share = order.length == 1 ? 1 : (double) rank / (order.length - 1);
            svg.polyline(xs, ys, Colors.ramp(0.15 + 0.85 * share), "pcline",
                    tooltips ? "#" + trials.number(complete[i]) + ": " + Numbers.compact(positions[0][i]) : "");
        }
        svg.endGroup();

        drawAxes(svg, axes, titles);

        StringBuilder note = new StringBuilder("Each line is a complete trial; darker lines are better trials.");
        if (conditional(positions)) {
            note.append(" A trial that did not read a knob passes its axis by.");
        }
        if (drawn.size() < knobs.size()) {
            note.append(" The ").append(drawn.size()).append(" most important of ").append(knobs.size())
                    .append(" knobs are shown.");
        }
        if (shown.length < n) {
            note.append(" Showing ").append(shown.length).append(" of ").append(n)
                    .append(" trials: the best quarter and an even sample of the rest.");
        }
        return Optional.of(new Plot("parallel", "Parallel coordinates", note.toString(), svg.finish(), true));
    }
}
