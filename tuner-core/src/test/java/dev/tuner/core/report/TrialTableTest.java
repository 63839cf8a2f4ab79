package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrialTableTest {

    @Test
    void listsEveryTrialOfASmallStudyWithItsStateValueAndKnobs() {
        StudySnapshot study = ReportStudies.mixed(40, 1);

        TrialColumns columns = TrialColumns.of(study);
        Plot table = TrialTable.render(columns, columns.knobs());

        assertThat(Occurrences.count(table.body(), "<tr")).isEqualTo(41);
        assertThat(table.body()).contains("data-key=\"value\"", "title=\"" + ReportStudies.MIXED + ".learningRate\"",
                "class=\"best\"");
        FrozenTrial failed = study.trials().stream().filter(trial -> trial.state() == TrialState.FAIL)
                .findFirst().orElseThrow();
        assertThat(table.body()).contains("diverged: loss &lt;NaN&gt; &amp; &quot;grad&quot; exploded");
        assertThat(failed.number()).isNotNegative();
    }

    @Test
    void aWorkerColumnSaysWhichProcessRanEachTrialWhenSeveralDid() {
        Instant started = Instant.parse("2026-12-08T10:00:00Z");
        List<FrozenTrial> trials = new ArrayList<>();
        String[] hosts = {"build-1", "build-1", "build-2"};
        for (int i = 0; i < hosts.length; i++) {
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, TrialResult.of(i), Map.of(), Optional.empty(), started,
                    Optional.of(started.plusSeconds(1)), new TreeMap<>(), Map.of(), Optional.of(new Worker(hosts[i], 40 + i))));
        }
        TrialColumns several = TrialColumns.of(new StudySnapshot("s", Direction.MINIMIZE, trials));
        TrialColumns one = TrialColumns.of(new StudySnapshot("s", Direction.MINIMIZE, trials.subList(0, 1)));

        assertThat(TrialTable.render(several, several.knobs()).body())
                .contains("title=\"the process that ran the trial, host/pid\">worker</th>")
                .contains("<td data-v=\"build-1/40\">build-1/40</td>", "<td data-v=\"build-2/42\">build-2/42</td>");
        assertThat(TrialTable.render(one, one.knobs()).body()).doesNotContain(">worker</th>", "build-1/40");
        StudySnapshot unknown = ReportStudies.mixed(40, 1);
        assertThat(TrialTable.render(TrialColumns.of(unknown), TrialColumns.of(unknown).knobs()).body())
                .doesNotContain(">worker</th>");
    }

    @Test
    void aLargeStudyListsItsBestAndMostRecentTrials() {
        StudySnapshot study = ReportStudies.xDominates(3000, 1);

        List<FrozenTrial> rows = Arrays.stream(TrialTable.rows(TrialColumns.of(study))).mapToObj(study.trials()::get).toList();

        assertThat(rows).hasSize(TrialTable.MAX_ROWS).isSortedAccordingTo(Comparator.comparingInt(FrozenTrial::number));
        FrozenTrial best = study.best().orElseThrow();
        assertThat(rows).contains(best, study.trials().get(2999));
    }

    @Test
    void durationsAreShortAndReadable() {
        assertThat(TrialTable.duration(Duration.ofNanos(420_000))).isEqualTo("0.42 ms");
        assertThat(TrialTable.duration(Duration.ofNanos(15_000))).isEqualTo("0.02 ms");
        assertThat(TrialTable.duration(Duration.ofNanos(9_994_999))).isEqualTo("9.99 ms");
        assertThat(TrialTable.duration(Duration.ofNanos(3_000_000))).isEqualTo("3.00 ms");
        assertThat(TrialTable.duration(Duration.ofMillis(350))).isEqualTo("350 ms");
        assertThat(TrialTable.duration(Duration.ofMillis(2400))).isEqualTo("2.4 s");
        assertThat(TrialTable.duration(Duration.ofMillis(1050))).isEqualTo("1.1 s");
        assertThat(TrialTable.duration(Duration.ofMillis(59_960))).isEqualTo("60.0 s");
        assertThat(TrialTable.duration(Duration.ofSeconds(192))).isEqualTo("3 min 12 s");
        assertThat(TrialTable.duration(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
    }
}
