package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.Direction;
import dev.tuner.core.space.Scale;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnobImportanceTest {

    @Test
    void theKnobThatDominatesTheObjectiveRanksFirst() {
        StudySnapshot study = ReportStudies.xDominates(300, 1);

        Map<String, Double> importance = KnobImportance.of(study.trials(), study.direction());

        assertThat(importance.keySet()).containsExactly("f.x", "f.y");
        assertThat(importance.get("f.y")).isLessThan(0.1);
        assertThat(importance.get("f.x")).isGreaterThan(0.8);
        assertThat(importance.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void eachObjectiveOfSeveralRanksTheKnobsItDependsOn() {
        Study study = Studies.builder("two", 5).directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        for (int i = 0; i < 300; i++) {
            Trial trial = study.ask();
            double x = trial.suggestFloat("x", -1, 1);
            double y = trial.suggestFloat("y", -1, 1);
            study.tell(trial, x * x, -y * y);
        }
        List<Direction> directions = study.directions();

        assertThat(KnobImportance.of(study.trials(), directions, 0).keySet()).containsExactly("x", "y");
        assertThat(KnobImportance.of(study.trials(), directions, 1).keySet()).containsExactly("y", "x");
        assertThat(KnobImportance.of(study.trials(), directions, 1).get("y")).isGreaterThan(0.8);
        assertThatThrownBy(() -> KnobImportance.of(study.trials(), Direction.MINIMIZE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 objective values")
                .hasMessageContaining("KnobImportance.of(trials, directions, objective)");
    }

    @Test
    void aCategoricalOrLogKnobThatDominatesRanksFirstWhenMaximizing() {
        Study study = Studies.builder("mixed", 4).direction(Direction.MAXIMIZE).build();
        for (int i = 0; i < 400; i++) {
            Trial trial = study.ask();
            String kernel = trial.suggestCategorical("kernel", List.of("linear", "rbf", "poly", "sigmoid"));
            double c = trial.suggestFloat("c", 1e-3, 1e3, Scale.LOG);
            int noise = trial.suggestInt("noise", 0, 9);
            double score = ("rbf".equals(kernel) ? 1 : 0) + 0.01 * Math.log10(c) + 0.001 * noise;
            study.tell(trial, score);
        }

        Map<String, Double> importance = KnobImportance.of(study.trials(), Direction.MAXIMIZE);

        assertThat(importance.keySet()).first().isEqualTo("kernel");
        assertThat(importance.get("kernel")).isGreaterThan(importance.get("c")).isGreaterThan(importance.get("noise"));
    }

    @Test
    void readsTheDirection() {
        // minimizing 100 x² + y, the best trials crowd around x = 0; maximizing, at both ends of x
        StudySnapshot study = ReportStudies.xDominates(300, 2);

        Map<String, Double> minimizing = KnobImportance.of(study.trials(), Direction.MINIMIZE);
        Map<String, Double> maximizing = KnobImportance.of(study.trials(), Direction.MAXIMIZE);

        assertThat(minimizing.keySet()).first().isEqualTo("f.x");
        assertThat(maximizing.keySet()).first().isEqualTo("f.x");
    }

    @Test
    void tooFewTrialsRankNothing() {
        StudySnapshot study = ReportStudies.xDominates(KnobImportance.MIN_TRIALS - 1, 1);

        assertThat(KnobImportance.of(study.trials(), study.direction())).isEmpty();
    }

    @Test
    void pearsonDivergenceIsZeroForTheSameDistributionAndGrowsWithTheDifference() {
        double[] uniform = {0.25, 0.25, 0.25, 0.25};

        assertThat(KnobImportance.pearson(uniform, uniform)).isZero();
        assertThat(KnobImportance.pearson(new double[] {0.7, 0.1, 0.1, 0.1}, uniform))
                .isGreaterThan(KnobImportance.pearson(new double[] {0.4, 0.2, 0.2, 0.2}, uniform))
                // Σ p²/q − 1 = 4 · (0.49 + 0.03) − 1
                .isCloseTo(1.08, within(1e-12));
    }

    @Test
    void smoothedCountsKeepTheirTotalAndPeakWhereTheValuesAre() {
        double[] values = new double[200];
        java.util.Arrays.fill(values, 0.5);

        double[] smoothed = KnobImportance.smooth(values);

        assertThat(smoothed).hasSize(KnobImportance.BINS);
        assertThat(java.util.Arrays.stream(smoothed).sum()).isCloseTo(200, within(1e-9));
        assertThat(smoothed[KnobImportance.BINS / 2]).isGreaterThan(smoothed[0] * 10);
    }

    @Test
    void aFewValuesAreSpreadWideRatherThanMadeASpike() {
        double[] two = KnobImportance.smooth(new double[] {0.5, 0.5});
        double[] many = new double[100];
        java.util.Arrays.fill(many, 0.5);

        // the peak holds a smaller share of the mass with 2 values than with 100
        assertThat(two[KnobImportance.BINS / 2] / 2).isLessThan(KnobImportance.smooth(many)[KnobImportance.BINS / 2] / 100);
    }

    @Test
    void aConditionalKnobThatTheBestTrialsNeverReadMattersLittle() {
        // the objective is small only on branch "a", which reads knob "ya"; branch "b" reads "yb" and
        // is uniformly bad; a few trials on branch b are not enough to make "yb" look important
        Study study = Studies.inMemory("conditional", 8);
        for (int i = 0; i < 200; i++) {
            Trial trial = study.ask();
            String branch = trial.suggestCategorical("branch", List.of("a", "b"));
            double value = "a".equals(branch)
                    ? Math.abs(trial.suggestFloat("ya", 0, 1) - 0.3)
                    : 5 + trial.suggestFloat("yb", 0, 1);
            study.tell(trial, value);
        }

        Map<String, Double> importance = KnobImportance.of(study.trials(), Direction.MINIMIZE);

        assertThat(importance.get("ya")).isGreaterThan(importance.get("yb"));
        assertThat(importance.get("branch")).isGreaterThan(importance.get("yb"));
    }

    @Test
    void isCheapForThousandsOfTrials() {
        // not a timing: 20,000 trials of three knobs are ranked by binning, with no model to fit
        StudySnapshot study = ReportStudies.xDominates(20_000, 3);

        assertThat(KnobImportance.of(study.trials(), study.direction()).keySet()).first().isEqualTo("f.x");
    }
}
