package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final HtmlReport report = new HtmlReport(CLOCK);

    @Test
    void namesTheSamplerAndWhatAnAutomaticOnePickedAmongTheStudysFacts() throws IOException {
        Path page = report.write(directory, ReportStudies.mixed(30, 1),
                "auto: gp from #0 (a flat space of 2 knobs, under 300 finished trials)");

        assertThat(Files.readString(page)).contains("<div class=\"fact prose\"><dt>sampler</dt><dd>auto: gp from #0 "
                + "(a flat space of 2 knobs, under 300 finished trials)</dd></div>");
        assertThat(Files.readString(report.write(directory, ReportStudies.mixed(30, 1)))).doesNotContain("<dt>sampler</dt>");
    }

    @Test
    void writesTheStudyPageAndAnIndexThatLinksIt() throws IOException {
        Path page = report.write(directory, ReportStudies.mixed(60, 1));

        assertThat(page).isEqualTo(directory.resolve(ReportStudies.MIXED + ".html"));
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>accuracy · Tuner report</title>", "Optimization history", "Knob importance",
                        "Parallel coordinates", "Intermediate values", "Samples against the prior", "table class=\"trials sortable\"")
                .contains("id=\"slice-0\"", "id=\"slice-5\"", "id=\"prior-0\"", "id=\"prior-5\"")
                .contains("2026-11-22T10:15:30Z");
        String index = Files.readString(HtmlReport.indexFor(directory));
        assertThat(index).contains("href=\"" + ReportStudies.MIXED + ".html\"", "1 study");
    }

    @Test
    void theIndexListsEveryStudyPageInTheDirectory() throws IOException {
        report.write(directory, ReportStudies.mixed(30, 1));
        // another writer (another process of the same build) adds its study
        new HtmlReport(Clock.systemUTC()).write(directory, ReportStudies.xDominates(40, 1));
        // and the first study is written again
        report.write(directory, ReportStudies.mixed(30, 2));

        String index = Files.readString(HtmlReport.indexFor(directory));
        assertThat(index).contains("2 studies", "href=\"xDominates.html\"", "href=\"" + ReportStudies.MIXED + ".html\"");
        assertThat(Occurrences.count(index, "href=\"" + ReportStudies.MIXED + ".html\"")).isOne();
    }

    @Test
    void filesAreReplacedWholeWithNoTemporaryFileLeft() throws IOException {
        report.write(directory, ReportStudies.xDominates(20, 1));
        report.write(directory, ReportStudies.xDominates(25, 1));

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("index.html", "xDominates.html", ".report.lock");
        }
        assertThat(Files.readString(directory.resolve("xDominates.html"))).contains("\"trials\":25");
    }

    @Test
    void otherHtmlFilesInTheDirectoryAreLeftOutOfTheIndex() throws IOException {
        Files.writeString(directory.resolve("notes.html"), "<html><body>mine</body></html>");

        report.write(directory, ReportStudies.xDominates(20, 1));

        String index = Files.readString(HtmlReport.indexFor(directory));
        assertThat(index).contains("1 study").doesNotContain("notes.html");
    }

    @Test
    void namesValuesAndFailuresAreEscaped() throws IOException {
        Study study = Studies.inMemory("evil<b>\"study\"", 1);
        for (int i = 0; i < 12; i++) {
            Trial trial = study.ask();
            double x = trial.suggestFloat("<img src=x onerror=alert(1)>", 0, 1);
            String option = trial.suggestCategorical("mode", List.of("<i>a</i>", "b&c"));
            if (i == 3) {
                study.tellFailure(trial, new IllegalStateException("</script><script>alert(\"boom\")</script>"));
            } else {
                study.tell(trial, x + option.length());
            }
        }

        Path page = report.write(directory, StudySnapshot.of(study));

        assertThat(page.getFileName().toString()).isEqualTo("evil_b__study_.html");
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<img", "<b>", "<i>a</i>", "alert(\"boom\")", "<script><")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;i&gt;a&lt;/i&gt;", "b&amp;c",
                        "&lt;/script&gt;&lt;script&gt;alert(&quot;boom&quot;)", "evil&lt;b&gt;&quot;study&quot;");
        assertThat(Files.readString(HtmlReport.indexFor(directory)))
                .contains("evil&lt;b&gt;&quot;study&quot;").doesNotContain("evil<b>");
    }

    @Test
    void aPageIsNamedAfterItsStudyWithUnsafeCharactersReplaced() {
        Path target = Path.of("target/tuner");

        assertThat(HtmlReport.pageFor(target, "com.acme.T$Inner.f-1_x")).hasFileName("com.acme.T$Inner.f-1_x.html");
        // one _ for each character, also one outside the basic plane
        assertThat(HtmlReport.pageFor(target, "a b/c\uD83D\uDE00.d")).hasFileName("a_b_c_.d.html");
        assertThat(HtmlReport.pageFor(target, "index")).hasFileName("study-index.html");
        assertThat(HtmlReport.pageFor(target, ".hidden")).hasFileName("study-.hidden.html");
    }

    @Test
    void pagesLoadNothingFromOutside() throws IOException {
        String html = Files.readString(report.write(directory, ReportStudies.mixed(40, 1)));

        assertThat(html).doesNotContain("http:", "https:", "<link", " src=", "@import", "url(");
    }

    @Test
    void theIntermediateValuesPlotIsDrawnOnlyWhenTrialsReportedSome() throws IOException {
        StudySnapshot withCurves = ReportStudies.mixed(30, 1);
        StudySnapshot without = new StudySnapshot(withCurves.name(), withCurves.direction(), withCurves.trials().stream()
                .map(trial -> new FrozenTrial(trial.number(), trial.state(), trial.value(), trial.suggestions(),
                        trial.failure(), trial.started(), trial.finished()))
                .toList());

        assertThat(Files.readString(report.write(directory, withCurves))).contains("id=\"intermediate\"");
        assertThat(Files.readString(report.write(directory, without))).doesNotContain("id=\"intermediate\"");
    }

    @Test
    void aStudysSnapshotCarriesTheValuesItsTrialsReported() throws IOException {
        Study study = Studies.inMemory("reported", 1);
        for (int i = 0; i < 4; i++) {
            Trial trial = study.ask();
            double x = trial.suggestFloat("x", 0, 1);
            for (int step = 1; step <= (i == 2 ? 2 : 3); step++) {
                trial.report(step, x / step);
            }
            if (i == 2) {
                study.tellPruned(trial);
            } else {
                study.tell(trial, x / 3);
            }
        }

        StudySnapshot snapshot = StudySnapshot.of(study);

        assertThat(snapshot.trials()).allSatisfy(trial -> assertThat(trial.intermediateValues()).isNotEmpty());
        assertThat(snapshot.trials().get(2).intermediateValues()).containsOnlyKeys(1, 2);
        assertThat(Files.readString(report.write(directory, snapshot))).contains("id=\"intermediate\"");
    }

    @Test
    void enqueuedTrialsShowAsWaitingWithTheirValuesAndAreNotDrawn() throws IOException {
        Study study = Studies.inMemory("warm", 1);
        for (int i = 0; i < 6; i++) {
            Trial trial = study.ask();
            study.tell(trial, trial.suggestFloat("x", 0, 1));
        }
        study.enqueue(Map.of("x", 0.123456));
        study.enqueue(Map.of("x", 0.654321));
        StudySnapshot snapshot = StudySnapshot.of(study);

        String html = Files.readString(report.write(directory, snapshot));

        assertThat(snapshot.lastStartedNumber()).isEqualTo(5);
        assertThat(html).contains("<dt>waiting</dt><dd>2</dd>", "2 enqueued trials wait to run.",
                "<span class=\"state waiting\">waiting</span>", ">0.123456<", ">0.654321<");
        assertThat(html).doesNotContain("did not complete");
    }

    @Test
    void aStudyWithoutCompleteTrialsStillGetsItsTable() throws IOException {
        Study study = Studies.inMemory("allFailed", 1);
        for (int i = 0; i < 3; i++) {
            Trial trial = study.ask();
            trial.suggestFloat("x", 0, 1);
            study.tellFailure(trial, new ArithmeticException("no " + i));
        }

        String html = Files.readString(report.write(directory, StudySnapshot.of(study)));

        assertThat(html).doesNotContain("id=\"history\"").contains("id=\"trials\"", "java.lang.ArithmeticException: no 2");
        assertThat(Files.readString(HtmlReport.indexFor(directory))).contains("allFailed");
    }

    @Test
    void aPageOfTenThousandTrialsStaysSmallAndSaysWhatItLeftOut() throws IOException {
        Study study = Studies.inMemory("large", 7);
        for (int i = 0; i < 10_000; i++) {
            Trial trial = study.ask();
            double x = trial.suggestFloat("x", -5, 5);
            double lr = trial.suggestFloat("lr", 1e-5, 1, dev.tuner.core.space.Scale.LOG);
            int depth = trial.suggestInt("depth", 1, 12);
            String kind = trial.suggestCategorical("kind", List.of("a", "b", "c"));
            study.tell(trial, x * x + Math.abs(Math.log10(lr) + 2) + depth * 0.1 + kind.charAt(0));
        }

        Path page = report.write(directory, StudySnapshot.of(study));

        assertThat(Files.size(page)).isLessThan(1_500_000);
        String html = Files.readString(page);
        assertThat(html).contains("Showing 2000 of 10000 trials", "showing 600 of 10000 trials",
                "Showing 500 of 10000 trials", "Showing 1000 of 10000 trials");
    }
}
