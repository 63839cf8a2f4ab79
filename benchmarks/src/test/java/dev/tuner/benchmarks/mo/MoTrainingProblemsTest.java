package dev.tuner.benchmarks.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.pareto.Domination;
import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The training problems at points worked out by hand, and fronts that no point of the problem beats. */
class MoTrainingProblemsTest {

    static List<String> names() {
        return MoTrainingProblems.names();
    }

    @Test
    void theFunctionsGiveTheTextbookValuesOnTheirFronts() {
        double[] zdt4 = new double[10];
        zdt4[0] = 0.25;
        assertThat(MoTrainingProblems.zdt4(zdt4)).containsExactly(new double[] {0.25, 0.5}, within(1e-12));
        assertThat(MoTrainingProblems.zdt6(new double[10])).containsExactly(new double[] {1.0, 0.0}, within(1e-12));
        double[] dtlz4 = {1.0, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5};
        assertThat(MoTrainingProblems.dtlz4(dtlz4)).containsExactly(new double[] {0.0, 0.0, 1.0}, within(1e-12));
        double[] dtlz7 = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
        assertThat(MoTrainingProblems.dtlz7(dtlz7)).containsExactly(new double[] {0.0, 0.0, 6.0}, within(1e-12));
        assertThat(MoTrainingProblems.kursawe(new double[3])).containsExactly(new double[] {-20.0, 0.0}, within(1e-12));
        MoEvaluation srn = MoTrainingProblems.srn(-2.5, 2.5);
        assertThat(srn.objectives()).containsExactly(new double[] {24.5, -24.75}, within(1e-12));
        assertThat(srn.feasible()).isTrue();
        assertThat(MoTrainingProblems.tnk(0.1, 0.1).feasible()).isFalse();
        assertThat(MoTrainingProblems.tnk(1.0, 0.5).feasible()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("names")
    void noRandomPointBeatsTheTrueFrontAndItsHypervolumeIsTheFrontSample(String name) {
        MoProblem problem = MoTrainingProblems.named(name);
        MoOptimizer random = MoOptimizers.create("random", 7);
        List<double[]> feasible = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> params = random.propose(problem, List.of());
            MoEvaluation evaluation = problem.evaluate(params);
            if (evaluation.feasible()) {
                feasible.add(evaluation.objectives());
            }
        }
        double[][] front = problem.frontSample();
        assertThat(Arrays.stream(front).filter(point -> Arrays.stream(front).anyMatch(other -> Domination.dominates(other, point))))
                .as("the front sample is non-dominated").isEmpty();
        double[][] points = feasible.toArray(double[][]::new);
        double[][] ours = Arrays.stream(NonDominatedSort.nonDominated(points)).mapToObj(i -> points[i]).toArray(double[][]::new);
        for (boolean wide : new boolean[] {false, true}) {
            double reached = Hypervolume.of(ours, wide ? problem.wideReference() : problem.reference());
            assertThat(reached / problem.trueHypervolume(wide)).as("%s random's ratio, wide %s", name, wide)
                    .isBetween(0.0, 1.0 + 1e-3);
        }
        assertThat(problem.trueHypervolume(true)).isEqualTo(Hypervolume.of(front, problem.wideReference()));
    }
}
