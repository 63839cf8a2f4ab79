package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.trial.FrozenTrial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of a study of several objectives: the plots of its front instead of those of one value. */
class SeveralObjectivesPageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final HtmlReport report = new HtmlReport(CLOCK);

    @Test
    void twoObjectivesShowTheFrontHypervolumeConstraintsAndEachObjectivesImportanceButNoPlotOfOneValue() throws IOException {
        StudySnapshot study = ReportStudies.accuracyLatency(120, 2);

        String html = Files.readString(report.write(directory, study));

        assertThat(html).contains("id=\"pareto\"", "id=\"hypervolume\"", "id=\"constraints\"", "id=\"feasibility\"", "id=\"importance-0\"",
                "id=\"importance-1\"", "Knob importance for accuracy", "Knob importance for latency", "id=\"prior-0\"",
                "accuracy (max)", "latency (min)", "<dt>objectives</dt><dd>maximize accuracy, minimize latency</dd>",
                "Reference point: accuracy ");
        assertThat(html).doesNotContain("id=\"history\"", "id=\"slice-0\"", "id=\"parallel\"", "id=\"importance\"",
                "id=\"best\"", "id=\"objectives\"", "id=\"pairwise\"", "<dt>best value</dt>");
    }

    @Test
    void theTableHasAColumnPerObjectiveAndFeasibilityAndHighlightsTheFront() throws IOException {
        StudySnapshot study = ReportStudies.accuracyLatency(120, 2);

        String html = Files.readString(report.write(directory, study));

        String table = html.substring(html.indexOf("<table class=\"trials sortable\">"));
        assertThat(table).contains("data-key=\"value-0\" title=\"accuracy (max)\">accuracy</th>",
                "data-key=\"value-1\" title=\"latency (min)\">latency</th>", ">feasible</th>", ">✓</td>", ">✗ sizeMb ");
        assertThat(Occurrences.count(table, "<tr class=\"best\">")).isEqualTo(study.bestTrials().size());
    }

    @Test
    void aLongStudysTableListsItsWholeFront() {
        StudySnapshot study = ReportStudies.accuracyLatency(1500, 4);
        TrialColumns columns = TrialColumns.of(study);
        ParetoColumns pareto = ParetoColumns.of(columns, study.directions(), study.objectiveNames());

        Plot table = TrialTable.render(pareto, columns.knobs());

        assertThat(Occurrences.count(table.body(), "<tr")).isEqualTo(TrialTable.MAX_ROWS + 1);
        for (FrozenTrial trial : study.bestTrials()) {
            assertThat(table.body()).contains("<tr class=\"best\"><td data-v=\"" + trial.number() + "\">");
        }
        assertThat(table.note()).contains("first trials of the Pareto front");
    }

    @Test
    void threeObjectivesShowParallelCoordinatesAndPairsInsteadOfTheScatter() throws IOException {
        StudySnapshot study = ReportStudies.threeObjectives(90, 5);

        String html = Files.readString(report.write(directory, study));

        assertThat(html).contains("id=\"objectives\"", "id=\"pairwise\"", "id=\"hypervolume\"", "id=\"importance-2\"",
                "f1 (min)", "f3 (min)");
        assertThat(html).doesNotContain("id=\"pareto\"", "id=\"history\"");
        // three pairs: (f1, f2), (f1, f3), (f2, f3)
        assertThat(Occurrences.count(html, "<g class=\"panel\"")).isEqualTo(3);
    }

    @Test
    void theIndexListsTheObjectivesAsTheDirectionAndNoBestValue() throws IOException {
        StudySnapshot study = ReportStudies.accuracyLatency(40, 1);
        TrialColumns columns = TrialColumns.of(study);

        StudySummary summary = StudyPage.summary(columns, "p.html", Instant.EPOCH, null);

        assertThat(summary.direction()).isEqualTo("maximize accuracy, minimize latency");
        assertThat(summary.best()).isNull();
        assertThat(summary.bestTrial()).isNull();
        report.write(directory, study);
        assertThat(Files.readString(HtmlReport.indexFor(directory))).contains("maximize accuracy, minimize latency");
    }

    @Test
    void everyObjectiveNameAndTooltipIsEscaped() {
        List<String> names = List.of("<a&b>", "\"q\"");
        StudySnapshot study = ReportStudies.accuracyLatency(30, 1);
        TrialColumns columns = TrialColumns.of(study);
        ParetoColumns pareto = ParetoColumns.of(columns, study.directions(), names);

        String body = ObjectiveScatter.render(pareto).orElseThrow().body();

        assertThat(body).contains("&lt;a&amp;b&gt; (max)", "&quot;q&quot; (min)").doesNotContain("<a&b>");
    }
}
