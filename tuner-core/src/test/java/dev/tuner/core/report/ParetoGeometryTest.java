package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.Direction;
import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.pareto.NonDominatedSort;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The front, staircase and hypervolume the pages of several objectives draw, against the pareto package. */
class ParetoGeometryTest {

    @Test
    void theStaircaseJoinsTheFrontThroughCornersBothPointsDominate() {
        // accuracy maximized, latency minimized: the front runs from fast and poor to slow and good
        ParetoColumns pareto = columns(List.of(Direction.MAXIMIZE, Direction.MINIMIZE),
                new double[][] {{0.90, 20}, {0.80, 10}, {0.95, 30}, {0.85, 25}}, new boolean[] {true, true, true, true});

        assertThat(pareto.front()).containsExactly(2, 0, 1);  // best accuracy first
        double[][] corners = ObjectiveScatter.staircase(pareto, List.of(0, 1, 2), 0, 1);

        assertThat(corners[0]).containsExactly(0.95, 0.90, 0.90, 0.80, 0.80);
        assertThat(corners[1]).containsExactly(30.0, 30.0, 20.0, 20.0, 10.0);
    }

    @Test
    void infeasibleTrialsAreNeverOnTheFrontNorInTheHypervolume() {
        ParetoColumns pareto = columns(List.of(Direction.MINIMIZE, Direction.MINIMIZE),
                new double[][] {{1, 1}, {2, 3}, {3, 2}, {4, 4}}, new boolean[] {false, true, true, true});

        assertThat(pareto.front()).containsExactly(1, 2);
        assertThat(pareto.isOnFront(0)).isFalse();
        HypervolumeHistory history = HypervolumeHistory.of(pareto);
        // the worst feasible values are 4 and 4, on spans of 2: the reference is 4.2, 4.2
        assertThat(history.reference()).containsExactly(new double[] {4.2, 4.2}, within(1e-12));
        assertThat(history.hypervolumes()[history.hypervolumes().length - 1])
                .isCloseTo(Hypervolume.of(new double[][] {{2, 3}, {3, 2}}, new double[] {4.2, 4.2}), within(1e-12));
    }

    @Test
    void theAxesSpanTheFeasibleTrialsAndAFarInfeasibleOneSitsOnTheEdge() {
        // accuracy maximized, latency minimized; trial #3 broke a constraint far below every feasible accuracy
        ParetoColumns pareto = columns(List.of(Direction.MAXIMIZE, Direction.MINIMIZE),
                new double[][] {{0.90, 20}, {0.80, 10}, {0.95, 30}, {0.10, 500}}, new boolean[] {true, true, true, false});
        int[] shown = {0, 1, 2, 3};

        Frame frame = ObjectiveScatter.frame(pareto, shown, 0, 1, 960, 420);
        Frame allTrials = new Frame(960, 420, Axis.forObjective(new double[] {0.90, 0.80, 0.95, 0.10}),
                Axis.forObjective(new double[] {20, 10, 30, 500}));

        assertThat(frame.px(0.80)).as("the feasible trials spread over the width")
                .isLessThan(Frame.LEFT + 0.25 * frame.plotWidth());
        assertThat(allTrials.px(0.80)).as("as they would not, scaled to the infeasible trial too")
                .isGreaterThan(Frame.LEFT + 0.75 * allTrials.plotWidth());
        assertThat(frame.pxWithin(0.10)).isEqualTo(Frame.LEFT);
        assertThat(frame.pyWithin(500)).isEqualTo(Frame.TOP);
        assertThat(ObjectiveScatter.render(pareto).orElseThrow().note())
                .contains("the axes span the feasible trials, and a cross beyond them sits on the plot's edge");
    }

    @Test
    void theReferenceOfAMaximizedObjectiveIsBelowItsWorstFeasibleValue() {
        ParetoColumns pareto = columns(List.of(Direction.MAXIMIZE, Direction.MINIMIZE),
                new double[][] {{0.9, 20}, {0.7, 10}, {0.5, 5}}, new boolean[] {true, true, false});

        assertThat(HypervolumeHistory.of(pareto).reference()).containsExactly(new double[] {0.68, 21}, within(1e-12));
    }

    @Test
    void withoutAFeasibleTrialThereIsNoHypervolume() {
        ParetoColumns pareto = columns(List.of(Direction.MINIMIZE, Direction.MINIMIZE),
                new double[][] {{1, 2}, {2, 1}}, new boolean[] {false, false});

        HypervolumeHistory history = HypervolumeHistory.of(pareto);
        assertThat(history.reference()).isEmpty();
        assertThat(history.numbers()).isEmpty();
        assertThat(HypervolumePlot.render(pareto, history)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void theHypervolumeNeverFallsAndEndsAtTheWholeFeasibleFrontsAtEveryCheckpoint(int objectives) {
        Random random = new Random(11 + objectives);
        int n = 700;
        double[][] values = new double[n][objectives];
        boolean[] feasible = new boolean[n];
        List<Direction> directions = new ArrayList<>();
        for (int k = 0; k < objectives; k++) {
            directions.add(k % 2 == 0 ? Direction.MINIMIZE : Direction.MAXIMIZE);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < objectives; k++) {
                values[i][k] = random.nextDouble() * 10;
            }
            feasible[i] = random.nextInt(5) > 0;
        }
        ParetoColumns pareto = columns(directions, values, feasible);
        HypervolumeHistory history = HypervolumeHistory.of(pareto);

        double[] volumes = history.hypervolumes();
        assertThat(volumes).isNotEmpty();
        for (int j = 1; j < volumes.length; j++) {
            assertThat(volumes[j]).as("hypervolume at checkpoint " + j).isGreaterThanOrEqualTo(volumes[j - 1]);
            assertThat(history.numbers()[j]).isGreaterThan(history.numbers()[j - 1]);
        }
        // each checkpoint against the front of the trials up to it, found by the pareto package
        double[] minimizedReference = new double[objectives];
        for (int k = 0; k < objectives; k++) {
            minimizedReference[k] = directions.get(k) == Direction.MAXIMIZE ? -history.reference()[k] : history.reference()[k];
        }
        for (int j = 0; j < volumes.length; j += Math.max(1, volumes.length / 7)) {
            int upTo = history.numbers()[j];
            List<double[]> seen = new ArrayList<>();
            for (int i = 0; i <= upTo; i++) {
                if (feasible[i]) {
                    seen.add(pareto.minimized(i));
                }
            }
            double[][] points = seen.toArray(double[][]::new);
            double[][] front = Arrays.stream(NonDominatedSort.nonDominated(points)).mapToObj(i -> points[i])
                    .toArray(double[][]::new);
            assertThat(volumes[j]).as("hypervolume after trial #" + upTo)
                    .isCloseTo(Hypervolume.of(front, minimizedReference), within(1e-9 * (1 + volumes[j])));
        }
    }

    @Test
    void theFeasibleShareIsOverTheLastTrialsOfItsWindow() {
        ParetoColumns pareto = columns(List.of(Direction.MINIMIZE, Direction.MINIMIZE),
                new double[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}}, new boolean[] {false, false, true, true, true});

        assertThat(FeasibilityPlot.rollingShare(pareto, 2)).containsExactly(0, 0, 0.5, 1, 1);
        assertThat(FeasibilityPlot.rollingShare(pareto, 10)).containsExactly(new double[] {0, 0, 1 / 3.0, 0.5, 0.6},
                within(1e-12));
    }

    @Test
    void aLargeStudyDrawsAtMostItsBudgetAndTheWholeFrontHighlighted() {
        Random random = new Random(3);
        int n = 20_000;
        double[][] values = new double[n][2];
        boolean[] feasible = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble();
            values[i][0] = x;
            values[i][1] = 1 - Math.sqrt(x) + random.nextDouble();
            feasible[i] = random.nextInt(4) > 0;
        }
        ParetoColumns pareto = columns(List.of(Direction.MINIMIZE, Direction.MINIMIZE), values, feasible);

        Plot plot = ObjectiveScatter.render(pareto).orElseThrow();

        String front = plot.body().substring(plot.body().indexOf("<g class=\"front\">"));
        assertThat(Occurrences.count(front.substring(0, front.indexOf("</g>")), "<circle")).isEqualTo(pareto.front().length);
        assertThat(Occurrences.count(plot.body(), "<circle") + Occurrences.count(plot.body(), "class=\"cross\""))
                .as("marks drawn, the legend's 2 keys included").isLessThanOrEqualTo(ObjectiveScatter.MAX_POINTS + 3);
        assertThat(plot.note()).contains("Showing 2000 of 20000 trials");
    }

    /** Complete trials of the given values and feasibility (an infeasible one breaks constraint {@code size}), numbered from 0. */
    static ParetoColumns columns(List<Direction> directions, double[][] values, boolean[] feasible) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            TrialResult result = TrialResult.of(values[i], Map.of("size", feasible[i] ? -1.0 : 2.0));
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, result, Map.of(), Optional.empty(), Instant.EPOCH,
                    Optional.of(Instant.EPOCH), java.util.Collections.emptySortedMap(), Map.of()));
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < directions.size(); k++) {
            names.add("f" + k);
        }
        StudySnapshot study = new StudySnapshot("s", directions, names, trials);
        return ParetoColumns.of(TrialColumns.of(study), directions, names);
    }
}
