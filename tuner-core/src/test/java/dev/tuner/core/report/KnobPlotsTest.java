package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plots drawn per knob: slices and samples against the prior. */
class KnobPlotsTest {

    private static final StudySnapshot STUDY = ReportStudies.mixed(60, 4);
    private static final TrialColumns COLUMNS = TrialColumns.of(STUDY);

    private static Knob knob(String shortName) {
        return COLUMNS.knobs().stream()
                .filter(knob -> knob.shortName().equals(shortName))
                .findFirst().orElseThrow();
    }

    @Test
    void aLogKnobIsSlicedOnALogAxisAndALinearOneIsNot() {
        String lr = SlicePlot.render(COLUMNS, knob("learningRate"), 0).orElseThrow().body();
        String dropout = SlicePlot.render(COLUMNS, knob("dropout"), 1).orElseThrow().body();

        assertThat(lr).contains(">learningRate (log)</text>", ">1e-04</text>", ">0.01</text>");
        assertThat(dropout).contains(">dropout</text>").doesNotContain("(log)");
    }

    @Test
    void aCategoricalKnobIsSlicedByOption() {
        String activation = SlicePlot.render(COLUMNS, knob("activation"), 0).orElseThrow().body();

        assertThat(activation).contains(">relu</text>", ">tanh</text>", ">elu</text>");
    }

    @Test
    void theSlicePlotOfAKnobOnlySomeTrialsReadHasOnlyTheirPoints() {
        long readIt = STUDY.trials().stream()
                .filter(trial -> trial.state() == dev.tuner.core.trial.TrialState.COMPLETE)
                .filter(trial -> trial.suggestions().containsKey(ReportStudies.MIXED + ".momentum"))
                .count();

        boolean bestReadIt = STUDY.best()
                .map(trial -> trial.suggestions().containsKey(ReportStudies.MIXED + ".momentum")).orElse(false);

        String momentum = SlicePlot.render(COLUMNS, knob("momentum"), 0).orElseThrow().body();

        // one circle per point, a ring around the best trial's if it read the knob, plus the legend's three keys
        assertThat(Occurrences.count(momentum, "<circle")).isEqualTo(readIt + (bestReadIt ? 1 : 0) + 3);
    }

    @Test
    void theExpectationOfACategoricalPriorIsAnEqualShareOfTheSamples() {
        String activation = PriorPlot.render(COLUMNS, knob("activation"), 0).orElseThrow().body();

        // 60 trials read it; three options, each expected 20 times
        assertThat(activation).contains("relu: ", "trials, prior 20</title>");
        assertThat(Occurrences.count(activation, ", prior 20</title>")).isEqualTo(3);
    }

    @Test
    void anIntegerKnobWithFewValuesGetsABarPerValue() {
        String layers = PriorPlot.render(COLUMNS, knob("layers"), 0).orElseThrow().body();

        for (String value : List.of("1", "2", "3", "4", "5", "6", "7", "8")) {
            assertThat(layers).contains("<title>" + value + ": ");
        }
        // 60 samples over 8 values: 7.5 expected each
        assertThat(Occurrences.count(layers, ", prior 7.5</title>")).isEqualTo(8);
    }

    @Test
    void aContinuousKnobIsBinnedWithThePriorsExpectationPerBin() {
        String lr = PriorPlot.render(COLUMNS, knob("learningRate"), 0).orElseThrow().body();

        // 24 equal bins of the log axis over four decades: 60 / 24 = 2.5 expected in each
        assertThat(Occurrences.count(lr, ", prior 2.5</title>")).isEqualTo(PriorPlot.BINS);
        assertThat(lr).contains("class=\"priorline\"", "(log)");
    }
}
