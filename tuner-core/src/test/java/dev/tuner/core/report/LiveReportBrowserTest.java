package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.core.storage.StorageName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page open in a real headless Chromium while its study runs: it reloads itself and so shows a
 * newer write, and stops once a write says the study finished; a finished page, or a running page no
 * longer rewritten, stays. The browser's timers run on virtual time, so a page reloading every 200 ms
 * reloads as fast as Chromium loads it; the test writes the finished page once the browser's console
 * says it loaded the running one, and every wait is on a condition, capped. Skipped, saying why, where
 * no Chromium is installed ({@code .ci/run} installs Debian's {@code chromium}).
 */
class LiveReportBrowserTest {

    /**
     * Runs first on every load of the page: appends the page's state and trial count to a list kept in
     * the tab's session storage (which outlives a reload), logs them to the console, and once loaded
     * sets the list, and the page's status line, as attributes of the root element for
     * {@code --dump-dom} to print.
     */
    private static final String PROBE = """
            <script>
            window.addEventListener('load', function () {
              var root = document.documentElement;
              var summary = JSON.parse(document.getElementById('tuner-summary').textContent);
              var seen = JSON.parse(sessionStorage.getItem('tuner-probe-seen') || '[]');
              seen.push(root.getAttribute('data-state') + ':' + summary.trials);
              sessionStorage.setItem('tuner-probe-seen', JSON.stringify(seen));
              console.log('tuner-probe loaded ' + root.getAttribute('data-state') + ':' + summary.trials);
              root.setAttribute('data-probe-seen', JSON.stringify(seen));
              root.setAttribute('data-probe-status', document.querySelector('.status').textContent);
            });
            </script>
            """;
    private static final Duration REFRESH = Duration.ofMillis(200);
    private static final StorageName MEMORY = StorageName.of("memory:");
    private static final long VIRTUAL_BUDGET_MILLIS = 600_000;
    private static final long CAP_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private HeadlessChromium chromium;
    /** Where the report writes; the browser loads its pages from {@link #served}, with the probe. */
    private Path written;
    private Path served;

    @BeforeEach
    void needsChromium() throws Exception {
        chromium = HeadlessChromium.find(work).orElse(null);
        assumeTrue(chromium != null, "no headless Chromium found (looked at $" + HeadlessChromium.ENV
                + ", /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): the browser tests of the "
                + "live report are skipped; install Debian's chromium package (.ci/run does) or set "
                + HeadlessChromium.ENV + " to a Chromium or Chrome binary");
        written = Files.createDirectories(work.resolve("written"));
        served = Files.createDirectories(work.resolve("served")).resolve("study.html");
    }

    /** A report whose pages are dated now, so that a running page is not taken for one whose run died. */
    private static HtmlReport reportWrittenNow() {
        return new HtmlReport(Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    @Test
    void aRunningPageReloadsUntilItShowsTheWriteThatSaysTheStudyFinished() throws Exception {
        HtmlReport report = reportWrittenNow();
        serve(report.writeRunning(written.resolve("study.html"), ReportStudies.xDominates(20, 1), "", MEMORY, REFRESH));
        HeadlessChromium.Started browser = chromium.dumpDomAfter(served, VIRTUAL_BUDGET_MILLIS);
        try {
            awaitCondition(browser, "the browser loaded the running page",
                    () -> browser.consoleLines().stream().anyMatch(line -> line.contains("tuner-probe loaded running:20")));

            serve(report.write(written.resolve("study.html"), ReportStudies.xDominates(30, 1), "", MEMORY));

            String root = root(browser.finish().stdout());
            assertThat(attribute(root, "data-state")).isEqualTo("finished");
            List<String> seen = seen(root);
            assertThat(seen).as("the pages the tab loaded, in order").startsWith("running:20").endsWith("finished:30");
            assertThat(seen.subList(0, seen.size() - 1)).as("the loads before the finished page").containsOnly("running:20");
            assertThat(attribute(root, "data-probe-status")).startsWith("finished ");
        } finally {
            browser.kill();
        }
    }

    @Test
    void aFinishedPageDoesNotReload() throws Exception {
        serve(reportWrittenNow().write(written.resolve("study.html"), ReportStudies.xDominates(30, 1), "", MEMORY));

        String root = root(chromium.dumpDomAfter(served, 60_000).finish().stdout());

        assertThat(seen(root)).containsExactly("finished:30");
    }

    @Test
    void aRunningPageNotRewrittenForLongerThanTenMinutesSaysSoAndDoesNotReload() throws Exception {
        HtmlReport anHourAgo = new HtmlReport(Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        serve(anHourAgo.writeRunning(written.resolve("study.html"), ReportStudies.xDominates(20, 1), "", MEMORY, REFRESH));

        String root = root(chromium.dumpDomAfter(served, 60_000).finish().stdout());

        assertThat(seen(root)).containsExactly("running:20");
        assertThat(attribute(root, "data-probe-status")).startsWith("running — updated ")
                .endsWith("no update since: its run may have ended");
    }

    /** Puts the page the report wrote, with the probe, where the browser loads it, in one step. */
    private void serve(Path page) throws Exception {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        AtomicFile.write(served, html.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(PROBE)),
                StandardCharsets.UTF_8);
    }

    private static void awaitCondition(HeadlessChromium.Started browser, String what, Check check) throws Exception {
        long start = System.nanoTime();
        while (!check.holds()) {
            assertThat(browser.isAlive()).as("the browser runs while we wait for: " + what).isTrue();
            assertThat(System.nanoTime() - start).as("nanoseconds waited for: " + what).isLessThan(CAP_NANOS);
            Thread.sleep(20); // polls a condition; the cap above is what bounds the wait
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static List<String> seen(String root) throws Exception {
        List<String> seen = new ArrayList<>();
        JSON.readTree(attribute(root, "data-probe-seen")).forEach(entry -> seen.add(entry.asText()));
        return seen;
    }

    private static String root(String dom) {
        Matcher root = Pattern.compile("<html[^>]*>").matcher(dom);
        assertThat(root.find()).as("an <html> element in the DOM Chromium dumped:\n" + dom).isTrue();
        return root.group();
    }

    private static String attribute(String element, String name) {
        Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(element);
        assertThat(value.find()).as("attribute " + name + " in " + element).isTrue();
        return value.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }
}
