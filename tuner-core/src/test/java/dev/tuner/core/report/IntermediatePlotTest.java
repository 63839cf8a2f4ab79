package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IntermediatePlotTest {

    private static FrozenTrial trial(int number, TrialState state, double value, SortedMap<Integer, Double> curve) {
        FrozenTrial trial = ReportStudies.finished(number, state, value, Map.of("x", new Suggestion(Uniform.of(0, 1), 0.5)));
        return new FrozenTrial(trial.number(), trial.state(), trial.value(), trial.suggestions(), trial.failure(),
                trial.started(), trial.finished(), curve);
    }

    private static SortedMap<Integer, Double> curve(double... values) {
        SortedMap<Integer, Double> curve = new TreeMap<>();
        for (int step = 0; step < values.length; step++) {
            curve.put(step, values[step]);
        }
        return curve;
    }

    @Test
    void drawsALinePerTrialPrunedInGreyAndTheBestInOrange() {
        StudySnapshot study = new StudySnapshot("pruning", Direction.MINIMIZE,
                List.of(trial(0, TrialState.COMPLETE, 0.2, curve(1, 0.5, 0.2)), trial(1, TrialState.PRUNED, 0.9, curve(1, 0.9)),
                        trial(2, TrialState.COMPLETE, 0.4, curve(1, 0.6, 0.4))));

        Plot plot = IntermediatePlot.render(TrialColumns.of(study)).orElseThrow();

        assertThat(plot.body()).contains("<title>#1 (pruned)</title>", "<title>#0 (complete)</title>");
        assertThat(plot.body()).containsPattern("class=\"curve best\" stroke=\"" + Colors.BEST + "\"><title>#0 ");
        assertThat(plot.body()).containsPattern("stroke=\"" + Colors.PRUNED + "\"><title>#1 ");
        assertThat(plot.body()).containsPattern("stroke=\"" + Colors.TRIAL + "\"><title>#2 ");
    }

    @Test
    void isLeftOutWhenNoTrialReportedAValue() {
        StudySnapshot study = new StudySnapshot("plain", Direction.MINIMIZE,
                List.of(trial(0, TrialState.COMPLETE, 0.2, new TreeMap<>())));

        assertThat(IntermediatePlot.render(TrialColumns.of(study))).isEmpty();
    }
}
