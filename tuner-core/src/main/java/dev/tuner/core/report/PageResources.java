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
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"Tuner\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n" + extraHead
                + "</head>\n";
    }

    /** The end of a page: the inlined script. */
    static String tail() {
        return "<script>\n" + JS + "</script>\n</body>\n</html>\n";
    }
}
