package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser shows it: each page loaded in a real headless Chromium, which must
 * report no error, draw every plot, load nothing, sort the table and paint a screenshot that is
 * not blank. Skipped, saying why, where no Chromium is installed ({@code .ci/run} installs
 * Debian's {@code chromium}).
 */
class HtmlReportBrowserTest {

    /**
     * Runs before the page's own script: records errors (uncaught, failed loads, console.error and
     * console.warn) and, once loaded, what each plot drew, what was fetched and how sorting went, as
     * attributes of the root element that {@code --dump-dom} prints.
     */
    private static final String PROBE = """
            <script>
            (function () {
              var errors = [];
              window.addEventListener('error', function (event) {
                var target = event.target && (event.target.src || event.target.href);
                errors.push('error: ' + (event.message || target || 'unknown'));
              }, true);
              window.addEventListener('unhandledrejection', function (event) { errors.push('rejection: ' + event.reason); });
              ['error', 'warn'].forEach(function (level) {
                var original = console[level];
                console[level] = function () {
                  errors.push(level + ': ' + Array.prototype.join.call(arguments, ' '));
                  original.apply(console, arguments);
                };
              });
              function firstValues() {
                var cells = document.querySelectorAll('table.trials tbody tr td:nth-child(3)');
                return Array.prototype.slice.call(cells, 0, 3).map(function (cell) { return cell.getAttribute('data-v'); });
              }
              window.addEventListener('load', function () {
                var root = document.documentElement;
                var plots = Array.prototype.map.call(document.querySelectorAll('figure.plot'), function (figure) {
                  var marks = figure.querySelector('svg g.marks');
                  var box = marks ? marks.getBBox() : { width: 0, height: 0 };
                  var svg = figure.querySelector('svg');
                  return {
                    id: figure.id,
                    marks: marks ? marks.querySelectorAll('circle, rect, path, line, text').length : 0,
                    width: box.width, height: box.height,
                    shownWidth: svg ? svg.getBoundingClientRect().width : 0
                  };
                });
                var sorted = [];
                var heading = document.querySelector('table.trials th[data-key="value"]');
                if (heading) {
                  heading.click();
                  sorted.push(firstValues());
                  heading.click();
                  sorted.push(firstValues());
                }
                root.setAttribute('data-probe-plots', JSON.stringify(plots));
                root.setAttribute('data-probe-sorted', JSON.stringify(sorted));
                root.setAttribute('data-probe-resources', JSON.stringify(
                    performance.getEntriesByType('resource').map(function (entry) { return entry.name; })));
                root.setAttribute('data-probe-errors', JSON.stringify(errors));
                root.setAttribute('data-probe-done', 'true');
              });
            })();
            </script>
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static HeadlessChromium chromium;
    private static StudySnapshot study;
    private static Path page;
    private static JsonNode pageProbe;

    @BeforeAll
    static void writeTheReport() {
        chromium = HeadlessChromium.find(work).orElse(null);
        if (chromium == null) {
            return;
        }
        study = ReportStudies.mixed(80, 11);
        HtmlReport report = new HtmlReport(Clock.systemUTC());
        page = report.write(work.resolve("report"), study);
        report.write(work.resolve("report"), ReportStudies.xDominates(50, 1));
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "no headless Chromium found (looked at $" + HeadlessChromium.ENV
                + ", /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): the browser tests of the "
                + "report are skipped; install Debian's chromium package (.ci/run does) or set "
                + HeadlessChromium.ENV + " to a Chromium or Chrome binary");
    }

    @Test
    void everyPlotIsDrawnWithNoErrorAndNothingLoaded() throws Exception {
        JsonNode probe = pageProbe();

        assertThat(probe.get("errors")).as("errors the page raised").isEmpty();
        assertThat(probe.get("resources")).as("resources the page fetched").isEmpty();
        List<String> ids = new ArrayList<>();
        for (JsonNode plot : probe.get("plots")) {
            String id = plot.get("id").asText();
            ids.add(id);
            assertThat(plot.get("marks").asInt()).as("marks drawn by plot " + id).isPositive();
            assertThat(plot.get("width").asDouble()).as("width of what plot " + id + " drew").isPositive();
            assertThat(plot.get("height").asDouble()).as("height of what plot " + id + " drew").isPositive();
            assertThat(plot.get("shownWidth").asDouble()).as("width plot " + id + " takes on the page").isGreaterThan(300);
        }
        assertThat(ids).containsExactlyInAnyOrder("history", "importance", "parallel", "intermediate",
                "slice-0", "slice-1", "slice-2", "slice-3", "slice-4", "slice-5",
                "prior-0", "prior-1", "prior-2", "prior-3", "prior-4", "prior-5");
    }

    @Test
    void clickingTheValueHeadingSortsTheTrialsOneWayThenTheOther() throws Exception {
        JsonNode sorted = pageProbe().get("sorted");

        List<String> values = study.trials().stream()
                .filter(trial -> trial.state() == TrialState.COMPLETE)
                .map(FrozenTrial::value)
                .sorted((a, b) -> Double.compare(a.getAsDouble(), b.getAsDouble()))
                .map(value -> Double.toString(value.getAsDouble()))
                .toList();
        assertThat(texts(sorted.get(0))).containsExactlyElementsOf(values.subList(0, 3));
        List<String> descending = new ArrayList<>(values.subList(values.size() - 3, values.size()));
        java.util.Collections.reverse(descending);
        assertThat(texts(sorted.get(1))).containsExactlyElementsOf(descending);
    }

    @Test
    void theIndexLoadsWithNoErrorAndLinksEveryStudy() throws Exception {
        Path index = HtmlReport.indexFor(page.getParent());
        JsonNode probe = probe(index);

        assertThat(probe.get("errors")).isEmpty();
        assertThat(probe.get("resources")).isEmpty();
        String dom = chromium.dumpDom(index).stdout();
        assertThat(dom).contains("href=\"" + ReportStudies.MIXED + ".html\"", "href=\"xDominates.html\"");
    }

    @Test
    void theScreenshotIsNotBlank() throws Exception {
        Path png = work.resolve("page.png");

        chromium.screenshot(page, png, 1280, 1600);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        int background = image.getRGB(0, 0);
        long painted = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    painted++;
                }
            }
        }
        long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
        assertThat(colours).as("distinct colours in the screenshot").hasSizeGreaterThan(50);
        assertThat((double) painted / sampled).as("share of pixels not the page background").isGreaterThan(0.3);
    }

    /** The probe's findings on the study page, found once for the tests that read them. */
    private static synchronized JsonNode pageProbe() throws Exception {
        if (pageProbe == null) {
            pageProbe = probe(page);
        }
        return pageProbe;
    }

    /** The probe's findings on {@code file}, after checking that the browser logged nothing of the page's console. */
    private static JsonNode probe(Path file) throws Exception {
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Path probed = file.resolveSibling("probe-" + file.getFileName());
        Files.writeString(probed, html.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(PROBE)),
                StandardCharsets.UTF_8);
        HeadlessChromium.Run run = chromium.dumpDom(probed);
        Files.delete(probed);
        assertThat(run.consoleLines()).as("console messages Chromium logged for " + file.getFileName()).isEmpty();
        String root = root(run.stdout());
        assertThat(attribute(root, "data-probe-done")).as("the probe ran after the page loaded").isEqualTo("true");
        com.fasterxml.jackson.databind.node.ObjectNode findings = JSON.createObjectNode();
        for (String name : List.of("plots", "sorted", "resources", "errors")) {
            findings.set(name, JSON.readTree(attribute(root, "data-probe-" + name)));
        }
        return findings;
    }

    /** The root element's start tag in a DOM Chromium dumped. */
    static String root(String dom) {
        Matcher root = Pattern.compile("<html[^>]*>").matcher(dom);
        assertThat(root.find()).as("an <html> element in the DOM Chromium dumped").isTrue();
        return root.group();
    }

    /** The value of attribute {@code name} of a start tag, unescaped. */
    static String attribute(String element, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(element);
        assertThat(value.find()).as("attribute " + name + " in " + element).isTrue();
        return value.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
