package dev.tuner.core.report;

import java.util.Optional;

/**
 * For a study of three or more objectives, a matrix of scatter plots, one per pair of objectives
 * (below the diagonal: objective {@code c} across, objective {@code r} up), each drawn as
 * {@link ObjectiveScatter} draws the Pareto plot, so the trials of the front stand out in every pair.
 * The first {@value #MAX_OBJECTIVES} objectives are paired.
 */
final class PairwisePlot {

    static final int MAX_OBJECTIVES = 5;
    static final int MAX_POINTS = 400;
    /** Titles on every mark only while the marks of all panels are at most this many; the front's always. */
    static final int MAX_TOOLTIPS = 1200;
    private static final double WIDTH = 960;
    private static final double LEGEND = 22;

    private PairwisePlot() {}

    /** The matrix of {@code pareto}'s objectives, pairwise; empty without complete trials or with fewer than 3 objectives. */
    static Optional<Plot> render(ParetoColumns pareto) {
        int n = pareto.size();
        if (n == 0 || pareto.objectives() < 3) {
            return Optional.empty();
        }
        int objectives = Math.min(MAX_OBJECTIVES, pareto.objectives());
        int cells = objectives - 1;
        double cellWidth = WIDTH / cells;
        double cellHeight = cells == 2 ? 300 : cells == 3 ? 260 : 220;
        double height = LEGEND + cells * cellHeight;
        int[] shown = Downsample.indices(pareto.drawPriority(), MAX_POINTS);
        int panels = objectives * (objectives - 1) / 2;
        boolean tooltips = (long) shown.length * panels <= MAX_TOOLTIPS;
        Svg svg = new Svg(WIDTH, height, "objectives pairwise of " + pareto.trials().study().name());
        for (int row = 1; row < objectives; row++) {
            for (int column = 0; column < row; column++) {
                svg.open("g", "class=\"panel\" transform=\"translate(" + Svg.num(column * cellWidth) + ","
                        + Svg.num(LEGEND + (row - 1) * cellHeight) + ")\"");
                Frame frame = ObjectiveScatter.frame(pareto, shown, column, row, cellWidth, cellHeight);
                frame.drawAxes(svg, Frame.abbreviate(pareto.label(column), (int) (cellWidth / 7)),
                        Frame.abbreviate(pareto.label(row), (int) (cellHeight / 7)));
                svg.group("marks");
                ObjectiveScatter.draw(svg, frame, pareto, shown, column, row, tooltips, false);
                svg.endGroup();
                svg.close("g");
            }
        }
        new Frame(WIDTH, height, Axis.linear(0, 1), Axis.linear(0, 1)).legend(svg, ObjectiveScatter.keys(pareto));
        StringBuilder note = new StringBuilder("Each pair of objectives; the trials of the Pareto front of all ")
                .append(pareto.objectives()).append(" objectives are orange in every pair, so some sit inside the cloud"
                        + " of a pair where they trade that pair for another objective.");
        if (objectives < pareto.objectives()) {
            note.append(" The first ").append(objectives).append(" of ").append(pareto.objectives())
                    .append(" objectives are paired.");
        }
        if (shown.length < n) {
            note.append(" Showing ").append(shown.length).append(" of ").append(n)
                    .append(" trials: the front, those nearest it and an even sample of the rest.");
        }
        if (!tooltips) {
            note.append(" Hover a front trial for its values.");
        }
        return Optional.of(new Plot("pairwise", "Objectives pairwise", note.toString(), svg.finish(), true));
    }
}
