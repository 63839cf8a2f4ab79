package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each function reaches its documented optimum at its documented minimizer (functions.md). */
class FunctionsTest {

    static Stream<Arguments> minimizers() {
        return Stream.of(
                Arguments.of("quad1", point("x", 0.5), 0.0),
                Arguments.of("sphere2", point("x", 0.0, "y", 0.0), 0.0),
                Arguments.of("saddle", point("a", 0.0, "b", 2.0), 0.0),
                Arguments.of("branin", point("x1", -Math.PI, "x2", 12.275), 1e-9),
                Arguments.of("branin", point("x1", Math.PI, "x2", 2.275), 1e-9),
                Arguments.of("branin", point("x1", 9.42478, "x2", 2.475), 1e-9),
                // the minimizer is given to six digits, so the value matches to about 1e-5
                Arguments.of("hartmann6", point("x1", 0.20169, "x2", 0.150011, "x3", 0.476874, "x4", 0.275332,
                        "x5", 0.311652, "x6", 0.6573), 1e-5),
                Arguments.of("rosenbrock4", point("x1", 1.0, "x2", 1.0, "x3", 1.0, "x4", 1.0), 0.0),
                Arguments.of("ackley5", point("x1", 0.0, "x2", 0.0, "x3", 0.0, "x4", 0.0, "x5", 0.0), 1e-15),
                Arguments.of("mixed1", point("lr", 1e-3, "layers", 5, "act", "tanh"), 1e-12),
                Arguments.of("conditional1", point("model", "B", "y_b", 15.848931924611133), 1e-12));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("minimizers")
    void reachesItsOptimumAtItsMinimizer(String name, Map<String, Object> minimizer, double tolerance) {
        BenchmarkFunction function = Functions.byName(name);

        assertThat(function.value(minimizer)).isCloseTo(function.optimum(), within(tolerance));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branchMinima")
    void documentedBranchMinimaHold(String name, Map<String, Object> point, double value) {
        assertThat(Functions.byName(name).value(point)).isCloseTo(value, within(1e-12));
    }

    static Stream<Arguments> branchMinima() {
        return Stream.of(
                Arguments.of("mixed1", point("lr", 1e-2, "layers", 3, "act", "relu"), 0.4),
                Arguments.of("mixed1", point("lr", 1e-1, "layers", 2, "act", "sigmoid"), 0.8),
                Arguments.of("conditional1", point("model", "A", "x_a", 1.5, "k_a", 7), 1.0),
                Arguments.of("quad1", point("x", 10.0), 91.0),
                Arguments.of("saddle", point("a", 3.0, "b", -1.0), 8.0));
    }

    private static Map<String, Object> point(Object... namesAndValues) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            point.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return point;
    }
}
