package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.Direction;
import dev.tuner.core.pareto.NonDominatedSort;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages of several objectives as a browser shows them, in a real headless Chromium: the front's
 * marks, the infeasible ones apart, a hypervolume line that never falls, the plots of three
 * objectives, and no error. Skipped, saying why, where no Chromium is installed.
 */
class SeveralObjectivesBrowserTest {

    /**
     * Runs before the page's script: records errors, then, once loaded, what the plots of several
     * objectives drew as the browser laid them out, as attributes of the root element.
     */
    private static final String PROBE = """
            <script>
            (function () {
              var errors = [];
              window.addEventListener('error', function (event) { errors.push('error: ' + (event.message || 'unknown')); }, true);
              ['error', 'warn'].forEach(function (level) {
                var original = console[level];
                console[level] = function () {
                  errors.push(level + ': ' + Array.prototype.join.call(arguments, ' '));
                  original.apply(console, arguments);
                };
              });
              function count(figure, selector) {
                return figure ? figure.querySelectorAll(selector).length : -1;
              }
              function drawn(figure) {
                if (!figure) { return { width: 0, height: 0, shown: 0 }; }
                var box = figure.querySelector('svg g.marks').getBBox();
                return { width: box.width, height: box.height, shown: figure.querySelector('svg').getBoundingClientRect().width };
              }
              window.addEventListener('load', function () {
                var root = document.documentElement;
                var pareto = document.getElementById('pareto');
                var hypervolume = document.getElementById('hypervolume');
                var line = hypervolume && hypervolume.querySelector('path.hvline');
                var path = [];
                if (line) {
                  var length = line.getTotalLength();
                  for (var i = 0; i <= 200; i++) {
                    var point = line.getPointAtLength(length * i / 200);
                    path.push([point.x, point.y]);
                  }
                }
                var objectives = document.getElementById('objectives');
                var pairwise = document.getElementById('pairwise');
                var findings = {
                  errors: errors,
                  resources: performance.getEntriesByType('resource').map(function (entry) { return entry.name; }),
                  front: count(pareto, 'g.marks g.front circle'),
                  infeasible: count(pareto, 'g.marks g.infeasible path.cross'),
                  trials: count(pareto, 'g.marks g.trials circle'),
                  staircase: count(pareto, 'g.marks path.frontline'),
                  legend: pareto ? pareto.querySelector('g.legend').textContent : '',
                  pareto: drawn(pareto),
                  hypervolume: path,
                  objectivesFront: count(objectives, 'g.marks g.front path'),
                  objectivesOthers: count(objectives, 'g.marks g.trials path') + count(objectives, 'g.marks g.infeasible path'),
                  objectivesDrawn: drawn(objectives),
                  panels: Array.prototype.map.call(pairwise ? pairwise.querySelectorAll('g.panel') : [], function (panel) {
                    var box = panel.querySelector('g.marks').getBBox();
                    return { front: panel.querySelectorAll('g.front circle').length, width: box.width, height: box.height };
                  })
                };
                root.setAttribute('data-probe', JSON.stringify(findings));
              });
            })();
            </script>
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static HeadlessChromium chromium;
    private static StudySnapshot twoObjectives;
    private static Path twoPage;
    private static Path threePage;

    @BeforeAll
    static void writeTheReports() {
        chromium = HeadlessChromium.find(work).orElse(null);
        if (chromium == null) {
            return;
        }
        HtmlReport report = new HtmlReport(Clock.systemUTC());
        twoObjectives = ReportStudies.accuracyLatency(150, 6);
        twoPage = report.write(work.resolve("report"), twoObjectives);
        threePage = report.write(work.resolve("report"), ReportStudies.threeObjectives(120, 8));
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "no headless Chromium found (looked at $" + HeadlessChromium.ENV
                + ", /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): the browser tests of the "
                + "report are skipped; install Debian's chromium package (.ci/run does) or set "
                + HeadlessChromium.ENV + " to a Chromium or Chrome binary");
    }

    @Test
    void theTwoObjectivePageHighlightsExactlyTheFeasibleFrontAndDrawsInfeasibleTrialsApart() throws Exception {
        JsonNode probe = probe(twoPage);

        assertThat(probe.get("errors")).as("errors the page raised").isEmpty();
        assertThat(probe.get("resources")).as("resources the page fetched").isEmpty();
        List<FrozenTrial> complete = twoObjectives.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        List<FrozenTrial> feasible = complete.stream().filter(FrozenTrial::isFeasible).toList();
        double[][] points = feasible.stream().map(trial -> minimized(trial, twoObjectives.directions())).toArray(double[][]::new);
        int front = NonDominatedSort.nonDominated(points).length;
        assertThat(front).as("the study has a front to show").isGreaterThan(3);
        assertThat(probe.get("front").asInt()).as("highlighted marks").isEqualTo(front);
        assertThat(probe.get("infeasible").asInt()).as("infeasible marks").isEqualTo(complete.size() - feasible.size())
                .isPositive();
        assertThat(probe.get("trials").asInt()).as("other feasible marks").isEqualTo(feasible.size() - front);
        assertThat(probe.get("staircase").asInt()).isEqualTo(1);
        assertThat(probe.get("legend").asText()).contains("trial", "Pareto front", "infeasible");
        assertThat(probe.get("pareto").get("width").asDouble()).isPositive();
        assertThat(probe.get("pareto").get("shown").asDouble()).isGreaterThan(300);
    }

    @Test
    void theHypervolumeLineNeverFalls() throws Exception {
        JsonNode path = probe(twoPage).get("hypervolume");

        assertThat(path.size()).isGreaterThan(100);
        double firstY = path.get(0).get(1).asDouble();
        double lastY = path.get(path.size() - 1).get(1).asDouble();
        assertThat(lastY).as("the line ends higher than it starts (smaller y on screen)").isLessThan(firstY);
        for (int i = 1; i < path.size(); i++) {
            // on screen, a larger hypervolume is higher up: y never grows, x never shrinks
            assertThat(path.get(i).get(1).asDouble()).as("y at point " + i).isLessThanOrEqualTo(path.get(i - 1).get(1).asDouble() + 0.01);
            assertThat(path.get(i).get(0).asDouble()).as("x at point " + i).isGreaterThanOrEqualTo(path.get(i - 1).get(0).asDouble() - 0.01);
        }
    }

    @Test
    void theThreeObjectivePageShowsParallelCoordinatesAndEveryPair() throws Exception {
        JsonNode probe = probe(threePage);

        assertThat(probe.get("errors")).isEmpty();
        assertThat(probe.get("resources")).isEmpty();
        assertThat(probe.get("front").asInt()).as("no scatter of two objectives").isEqualTo(-1);
        assertThat(probe.get("objectivesFront").asInt()).isPositive();
        assertThat(probe.get("objectivesOthers").asInt()).isPositive();
        assertThat(probe.get("objectivesDrawn").get("width").asDouble()).isGreaterThan(300);
        assertThat(probe.get("panels")).hasSize(3);
        for (JsonNode panel : probe.get("panels")) {
            assertThat(panel.get("front").asInt()).isEqualTo(probe.get("objectivesFront").asInt());
            assertThat(panel.get("width").asDouble()).isPositive();
            assertThat(panel.get("height").asDouble()).isPositive();
        }
        assertThat(probe.get("hypervolume").size()).isGreaterThan(100);
    }

    private static double[] minimized(FrozenTrial trial, List<Direction> directions) {
        double[] point = new double[directions.size()];
        for (int k = 0; k < point.length; k++) {
            double value = trial.values().get(k);
            point[k] = directions.get(k) == Direction.MAXIMIZE ? -value : value;
        }
        return point;
    }

    /** What the probe found on {@code page}, after checking that the browser logged nothing of the page's console. */
    private static JsonNode probe(Path page) throws Exception {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path probed = page.resolveSibling("probe-" + page.getFileName());
        Files.writeString(probed, html.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(PROBE)), StandardCharsets.UTF_8);
        HeadlessChromium.Run run = chromium.dumpDom(probed);
        Files.delete(probed);
        assertThat(run.consoleLines()).as("console messages Chromium logged for " + page.getFileName()).isEmpty();
        return JSON.readTree(HtmlReportBrowserTest.attribute(HtmlReportBrowserTest.root(run.stdout()), "data-probe"));
    }
}
