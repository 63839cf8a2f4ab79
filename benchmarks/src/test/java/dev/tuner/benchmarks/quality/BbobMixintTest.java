package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** COCO's bbob-mixint: blocks of integers of cardinality 2, 4, 8, 16 and continuous variables, scaled objectives. */
class BbobMixintTest {

    @Test
    void everyFunctionReachesItsScaledOptimumAtAnIntegerPoint() {
        for (int function = 1; function <= 24; function++) {
            for (int dimension : new int[] {5, 10}) {
                for (int instance = 1; instance <= 3; instance++) {
                    BbobMixint f = BbobMixint.of(function, dimension, instance);
                    double[] xopt = f.xopt();
                    for (int i = 0; i < dimension; i++) {
                        int n = f.cardinality(i);
                        if (n > 0) {
                            assertThat(xopt[i]).as(f.name()).isEqualTo(Math.rint(xopt[i])).isBetween(0.0, n - 1.0);
                        }
                    }
                    double tolerance = function == 20 ? 1e-6 : 1e-9;
                    assertThat(f.value(xopt)).as(f.name()).isCloseTo(f.fopt(), within(tolerance));
                }
            }
        }
    }

    @Test
    void theBlocksHaveCardinalities2To16ThenContinuous() {
        BbobMixint f = BbobMixint.of(1, 10, 1);

        assertThat(java.util.stream.IntStream.range(0, 10).map(f::cardinality).toArray())
                .containsExactly(2, 2, 4, 4, 8, 8, 16, 16, 0, 0);
    }

    @Test
    void anIntegerValueIsPlacedOnItsGridInTheInnerFunctionsRange() {
        // f1 is not scaled (factor 1): its value is the squared distance, in the inner coordinates, to x_opt
        BbobMixint f = BbobMixint.of(1, 5, 1);
        BbobFunction inner = BbobFunction.of(1, 5, 1);
        double[] at = f.xopt();
        at[0] = 1 - at[0]; // the other of the two values of the first (binary) variable: 8/3 away on the grid [-4, 4]
        double distance = 8.0 / 3.0;

        assertThat(f.value(at)).isCloseTo(inner.fopt() + distance * distance, within(1e-9));
        // out-of-range integers count as the nearest bound
        double[] beyond = f.xopt();
        beyond[3] = 99;
        double[] bound = f.xopt();
        bound[3] = 15; // the fourth variable has 16 values, 0..15
        assertThat(f.value(beyond)).isEqualTo(f.value(bound));
    }

    @Test
    void theMixintSuiteTakesMultiplesOf5AndSplitsAsBbob() {
        List<Problem> problems = Suites.problems("mixint", Optional.of(List.of("f3", "f4")), Optional.of(List.of(2, 5)),
                Optional.of(List.of(1)), Optional.empty());

        assertThat(problems).extracting(Problem::name).containsExactly("bbob-mixint-f03-d5-i1", "bbob-mixint-f04-d5-i1");
        assertThat(problems.get(0).half()).hasValue(Half.TRAINING);
        assertThatThrownBy(() -> BbobMixint.of(1, 4, 1)).hasMessageContaining("multiple of 5");
    }
}
