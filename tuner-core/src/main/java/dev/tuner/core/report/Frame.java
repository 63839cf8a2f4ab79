package dev.tuner.core.report;

/**
 * The plotting area of one chart inside its SVG: margins for tick labels and axis titles, the
 * mapping of data values to SVG coordinates through two {@link Axis axes}, and the drawing of the
 * grid, ticks and titles, the same for every plot of the report.
 */
final class Frame {

    static final double LEFT = 66;
    static final double RIGHT = 18;
    static final double TOP = 30;
    static final double BOTTOM = 46;

    private final double width;
    private final double height;
    private final Axis x;
    private final Axis y;

    Frame(double width, double height, Axis x, Axis y) {
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
    }

    double plotWidth() {
        return width - LEFT - RIGHT;
    }

    double plotHeight() {
        return height - TOP - BOTTOM;
    }

    /** The SVG x coordinate of a value on the x axis. */
    double px(double value) {
        return LEFT + x.fraction(value) * plotWidth();
    }

    /** The SVG y coordinate of a value on the y axis (larger values higher up). */
    double py(double value) {
        return TOP + (1 - y.fraction(value)) * plotHeight();
    }

    /** {@link #px}, held inside the plotting area: a value beyond the axis sits on its edge. */
    double pxWithin(double value) {
        return Math.max(LEFT, Math.min(LEFT + plotWidth(), px(value)));
    }

    /** {@link #py}, held inside the plotting area: a value beyond the axis sits on its edge. */
    double pyWithin(double value) {
        return Math.max(TOP, Math.min(TOP + plotHeight(), py(value)));
    }

    /** The width of one category slot on a categorical x axis. */
    double slotWidth() {
        return plotWidth() / Math.max(1, x.categories().size());
    }

    /** Draws the grid, the frame, tick labels on both axes and the two axis titles. */
    void drawAxes(Svg svg, String xTitle, String yTitle) {
        double bottom = TOP + plotHeight();
        double right = LEFT + plotWidth();
        svg.group("grid");
        for (Axis.Tick tick : y.ticks()) {
            double at = TOP + (1 - tick.fraction()) * plotHeight();
            svg.line(LEFT, at, right, at, "gridline");
        }
        if (!x.isCategorical()) {
            for (Axis.Tick tick : x.ticks()) {
                double at = LEFT + tick.fraction() * plotWidth();
                svg.line(at, TOP, at, bottom, "gridline");
            }
        }
        svg.endGroup();
        svg.group("axis");
        svg.line(LEFT, bottom, right, bottom, "axisline");
        svg.line(LEFT, TOP, LEFT, bottom, "axisline");
        int maxLabel = x.isCategorical()
                ? (int) Math.max(3, slotWidth() / 6.5)
                : Integer.MAX_VALUE;
        for (Axis.Tick tick : x.ticks()) {
            double at = LEFT + tick.fraction() * plotWidth();
            svg.line(at, bottom, at, bottom + 4, "axisline");
            svg.text(at, bottom + 16, "middle", "tick", abbreviate(tick.label(), maxLabel));
        }
        for (Axis.Tick tick : y.ticks()) {
            double at = TOP + (1 - tick.fraction()) * plotHeight();
            svg.line(LEFT - 4, at, LEFT, at, "axisline");
            svg.text(LEFT - 7, at + 4, "end", "tick", tick.label());
        }
        svg.text(LEFT + plotWidth() / 2, height - 8, "middle", "axistitle", xTitle + (x.isLog() ? " (log)" : ""));
        svg.verticalText(15, TOP + plotHeight() / 2, "axistitle", yTitle + (y.isLog() ? " (log)" : ""));
        svg.endGroup();
    }

    /** How a legend key is drawn. */
    enum Shape { DOT, LINE, BAR, RING, CROSS }

    /** An entry of a legend: a mark of a colour, and what it stands for. */
    record Key(String color, Shape shape, String label) {}

    /** A legend above the top right corner of the plotting area, one key after another. */
    void legend(Svg svg, java.util.List<Key> keys) {
        double widthNeeded = 0;
        for (Key key : keys) {
            widthNeeded += 30 + key.label().length() * 6.2;
        }
        double x = LEFT + plotWidth() - widthNeeded + 10;
        double y = TOP - 9;
        svg.group("legend");
        for (Key key : keys) {
            switch (key.shape()) {
                case LINE -> svg.polyline(new double[] {x, x + 16}, new double[] {y - 4, y - 4}, key.color(), "keyline", "");
                case BAR -> svg.rect(x + 3, y - 9, 10, 10, key.color(), "");
                case RING -> svg.open("circle", "cx=\"" + Svg.num(x + 8) + "\" cy=\"" + Svg.num(y - 4)
                        + "\" r=\"5\" class=\"bestring\"").close("circle");
                case CROSS -> svg.cross(x + 8, y - 4, 3.5, key.color(), "");
                default -> svg.circle(x + 8, y - 4, 3.5, key.color(), "");
            }
            svg.text(x + 20, y, "start", "keytext", key.label());
            x += 30 + key.label().length() * 6.2;
        }
        svg.endGroup();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }
}
