package dev.tuner.benchmarks.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java problems against the values {@code mo_functions.py} computes (benchmarks/tools/mo_fixture.py). */
class MoProblemsTest {

    static List<String> names() {
        return MoProblems.names();
    }

    @Test
    void theProblemsAreThoseOfTheFixtureInItsOrder() {
        assertThat(MoProblems.names()).containsExactly("zdt1", "zdt2", "zdt3", "dtlz2", "mixed", "bnh", "constr", "c2dtlz2");
        assertThat(MoProblems.names()).containsExactlyElementsOf(() -> MoFixture.PROBLEMS.fieldNames());
    }

    @ParameterizedTest
    @MethodSource("names")
    void objectivesAndConstraintsAgreeWithPython(String name) {
        MoProblem problem = MoProblems.named(name);
        for (JsonNode point : MoFixture.problem(name).path("points")) {
            MoEvaluation evaluation = problem.evaluate(MoFixture.params(point.path("params")));
            assertClose(point + " objectives", evaluation.objectives(), MoFixture.doubles(point.path("objectives")));
            assertClose(point + " constraints", evaluation.constraints(), MoFixture.doubles(point.path("constraints")));
            assertThat(evaluation.objectives()).hasSize(problem.objectives());
            assertThat(evaluation.constraints()).hasSize(problem.constraints());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void frontSamplesAgreeWithPython(String name) {
        MoProblem problem = MoProblems.named(name);
        JsonNode front = MoFixture.problem(name).path("front");
        double[][] sample = problem.frontSample();
        assertThat(sample.length).isEqualTo(front.path("size").intValue());
        double checksum = Arrays.stream(sample).flatMapToDouble(Arrays::stream).sum();
        assertThat(Math.abs(checksum - front.path("checksum").doubleValue()))
                .as("checksum").isLessThan(1e-9 * Math.abs(front.path("checksum").doubleValue()));
        front.path("rows").properties().forEach(row ->
                assertClose(name + " front row " + row.getKey(), sample[Integer.parseInt(row.getKey())],
                        MoFixture.doubles(row.getValue())));
        assertClose(name + " ideal", problem.ideal(), MoFixture.doubles(front.path("ideal")));
        assertClose(name + " nadir", problem.nadir(), MoFixture.doubles(front.path("nadir")));
    }

    @ParameterizedTest
    @MethodSource("names")
    void trueHypervolumesAgreeWithPython(String name) {
        MoProblem problem = MoProblems.named(name);
        JsonNode expected = MoFixture.problem(name);
        assertClose(name + " hv_true", new double[] {problem.trueHypervolume(false)},
                new double[] {expected.path("hv_true").doubleValue()});
        assertClose(name + " hv_true_wide", new double[] {problem.trueHypervolume(true)},
                new double[] {expected.path("hv_true_wide").doubleValue()});
    }

    @Test
    void aKnobMissingOrOfTheWrongTypeIsNamed() {
        Map<String, Object> params = new HashMap<>(Map.of("lr", 1e-3, "layers", 2, "arch", "rnn"));
        assertThatIllegalArgumentException().isThrownBy(() -> MoProblems.named("mixed").evaluate(params))
                .withMessage("problem mixed: knob arch is rnn but must be [arch, cat, [mlp, cnn, transformer]];"
                        + " propose a value for every knob of the space");
        assertThatIllegalArgumentException().isThrownBy(() -> MoProblems.named("zdt4"))
                .withMessageContaining("no multi-objective problem zdt4; use one of [zdt1, zdt2");
    }

    private static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(MoFixture.close(actual[i], expected[i]))
                    .as("%s[%d]: %s vs Python's %s", what, i, actual[i], expected[i]).isTrue();
        }
    }
}
