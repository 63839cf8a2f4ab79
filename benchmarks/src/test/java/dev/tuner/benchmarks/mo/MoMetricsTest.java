package dev.tuner.benchmarks.mo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hv_ratio, hv_ratio_wide and IGD of fixed point sets against the values of mo_functions.py. */
class MoMetricsTest {

    static List<String> names() {
        return MoProblems.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void metricsOfTheFixtureSetsAgreeWithPython(String name) {
        MoProblem problem = MoProblems.named(name);
        JsonNode fixture = MoFixture.problem(name);
        List<MoEvaluation> evaluations = new ArrayList<>();
        for (JsonNode point : fixture.path("points")) {
            evaluations.add(new MoEvaluation(MoFixture.doubles(point.path("objectives")),
                    MoFixture.doubles(point.path("constraints"))));
        }
        fixture.path("metric_sets").properties().forEach(set -> {
            int n = Integer.parseInt(set.getKey());
            JsonNode expected = set.getValue();
            MoMetrics metrics = MoMetrics.of(problem, evaluations.subList(0, n));
            String what = name + " first " + n;
            assertThat(metrics.feasible()).as(what).isEqualTo(expected.path("n_feasible").intValue());
            assertThat(MoFixture.close(metrics.hvRatio(), expected.path("hv_ratio").doubleValue()))
                    .as("%s hv_ratio %s vs %s", what, metrics.hvRatio(), expected.path("hv_ratio")).isTrue();
            assertThat(MoFixture.close(metrics.hvRatioWide(), expected.path("hv_ratio_wide").doubleValue()))
                    .as("%s hv_ratio_wide %s vs %s", what, metrics.hvRatioWide(), expected.path("hv_ratio_wide")).isTrue();
            assertThat(MoFixture.close(metrics.igd(), expected.path("igd").doubleValue()))
                    .as("%s igd %s vs %s", what, metrics.igd(), expected.path("igd")).isTrue();
        });
    }

    @Test
    void noFeasiblePointMeansNoHypervolumeAndAnInfiniteDistance() {
        MoProblem constr = MoProblems.named("constr");
        MoMetrics metrics = MoMetrics.of(constr, List.of(constr.evaluate(Map.of("x1", 0.1, "x2", 0.0))));
        assertThat(metrics).isEqualTo(new MoMetrics(0, 0, Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void theTrueFrontItselfScoresOneAndZero() {
        MoProblem zdt1 = MoProblems.named("zdt1");
        List<MoEvaluation> front = new ArrayList<>();
        for (double[] point : zdt1.frontSample()) {
            front.add(new MoEvaluation(point, new double[0]));
        }
        MoMetrics metrics = MoMetrics.of(zdt1, front);
        assertThat(metrics.igd()).isZero();
        assertThat(metrics.hvRatio()).isBetween(0.999, 1.0);
    }
}
