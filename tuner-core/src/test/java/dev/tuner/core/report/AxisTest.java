package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {

    private static List<String> labels(Axis axis) {
        return axis.ticks().stream().map(Axis.Tick::label).toList();
    }

    @Test
    void linearTicksAreRoundNumbersInsideTheRange() {
        assertThat(labels(Axis.linear(-5, 10))).containsExactly("-5", "0", "5", "10");
        assertThat(labels(Axis.linear(0, 1))).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
    }

    @Test
    void logTicksAreDecadesOverWideRanges() {
        assertThat(labels(Axis.log(1e-5, 1e-1))).containsExactly("1e-05", "1e-04", "0.001", "0.01", "0.1");
    }

    @Test
    void logTicksUseOneTwoFiveWithinADecadeOrTwo() {
        assertThat(labels(Axis.log(1, 50))).containsExactly("1", "2", "5", "10", "20", "50");
    }

    @Test
    void valuesMapToFractionsAndBack() {
        Axis log = Axis.log(1e-4, 1);
        assertThat(log.fraction(1e-2)).isCloseTo(0.5, within(1e-12));
        assertThat(log.value(log.fraction(3e-3))).isCloseTo(3e-3, within(1e-15));
        assertThat(Axis.linear(0, 10).fraction(0)).isGreaterThan(0).isLessThan(0.1);
    }

    @Test
    void categoriesSitInTheMiddleOfTheirSlots() {
        Axis axis = Axis.categorical(List.of("relu", "tanh"));
        assertThat(axis.fraction(0)).isEqualTo(0.25);
        assertThat(axis.fraction(1)).isEqualTo(0.75);
        assertThat(labels(axis)).containsExactly("relu", "tanh");
    }

    @Test
    void objectiveValuesGetALogAxisOnlyWhenPositiveAndWide() {
        assertThat(Axis.forObjective(new double[] {0.4, 2, 300}).isLog()).isTrue();
        assertThat(Axis.forObjective(new double[] {0.4, 2, 30}).isLog()).isFalse();
        assertThat(Axis.forObjective(new double[] {-1, 2, 3000}).isLog()).isFalse();
    }

    @Test
    void aSingleValueStillGetsASpan() {
        Axis axis = Axis.linear(5, 5);
        assertThat(axis.fraction(5)).isCloseTo(0.5, within(1e-12));
        assertThat(axis.ticks()).isNotEmpty();
    }
}
