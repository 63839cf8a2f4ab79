package dev.tuner.core.report;

import java.util.List;
import java.util.Optional;

/**
 * Whether the search learned to stay feasible: the share of the last complete trials that met every
 * constraint, by trial number, over a window of a twentieth of the complete trials (at least
 * {@value #MIN_WINDOW}). Drawn only when some trial recorded a constraint.
 */
final class FeasibilityPlot {

    static final int MIN_WINDOW = 10;
    static final int MAX_POINTS = 500;
    private static final double WIDTH = 480;
    private static final double HEIGHT = 260;

    private FeasibilityPlot() {}

    /** The share of feasible trials among the {@code window} complete trials up to each one (fewer at the start). */
    static double[] rollingShare(ParetoColumns pareto, int window) {
        int n = pareto.size();
        int[] feasibleSoFar = new int[n + 1];
        for (int i = 0; i < n; i++) {
            feasibleSoFar[i + 1] = feasibleSoFar[i] + (pareto.isFeasible(i) ? 1 : 0);
        }
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i + 1 - window);
            share[i] = (double) (feasibleSoFar[i + 1] - feasibleSoFar[from]) / (i + 1 - from);
        }
        return share;
    }

    static Optional<Plot> render(ParetoColumns pareto) {
        int n = pareto.size();
        if (!pareto.hasConstraints() || n == 0) {
            return Optional.empty();
        }
        int window = Math.max(MIN_WINDOW, n / 20);
        double[] share = rollingShare(pareto, window);
        int points = Math.min(n, MAX_POINTS);
        double[] xs = new double[points];
        double[] ys = new double[points];
        int last = Math.max(1, pareto.trials().lastStartedNumber());
        Frame frame = new Frame(WIDTH, HEIGHT, Axis.linear(0, last), Axis.linear(0, 1));
        for (int j = 0; j < points; j++) {
            int i = points == n ? j : (int) ((long) j * (n - 1) / (points - 1));
            xs[j] = frame.px(pareto.number(i));
            ys[j] = frame.py(share[i]);
        }
        Svg svg = new Svg(WIDTH, HEIGHT, "feasible trials of " + pareto.trials().study().name());
        frame.drawAxes(svg, "trial", "feasible share");
        svg.group("marks");
        svg.polyline(xs, ys, Colors.TRIAL, "bestline feasibleline", "");
        svg.endGroup();
        frame.legend(svg, List.of(new Frame.Key(Colors.TRIAL, Frame.Shape.LINE, "last " + window + " trials")));
        return Optional.of(new Plot("feasibility", "Feasible trials over time", "The share of the last " + window
                + " complete trials that met every constraint; " + pareto.feasibleCount() + " of " + n + " in all.",
                svg.finish(), false));
    }
}
