package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import org.junit.jupiter.api.Test;

class HistoryPlotTest {

    @Test
    void bestSoFarFallsWhenMinimizing() {
        assertThat(HistoryPlot.bestSoFar(new double[] {5, 7, 3, 4, 1, 2}, Direction.MINIMIZE))
                .containsExactly(5, 5, 3, 3, 1, 1);
    }

    @Test
    void bestSoFarRisesWhenMaximizing() {
        assertThat(HistoryPlot.bestSoFar(new double[] {5, 7, 3, 8, 1, 2}, Direction.MAXIMIZE))
                .containsExactly(5, 7, 7, 8, 8, 8);
    }

    @Test
    void drawsADotPerCompleteTrialAndTheBestSoFarLine() {
        StudySnapshot study = ReportStudies.mixed(60, 2);

        Plot plot = HistoryPlot.render(TrialColumns.of(study)).orElseThrow();

        assertThat(Occurrences.count(plot.body(), "<circle")).isEqualTo(study.count(dev.tuner.core.trial.TrialState.COMPLETE) + 1);
        assertThat(plot.body()).contains("class=\"bestline\"");
        assertThat(plot.note()).contains("did not complete").doesNotContain("Showing");
    }

    @Test
    void aRunningStudysOneUnfinishedTrialIsCountedInTheSingular() {
        Study study = Studies.inMemory("running", 1);
        for (int i = 0; i < 3; i++) {
            Trial trial = study.ask();
            study.tell(trial, trial.suggestFloat("x", 0, 1));
        }
        study.ask().suggestFloat("x", 0, 1);

        Plot plot = HistoryPlot.render(TrialColumns.of(StudySnapshot.of(study))).orElseThrow();

        assertThat(plot.note()).endsWith(" 1 trial that did not complete is not drawn.");
    }

    @Test
    void aLargeStudyDrawsASampleAndSaysSo() {
        StudySnapshot study = ReportStudies.xDominates(10_000, 5);

        Plot plot = HistoryPlot.render(TrialColumns.of(study)).orElseThrow();

        // the legend's dot is the one more
        assertThat(Occurrences.count(plot.body(), "<circle")).isEqualTo(HistoryPlot.MAX_POINTS + 1);
        assertThat(plot.note()).contains("Showing 2000 of 10000 trials");
    }
}
