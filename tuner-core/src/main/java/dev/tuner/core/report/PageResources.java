package dev.tuner.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The stylesheet and script every page inlines, read once from this package's resources. */
final class PageResources {

    static final String CSS = read("report.css");
    static final String JS = read("report.js");

    private PageResources() {}

    private static String read(String name) {
        try (InputStream in = PageResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource dev/tuner/core/report/" + name
                        + " is missing from tuner-core's jar; rebuild tuner-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read the resource dev/tuner/core/report/" + name, failed);
        }
    }

    /** The start of a page: doctype, head with the title, the inlined stylesheet, and {@code extraHead}. */
    static String head(String title, String extraHead) {
        return head(title, extraHead, "");
    }

    /**
     * The start of a page whose root element carries {@code rootAttributes} (each with a leading
     * space), such as {@link #liveAttributes}.
     */
    static String head(String title, String extraHead, String rootAttributes) {
        return "<!DOCTYPE html>\n<html lang=\"en\"" + rootAttributes + ">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"Tuner\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n" + extraHead
                + "</head>\n";
    }

    /**
     * The root element's attributes that the script reads: the page's {@code state} ({@code running}
     * makes it reload every {@code refresh} ms), and when it was {@code written} (ISO-8601), from which
     * it tells a running page that is no longer rewritten (its run was killed).
     */
    static String liveAttributes(String state, long refresh, String written) {
        return " data-state=\"" + Html.escape(state) + "\" data-refresh=\"" + refresh + "\" data-written=\""
                + Html.escape(written) + "\"";
    }

    /** The end of a page: the inlined script. */
    static String tail() {
        return "<script>\n" + JS + "</script>\n</body>\n</html>\n";
    }
}
