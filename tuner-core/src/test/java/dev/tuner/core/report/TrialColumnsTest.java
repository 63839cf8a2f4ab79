package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialColumnsTest {

    private static final String X = "f.x";
    private static final String MODE = "f.mode";

    private static FrozenTrial trial(int number, TrialState state, double value, Map<String, Suggestion> suggestions) {
        return ReportStudies.finished(number, state, value, suggestions);
    }

    private static Map<String, Suggestion> x(double x) {
        return Map.of(X, new Suggestion(Uniform.of(0, 1), x));
    }

    @Test
    void theBestTrialsAreTheCompleteOnesWithTheBestValuesAndOnTiesTheEarliest() {
        StudySnapshot study = ReportStudies.mixed(80, 3);

        TrialColumns columns = TrialColumns.of(study);

        Comparator<FrozenTrial> better = Comparator.comparingDouble(trial -> -trial.value().getAsDouble());
        List<FrozenTrial> bestFirst = study.trials().stream().filter(trial -> trial.state() == TrialState.COMPLETE)
                .sorted(better.thenComparingInt(FrozenTrial::number)).toList();
        for (int k : new int[] {1, 7, bestFirst.size(), bestFirst.size() + 5}) {
            List<FrozenTrial> expected = bestFirst.subList(0, Math.min(k, bestFirst.size())).stream()
                    .sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
            assertThat(Arrays.stream(columns.best(k)).mapToObj(columns::trial).toList()).isEqualTo(expected);
        }
        assertThat(columns.best()).isEqualTo(study.best()).isEqualTo(TrialHistory.best(study.trials(), Direction.MAXIMIZE));
        assertThat(columns.bestNumber()).isEqualTo(study.best().orElseThrow().number());
        assertThat(Arrays.stream(columns.complete()).mapToObj(columns::trial).toList())
                .isEqualTo(study.trials().stream().filter(trial -> trial.state() == TrialState.COMPLETE).toList());
    }

    @Test
    void countsTrialsByState() {
        StudySnapshot study = new StudySnapshot("s", Direction.MINIMIZE, List.of(
                trial(0, TrialState.COMPLETE, 2, x(0.1)), trial(1, TrialState.PRUNED, 1, x(0.2)),
                trial(2, TrialState.FAIL, 0, x(0.3)), trial(3, TrialState.COMPLETE, 2, x(0.4))));

        TrialColumns columns = TrialColumns.of(study);

        assertThat(columns.count(TrialState.COMPLETE)).isEqualTo(2);
        assertThat(columns.count(TrialState.PRUNED)).isEqualTo(1);
        assertThat(columns.count(TrialState.FAIL)).isEqualTo(1);
        assertThat(columns.count(TrialState.RUNNING)).isZero();
        // a tie: the earlier trial is the best, as the study says
        assertThat(columns.best(1)).containsExactly(0);
        assertThat(columns.best()).isEqualTo(study.best());
        assertThat(columns.value(1)).isEqualTo(1);
        assertThat(columns.number(2)).isEqualTo(2);
        assertThat(columns.lastStartedNumber()).isEqualTo(3);
    }

    @Test
    void aKnobHoldsEachTrialsPositionAndNaNWhereATrialDidNotReadIt() {
        Choice current = Choice.of(List.of("a", "b"));
        Choice older = Choice.of(List.of("c", "a"));
        Map<String, Suggestion> first = new LinkedHashMap<>();
        first.put(MODE, new Suggestion(older, 0));           // "c", an option only the older declaration had
        first.put(X, new Suggestion(Uniform.of(0, 1), 0.25));
        List<FrozenTrial> trials = List.of(
                trial(0, TrialState.COMPLETE, 1, first),
                trial(1, TrialState.COMPLETE, 1, Map.of(MODE, new Suggestion(older, 1))),     // "a"
                trial(2, TrialState.COMPLETE, 1, Map.of(MODE, new Suggestion(current, 1))),   // "b"
                trial(3, TrialState.COMPLETE, 1, x(0.75)));

        List<Knob> knobs = TrialColumns.of(new StudySnapshot("s", Direction.MINIMIZE, trials)).knobs();

        assertThat(knobs).extracting(Knob::name).containsExactly(MODE, X);
        Knob mode = knobs.get(0);
        // the latest declaration's options first, then the older ones' in the order trials read them
        assertThat(mode.categories()).containsExactly("a", "b", "c");
        assertThat(positions(mode, 4)).containsExactly(2, 0, 1, Double.NaN);
        assertThat(positions(knobs.get(1), 4)).containsExactly(0.25, Double.NaN, Double.NaN, 0.75);
    }

    private static double[] positions(Knob knob, int trials) {
        double[] positions = new double[trials];
        for (int t = 0; t < trials; t++) {
            positions[t] = knob.position(t);
        }
        return positions;
    }

    @Test
    void aKnobThatWasNumericOnceTakesItsOldValuesAsCategories() {
        Choice current = Choice.of(List.of("a", "b"));
        List<FrozenTrial> trials = List.of(
                trial(0, TrialState.COMPLETE, 1, Map.of(MODE, new Suggestion(Uniform.of(0, 1e9), 5e8))),
                trial(1, TrialState.COMPLETE, 1, Map.of(MODE, new Suggestion(current, 1))));

        Knob mode = TrialColumns.of(new StudySnapshot("s", Direction.MINIMIZE, trials)).knobs().get(0);

        assertThat(mode.categories()).containsExactly("a", "b", "5e+08");
        assertThat(positions(mode, 2)).containsExactly(2, 1);
    }
}
