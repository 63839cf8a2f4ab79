package dev.tuner.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * For a study of three or more objectives, parallel coordinates over the objectives: one vertical
 * axis per objective, each complete trial a line through its values. The Pareto front's trials are
 * orange and drawn on top, other feasible trials light blue, trials that broke a constraint grey and
 * dashed. Lines sit in groups a reader of the SVG can count: {@code g.trials}, {@code g.infeasible}
 * and {@code g.front}, inside {@code g.marks}.
 */
final class ObjectivesParallelPlot {

    static final int MAX_LINES = 500;
    static final int MAX_TOOLTIPS = 300;

    private ObjectivesParallelPlot() {}

    /** The plot of {@code pareto}'s objectives; empty without complete trials or with fewer than 3 objectives. */
    static Optional<Plot> render(ParetoColumns pareto) {
        int n = pareto.size();
        int m = pareto.objectives();
        if (n == 0 || m < 3) {
            return Optional.empty();
        }
        List<Axis> axes = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            axes.add(Axis.forObjective(pareto.column(k)));
            titles.add(pareto.label(k));
        }
        double[] priority = pareto.drawPriority();
        int[] shown = Downsample.indices(priority, MAX_LINES);
        // the lines far from the front first, so that the front is drawn last, on top
        Integer[] order = Arrays.stream(shown).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> priority[i]).reversed());
        boolean tooltips = shown.length <= MAX_TOOLTIPS;
        Svg svg = ParallelCoordinatesPlot.svg("objectives in parallel of " + pareto.trials().study().name());
        svg.group("marks");
        for (String layer : List.of("infeasible", "trials", "front")) {
            svg.group(layer);
            for (int i : order) {
                boolean front = pareto.isOnFront(i);
                boolean feasible = pareto.isFeasible(i);
                String of = front ? "front" : feasible ? "trials" : "infeasible";
                if (!of.equals(layer)) {
                    continue;
                }
                double[] xs = new double[m];
                double[] ys = new double[m];
                for (int k = 0; k < m; k++) {
                    xs[k] = ParallelCoordinatesPlot.axisX(k, m);
                    ys[k] = ParallelCoordinatesPlot.axisY(axes.get(k).fraction(pareto.value(k, i)));
                }
                String stroke = front ? Colors.BEST : feasible ? Colors.ramp(0.3) : Colors.PRUNED;
                svg.polyline(xs, ys, stroke, front ? "pcline frontpc" : feasible ? "pcline" : "pcline infeasiblepc",
                        tooltips || front ? pareto.describe(i) : "");
            }
            svg.endGroup();
        }
        svg.endGroup();
        ParallelCoordinatesPlot.drawAxes(svg, axes, titles);
        StringBuilder note = new StringBuilder("Each line is a complete trial through its objectives; the ")
                .append(pareto.front().length).append(" of the Pareto front are orange.");
        if (pareto.feasibleCount() < n) {
            note.append(" Dashed grey lines broke a constraint.");
        }
        if (shown.length < n) {
            note.append(" Showing ").append(shown.length).append(" of ").append(n)
                    .append(" trials: the front, those nearest it and an even sample of the rest.");
        }
        return Optional.of(new Plot("objectives", "Objectives in parallel", note.toString(), svg.finish(), true));
    }
}
