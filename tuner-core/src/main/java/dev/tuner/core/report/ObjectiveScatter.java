package dev.tuner.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Trials by two of their objectives: feasible trials as dots, the Pareto front's as larger orange
 * dots on top, trials that broke a constraint as red crosses. For a study of two objectives it is
 * the Pareto plot, its front joined as the staircase of what it dominates; for more, each panel of
 * {@link PairwisePlot} is one, without the staircase (the front of all objectives is not a staircase
 * in a pair of them).
 *
 * <p>The marks sit in groups a reader of the SVG can count: {@code g.trials}, {@code g.infeasible}
 * and {@code g.front}, inside the plot's {@code g.marks}.
 */
final class ObjectiveScatter {

    static final int MAX_POINTS = 2000;
    private static final double WIDTH = 960;
    private static final double HEIGHT = 420;

    private ObjectiveScatter() {}

    /** The Pareto plot of a study of two objectives; empty without complete trials. */
    static Optional<Plot> render(ParetoColumns pareto) {
        int n = pareto.size();
        if (n == 0) {
            return Optional.empty();
        }
        int[] shown = Downsample.indices(pareto.drawPriority(), MAX_POINTS);
        Frame frame = frame(pareto, shown, 0, 1, WIDTH, HEIGHT);
        Svg svg = new Svg(WIDTH, HEIGHT, "Pareto front of " + pareto.trials().study().name());
        frame.drawAxes(svg, pareto.label(0), pareto.label(1));
        svg.group("marks");
        draw(svg, frame, pareto, shown, 0, 1, true, true);
        svg.endGroup();
        frame.legend(svg, keys(pareto));
        int[] front = pareto.front();
        StringBuilder note = new StringBuilder("Each complete trial by its two objectives. The ").append(front.length)
                .append(front.length == 1 ? " trial" : " trials")
                .append(" of the Pareto front (feasible, and no feasible trial at least as good in both and better in one)"
                        + " are orange, joined by the edge of what they dominate.");
        int infeasible = n - pareto.feasibleCount();
        if (infeasible > 0) {
            note.append(' ').append(infeasible).append(infeasible == 1 ? " trial" : " trials")
                    .append(" broke a constraint (crosses)");
            note.append(pareto.feasibleCount() > 0
                    ? "; the axes span the feasible trials, and a cross beyond them sits on the plot's edge." : ".");
        }
        if (shown.length < n) {
            note.append(" Showing ").append(shown.length).append(" of ").append(n)
                    .append(" trials: the front, those nearest it and an even sample of the rest.");
        }
        return Optional.of(new Plot("pareto", "Pareto front", note.toString(), svg.finish(), true));
    }

    /** The legend: trial, Pareto front, and infeasible when some trial broke a constraint. */
    static List<Frame.Key> keys(ParetoColumns pareto) {
        List<Frame.Key> keys = new ArrayList<>(List.of(new Frame.Key(Colors.TRIAL, Frame.Shape.DOT, "trial"),
                new Frame.Key(Colors.BEST, Frame.Shape.DOT, "Pareto front")));
        if (pareto.feasibleCount() < pareto.size()) {
            keys.add(new Frame.Key(Colors.INFEASIBLE, Frame.Shape.CROSS, "infeasible"));
        }
        return keys;
    }

    /**
     * A frame of {@code width × height} with objective {@code x} across and {@code y} up, over the
     * feasible points shown (all of them when none is feasible): a trial that broke a constraint can lie
     * far from every feasible one, and scaling to it would crush the front into a corner.
     */
    static Frame frame(ParetoColumns pareto, int[] shown, int x, int y, double width, double height) {
        int[] scaled = Arrays.stream(shown).filter(pareto::isFeasible).toArray();
        if (scaled.length == 0) {
            scaled = shown;
        }
        return new Frame(width, height, Axis.forObjective(pick(pareto.column(x), scaled)),
                Axis.forObjective(pick(pareto.column(y), scaled)));
    }

    /**
     * Draws the points {@code shown} by objectives {@code x} and {@code y}: infeasible crosses, then
     * feasible dots, then the front (and its staircase when {@code staircase}) on top; each mark
     * titled with its trial when {@code tooltips}, the front's always.
     */
    static void draw(Svg svg, Frame frame, ParetoColumns pareto, int[] shown, int x, int y, boolean tooltips,
            boolean staircase) {
        svg.group("infeasible");
        for (int i : shown) {
            if (!pareto.isFeasible(i)) {
                svg.cross(frame.pxWithin(pareto.value(x, i)), frame.pyWithin(pareto.value(y, i)), 3, Colors.INFEASIBLE,
                        tooltips ? pareto.describe(i) : "");
            }
        }
        svg.endGroup();
        svg.group("trials");
        for (int i : shown) {
            if (pareto.isFeasible(i) && !pareto.isOnFront(i)) {
                svg.circle(frame.px(pareto.value(x, i)), frame.py(pareto.value(y, i)), 3, Colors.TRIAL,
                        tooltips ? pareto.describe(i) : "");
            }
        }
        svg.endGroup();
        List<Integer> front = new ArrayList<>();
        for (int i : shown) {
            if (pareto.isOnFront(i)) {
                front.add(i);
            }
        }
        if (staircase && !front.isEmpty()) {
            svg.polyline(staircaseX(pareto, front, x, y, frame), staircaseY(pareto, front, x, y, frame), Colors.BEST,
                    "frontline", "");
        }
        svg.group("front");
        for (int i : front) {
            svg.circle(frame.px(pareto.value(x, i)), frame.py(pareto.value(y, i)), 4.5, Colors.BEST, pareto.describe(i));
        }
        svg.endGroup();
    }

    /**
     * The corners of the staircase through {@code front}'s points in objectives {@code x, y}: sorted
     * from best to worst in {@code x} (so worst to best in {@code y}), each point joined to the next
     * through the corner at the next one's {@code x} and this one's {@code y}, which both dominate.
     * Returned as {@code {xs, ys}} in the objectives' units.
     */
    static double[][] staircase(ParetoColumns pareto, List<Integer> front, int x, int y) {
        List<Integer> sorted = new ArrayList<>(front);
        sorted.sort(Comparator.<Integer>comparingDouble(i -> pareto.minimized(x, i))
                .thenComparingDouble(i -> pareto.minimized(y, i)));
        int corners = Math.max(0, 2 * sorted.size() - 1);
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        for (int j = 0; j < sorted.size(); j++) {
            int i = sorted.get(j);
            if (j > 0) {
                xs[2 * j - 1] = pareto.value(x, i);
                ys[2 * j - 1] = pareto.value(y, sorted.get(j - 1));
            }
            xs[2 * j] = pareto.value(x, i);
            ys[2 * j] = pareto.value(y, i);
        }
        return new double[][] {xs, ys};
    }

    private static double[] staircaseX(ParetoColumns pareto, List<Integer> front, int x, int y, Frame frame) {
        return Arrays.stream(staircase(pareto, front, x, y)[0]).map(frame::px).toArray();
    }

    private static double[] staircaseY(ParetoColumns pareto, List<Integer> front, int x, int y, Frame frame) {
        return Arrays.stream(staircase(pareto, front, x, y)[1]).map(frame::py).toArray();
    }

    private static double[] pick(double[] column, int[] shown) {
        double[] picked = new double[shown.length];
        for (int j = 0; j < shown.length; j++) {
            picked[j] = column[shown[j]];
        }
        return picked;
    }
}
