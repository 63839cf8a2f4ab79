package dev.tuner.core.report;

/**
 * One figure of a study page.
 *
 * @param id the element id, unique on the page
 * @param title the heading
 * @param hint shown when the pointer rests on the heading (a knob's full name); may be empty
 * @param note what the reader should know to read it (what is drawn, what was left out); may be empty
 * @param body the drawing: an {@code <svg>} element, or other HTML for tables
 * @param wide whether it spans the page's width rather than one column
 */
record Plot(String id, String title, String hint, String note, String body, boolean wide) {

    Plot(String id, String title, String note, String body, boolean wide) {
        this(id, title, "", note, body, wide);
    }

    /** This plot with a hint on its heading. */
    Plot withTitleHint(String hint) {
        return new Plot(id, title, hint, note, body, wide);
    }
}
