package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.storage.StorageName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages written while a study runs say so and reload themselves; those of its end or of a stopped run do not. */
class LivePagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);
    private static final StorageName MEMORY = StorageName.of("memory:");

    @TempDir
    Path directory;

    private final HtmlReport report = new HtmlReport(CLOCK);

    @Test
    void aRunningStudysPageSaysSoAndReloadsItselfAsOftenAsItIsRewritten() throws IOException {
        Path page = report.writeRunning(HtmlReport.pageFor(directory, "xDominates"), ReportStudies.xDominates(20, 1), "",
                MEMORY, Duration.ofSeconds(5));

        String html = Files.readString(page);
        assertThat(html).contains("<html lang=\"en\" data-state=\"running\" data-refresh=\"5000\""
                        + " data-written=\"2026-11-22T10:15:30Z\">",
                "<p class=\"status\">running — updated 2026-11-22T10:15:30Z</p>", "\"state\":\"running\",\"refresh\":5000",
                "location.reload()");
        String index = Files.readString(HtmlReport.indexFor(directory));
        assertThat(index).contains("data-state=\"running\" data-refresh=\"5000\"", "running — updated 2026-11-22T10:15:30Z");
    }

    @Test
    void theEndsPageReplacesItAndSaysTheStudyFinished() throws IOException {
        Path page = HtmlReport.pageFor(directory, "xDominates");
        report.writeRunning(page, ReportStudies.xDominates(20, 1), "", MEMORY, Duration.ofSeconds(5));

        report.write(page, ReportStudies.xDominates(30, 1), "", MEMORY);

        String html = Files.readString(page);
        assertThat(html).contains("data-state=\"finished\" data-refresh=\"0\"", "<p class=\"status\">finished 2026-11-22T10:15:30Z</p>",
                "\"trials\":30").doesNotContain("running — updated");
        assertThat(Files.readString(HtmlReport.indexFor(directory))).contains("data-state=\"finished\" data-refresh=\"0\"")
                .doesNotContain("running — updated");
    }

    @Test
    void aStoppedRunsPageSaysSoAndDoesNotReload() throws IOException {
        Path page = report.writeStopped(HtmlReport.pageFor(directory, "xDominates"), ReportStudies.xDominates(20, 1), "",
                MEMORY);

        assertThat(Files.readString(page)).contains("data-state=\"stopped\" data-refresh=\"0\"",
                "<p class=\"status\">stopped 2026-11-22T10:15:30Z</p>");
        assertThat(Files.readString(HtmlReport.indexFor(directory))).contains("stopped 2026-11-22T10:15:30Z")
                .contains("data-state=\"finished\" data-refresh=\"0\"");
    }

    @Test
    void theIndexReloadsWhileAnyStudyItListsRuns() throws IOException {
        report.write(directory, ReportStudies.mixed(20, 1));
        report.writeRunning(HtmlReport.pageFor(directory, "xDominates"), ReportStudies.xDominates(20, 1), "", MEMORY,
                Duration.ofSeconds(7));

        // the finished study is written again: the other still runs
        report.write(directory, ReportStudies.mixed(25, 1));

        assertThat(Files.readString(HtmlReport.indexFor(directory))).contains("data-state=\"running\" data-refresh=\"7000\"");
    }

    @Test
    void aRefreshThatIsNotPositiveIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> report.writeRunning(directory.resolve("x.html"),
                ReportStudies.xDominates(5, 1), "", MEMORY, Duration.ZERO)).withMessageContaining("at least 1 ms");
    }
}
