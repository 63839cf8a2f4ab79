package dev.tuner.core.report;

/**
 * A small writer of inline SVG: elements are appended as text, coordinates rounded to a tenth of
 * a unit, and every text and attribute value escaped by {@link Html#escape}. Styles come from the
 * page's stylesheet by class; data colours are given per element.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    /** Opens an {@code <svg>} of {@code width × height} units that scales to its container's width. */
    Svg(double width, double height, String label) {
        out.append("<svg viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
    }

    /** {@code value} with at most one decimal, as a short SVG number. */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        String sign = tenths < 0 ? "-" : "";
        long magnitude = Math.abs(tenths);
        return sign + magnitude / 10 + "." + magnitude % 10;
    }

    Svg open(String tag, String attributes) {
        out.append('<').append(tag);
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>');
        return this;
    }

    Svg close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A group of the given CSS class. */
    Svg group(String cssClass) {
        return open("g", "class=\"" + cssClass + "\"");
    }

    Svg endGroup() {
        return close("g");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" class=\"").append(cssClass)
                .append("\"/>");
        return this;
    }

    /** A filled circle; with a non-empty {@code title}, one the browser shows on hover. */
    Svg circle(double cx, double cy, double r, String fill, String title) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(fill).append('"');
        return titled(title, "circle");
    }

    /** An × of half-width {@code r} centred on {@code (cx, cy)}; with a non-empty {@code title}, one shown on hover. */
    Svg cross(double cx, double cy, double r, String stroke, String title) {
        out.append("<path d=\"M").append(num(cx - r)).append(',').append(num(cy - r)).append('L').append(num(cx + r))
                .append(',').append(num(cy + r)).append('M').append(num(cx - r)).append(',').append(num(cy + r))
                .append('L').append(num(cx + r)).append(',').append(num(cy - r)).append("\" class=\"cross\" stroke=\"")
                .append(stroke).append('"');
        return titled(title, "path");
    }

    Svg rect(double x, double y, double width, double height, String fill, String title) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, width))).append("\" height=\"").append(num(Math.max(0, height)))
                .append("\" fill=\"").append(fill).append('"');
        return titled(title, "rect");
    }

    /** A path through the points {@code (xs[i], ys[i])}, skipping NaN points (the line breaks there). */
    Svg polyline(double[] xs, double[] ys, String stroke, String cssClass, String title) {
        StringBuilder d = new StringBuilder(xs.length * 12);
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(num(xs[i])).append(',').append(num(ys[i]));
            pen = true;
        }
        if (d.length() == 0) {
            return this;
        }
        out.append("<path d=\"").append(d).append("\" class=\"").append(cssClass).append('"');
        if (!stroke.isEmpty()) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        return titled(title, "path");
    }

    /** A path with the given {@code d} attribute. */
    Svg path(String d, String cssClass) {
        out.append("<path d=\"").append(d).append("\" class=\"").append(cssClass).append("\"/>");
        return this;
    }

    /** Text anchored at {@code (x, y)}: {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (!"start".equals(anchor)) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        out.append(" class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    /** Text turned a quarter anticlockwise around its anchor, for vertical axis titles. */
    Svg verticalText(double x, double y, String cssClass, String text) {
        out.append("<text transform=\"translate(").append(num(x)).append(',').append(num(y))
                .append(") rotate(-90)\" text-anchor=\"middle\" class=\"").append(cssClass).append("\">")
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    private Svg titled(String title, String tag) {
        if (title.isEmpty()) {
            out.append("/>");
        } else {
            out.append("><title>").append(Html.escape(title)).append("</title></").append(tag).append('>');
        }
        return this;
    }

    /** The finished {@code <svg>} element. */
    String finish() {
        return out.append("</svg>").toString();
    }
}
