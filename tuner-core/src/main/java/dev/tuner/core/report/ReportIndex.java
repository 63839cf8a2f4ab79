package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The index of a report directory: one row per study page found there, read back from the summary
 * each page carries, so that every study a build ran (in one process or several) is listed, the
 * pages written beside a study's from another storage ({@code <study>@<storage>.html}) included,
 * each row naming its storage.
 */
final class ReportIndex {

    static final String FILE_NAME = "index.html";
    private static final Logger LOG = Logger.getLogger(ReportIndex.class.getName());
    private static final String HEX = "0123456789ABCDEF";
    private static final String SUMMARY_START = "<script type=\"application/json\" id=\"" + StudyPage.SUMMARY_ID + "\">";

    private ReportIndex() {}

    /**
     * The summaries of the study pages in {@code directory}, by study name: {@code written}'s, the
     * page just written, as it is, and the others' read from their pages.
     */
    static List<StudySummary> read(Path directory, StudySummary written) throws IOException {
        List<StudySummary> summaries = new ArrayList<>();
        summaries.add(written);
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(directory, "*.html")) {
            for (Path page : pages) {
                String name = page.getFileName().toString();
                if (!name.equals(FILE_NAME) && !name.equals(written.page())) {
                    summary(page).ifPresent(summaries::add);
                }
            }
        }
        summaries.sort(Comparator.comparing(StudySummary::study));
        return summaries;
    }

    /** The summary a page carries, or empty (with a warning) for a page that is not a study page of ours. */
    static Optional<StudySummary> summary(Path page) {
        try {
            String html = head(page);
            int start = html.indexOf(SUMMARY_START);
            int end = start < 0 ? -1 : html.indexOf("</script>", start);
            if (end < 0) {
                LOG.warning(() -> page + " has no Tuner study summary; the report index leaves it out");
                return Optional.empty();
            }
            String json = html.substring(start + SUMMARY_START.length(), end);
            StudySummary summary = StudySummary.fromJson(json);
            // the page as it is named now, should it have been renamed
            return Optional.of(summary.onPage(page.getFileName().toString()));
        } catch (IOException | RuntimeException unreadable) {
            LOG.warning(() -> "could not read the study summary of " + page + " (" + unreadable.getMessage()
                    + "); the report index leaves it out");
            return Optional.empty();
        }
    }

    /**
     * The page's text up to the end of its summary, or all of it when it has none: the summary sits in
     * the head, so the index of a directory of large pages reads a few kilobytes of each, not all.
     */
    private static String head(Path page) throws IOException {
        StringBuilder text = new StringBuilder(8192);
        char[] buffer = new char[8192];
        try (Reader reader = Files.newBufferedReader(page, StandardCharsets.UTF_8)) {
            for (int read = reader.read(buffer); read > 0; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
                int start = text.indexOf(SUMMARY_START);
                if (start >= 0 && text.indexOf("</script>", start) >= 0) {
                    break;
                }
            }
        }
        return text.toString();
    }

    static String render(List<StudySummary> studies, Instant written) {
        StringBuilder html = new StringBuilder(4096);
        // reloads itself while a study it lists runs, as often as the most eager of their pages
        long refresh = studies.stream().filter(StudySummary::running).mapToLong(StudySummary::refresh).min().orElse(0);
        String stamp = written.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        html.append(PageResources.head("Tuner report", "", refresh > 0
                ? PageResources.liveAttributes(StudySummary.RUNNING, refresh, stamp)
                : PageResources.liveAttributes(StudySummary.FINISHED, 0, stamp)));
        html.append("<body>\n<div class=\"page\">\n<header><h1>Tuner report</h1>\n<p class=\"fullname\">")
                .append(studies.size()).append(studies.size() == 1 ? " study" : " studies").append("</p></header>\n");
        html.append("<div class=\"card wide\"><div class=\"tablewrap\"><table class=\"trials sortable studies\"><thead><tr>")
                .append("<th data-type=\"text\">study</th><th data-type=\"text\">direction</th>")
                .append("<th data-type=\"num\">best value</th><th data-type=\"num\">best trial</th>")
                .append("<th data-type=\"num\">trials</th><th data-type=\"num\">complete</th>")
                .append("<th data-type=\"num\">pruned</th><th data-type=\"num\">failed</th>")
                .append("<th data-type=\"text\">storage</th>")
                .append("<th data-type=\"text\">written</th></tr></thead><tbody>\n");
        for (StudySummary study : studies) {
            html.append("<tr><td data-v=\"").append(Html.escape(study.study())).append("\"><a href=\"")
                    .append(Html.escape(href(study.page()))).append("\" title=\"").append(Html.escape(study.study()))
                    .append("\">").append(Html.escape(study.study())).append("</a></td>");
            cell(html, study.direction(), study.direction());
            cell(html, study.best() == null ? "" : study.best().toString(),
                    study.best() == null ? "" : Numbers.compact(study.best()));
            cell(html, study.bestTrial() == null ? "" : study.bestTrial().toString(),
                    study.bestTrial() == null ? "" : "#" + study.bestTrial());
            cell(html, String.valueOf(study.trials()), String.valueOf(study.trials()));
            cell(html, String.valueOf(study.complete()), String.valueOf(study.complete()));
            cell(html, String.valueOf(study.pruned()), String.valueOf(study.pruned()));
            cell(html, String.valueOf(study.failed()), String.valueOf(study.failed()));
            String storage = study.storage() == null ? "" : study.storage();
            cell(html, storage, storage);
            cell(html, String.valueOf(study.written()), study.state() == null ? String.valueOf(study.written()) : study.status());
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div></div>\n<footer>Written by Tuner at ").append(Html.escape(written.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                .append(". Every page is self-contained: it loads nothing from the network.</footer>\n</div>\n");
        html.append(PageResources.tail());
        return html.toString();
    }

    /** A relative link to a page: its file name, with characters a URL path cannot hold percent-encoded. */
    static String href(String fileName) {
        StringBuilder href = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "._-~$@".indexOf(c) >= 0)) {
                href.append(c);
            } else {
                href.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
        return href.toString();
    }

    private static void cell(StringBuilder html, String sortValue, String text) {
        html.append("<td data-v=\"").append(Html.escape(sortValue)).append("\">").append(Html.escape(text)).append("</td>");
    }
}
