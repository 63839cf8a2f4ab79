package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact ticks: each label, and where it sits. A numeric axis pads its data by 4% of the span at
 * each end, so the data's ends sit at 0.04 / 1.08 = 1/27 and 26/27 of the axis.
 */
class AxisTest {

    private static final double FIRST = 1.0 / 27;
    private static final double LAST = 26.0 / 27;

    private static List<String> labels(Axis axis) {
        return axis.ticks().stream().map(Axis.Tick::label).toList();
    }

    /** The axis's ticks are exactly these labels, at exactly these fractions. */
    private static void assertTicks(Axis axis, List<String> labels, double... fractions) {
        assertThat(labels(axis)).containsExactlyElementsOf(labels);
        assertThat(axis.ticks()).hasSize(fractions.length);
        for (int i = 0; i < fractions.length; i++) {
            assertThat(axis.ticks().get(i).fraction()).as("where tick %s sits", labels.get(i))
                    .isCloseTo(fractions[i], within(1e-12));
        }
    }

    @Test
    void linearTicksAreRoundNumbersInsideTheRange() {
        // -5..10 padded to -5.6..10.6: steps of 5
        assertTicks(Axis.linear(-5, 10), List.of("-5", "0", "5", "10"), FIRST, 28.0 / 81, 53.0 / 81, LAST);
        // 0..1 padded to -0.04..1.04: steps of 0.2
        assertTicks(Axis.linear(0, 1), List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                FIRST, 6.0 / 27, 11.0 / 27, 16.0 / 27, 21.0 / 27, LAST);
    }

    @Test
    void logTicksAreDecadesOverWideRanges() {
        assertTicks(Axis.log(1e-5, 1e-1), List.of("1e-05", "1e-04", "0.001", "0.01", "0.1"),
                FIRST, 29.0 / 108, 0.5, 79.0 / 108, LAST);
    }

    @Test
    void logTicksSkipDecadesToKeepAboutSixOverVeryWideRanges() {
        // thirteen decades: every third
        assertThat(labels(Axis.log(1e-12, 1))).containsExactly("1e-12", "1e-09", "1e-06", "0.001", "1");
        assertThat(Axis.log(1e-12, 1).ticks().get(0).fraction()).isCloseTo(FIRST, within(1e-12));
        assertThat(Axis.log(1e-12, 1).ticks().get(4).fraction()).isCloseTo(LAST, within(1e-12));
    }

    @Test
    void logTicksUseOneTwoFiveWithinADecadeOrTwo() {
        Axis axis = Axis.log(1, 50);

        assertThat(labels(axis)).containsExactly("1", "2", "5", "10", "20", "50");
        assertThat(axis.ticks().get(0).fraction()).isCloseTo(FIRST, within(1e-12));
        assertThat(axis.ticks().get(5).fraction()).isCloseTo(LAST, within(1e-12));
        // on the log scale: 10 sits at log(10) / log(50) of the data's width
        double width = LAST - FIRST;
        assertThat(axis.ticks().get(3).fraction()).isCloseTo(FIRST + width / Math.log10(50), within(1e-12));
    }

    @Test
    void logTicksWithinHalfADecadeAreLinearStepsPlacedOnTheLogScale() {
        Axis axis = Axis.log(2, 3);

        assertThat(labels(axis)).containsExactly("2", "2.2", "2.4", "2.6", "2.8", "3");
        assertThat(axis.ticks().get(0).fraction()).isCloseTo(FIRST, within(1e-12));
        assertThat(axis.ticks().get(5).fraction()).isCloseTo(LAST, within(1e-12));
        assertThat(axis.ticks().get(2).fraction()).isCloseTo(axis.fraction(2.4), within(1e-12));
    }

    @Test
    void everyTickSitsWhereItsValueDoes() {
        for (Axis axis : List.of(Axis.linear(-5, 10), Axis.linear(0.013, 0.2), Axis.log(1e-5, 1e-1), Axis.log(1, 50),
                Axis.log(2, 3), Axis.log(1e-12, 1), Axis.fromZero(7))) {
            assertThat(axis.ticks()).allSatisfy(tick -> {
                double value = Double.parseDouble(tick.label());
                assertThat(axis.value(tick.fraction())).as("the value at tick %s", tick.label())
                        .isCloseTo(value, within(Math.abs(value) * 1e-9));
                assertThat(tick.fraction()).isBetween(0.0, 1.0);
            });
        }
    }

    @Test
    void valuesMapToFractionsAndBack() {
        Axis log = Axis.log(1e-4, 1);
        assertThat(log.fraction(1e-4)).isCloseTo(FIRST, within(1e-12));
        assertThat(log.fraction(1e-2)).isCloseTo(0.5, within(1e-12));
        assertThat(log.fraction(1)).isCloseTo(LAST, within(1e-12));
        assertThat(log.value(log.fraction(3e-3))).isCloseTo(3e-3, within(1e-15));
        Axis linear = Axis.linear(0, 10);
        assertThat(linear.fraction(0)).isCloseTo(FIRST, within(1e-12));
        assertThat(linear.fraction(5)).isCloseTo(0.5, within(1e-12));
        assertThat(linear.fraction(10)).isCloseTo(LAST, within(1e-12));
        assertThat(linear.value(0)).isCloseTo(-0.4, within(1e-12));
        assertThat(linear.value(1)).isCloseTo(10.4, within(1e-12));
    }

    @Test
    void countsStartAtZero() {
        // 0..10 and a bit: 10.8, in steps of 2
        assertTicks(Axis.fromZero(10), List.of("0", "2", "4", "6", "8", "10"),
                0, 2 / 10.8, 4 / 10.8, 6 / 10.8, 8 / 10.8, 10 / 10.8);
        assertTicks(Axis.fromZero(0), List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), 0, 0.2, 0.4, 0.6, 0.8, 1);
    }

    @Test
    void categoriesSitInTheMiddleOfTheirSlots() {
        Axis axis = Axis.categorical(List.of("relu", "tanh"));

        assertThat(axis.fraction(0)).isEqualTo(0.25);
        assertThat(axis.fraction(1)).isEqualTo(0.75);
        assertTicks(axis, List.of("relu", "tanh"), 0.25, 0.75);
        assertTicks(Axis.categorical(List.of("a", "b", "c", "d")), List.of("a", "b", "c", "d"), 0.125, 0.375, 0.625, 0.875);
        assertThat(Axis.categorical(List.of()).ticks()).isEmpty();
    }

    @Test
    void objectiveValuesGetALogAxisOnlyWhenPositiveAndWiderThanTwoDecades() {
        assertThat(Axis.forObjective(new double[] {0.4, 2, 300}).isLog()).isTrue();
        assertThat(Axis.forObjective(new double[] {0.4, 2, 30}).isLog()).isFalse();
        assertThat(Axis.forObjective(new double[] {1, 100}).isLog()).as("exactly two decades").isFalse();
        assertThat(Axis.forObjective(new double[] {1, 100.5}).isLog()).isTrue();
        assertThat(Axis.forObjective(new double[] {-1, 2, 3000}).isLog()).isFalse();
        assertThat(Axis.forObjective(new double[] {0, 2, 3000}).isLog()).isFalse();
        assertThat(Axis.forObjective(new double[] {2, 3000, 0.5}).fraction(0.5)).isCloseTo(FIRST, within(1e-12));
        assertTicks(Axis.forObjective(new double[0]), List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                FIRST, 6.0 / 27, 11.0 / 27, 16.0 / 27, 21.0 / 27, LAST);
    }

    @Test
    void aSingleValueStillGetsASpan() {
        // 5 gets 4.5..5.5, a tenth of it either side
        Axis axis = Axis.linear(5, 5);
        assertThat(axis.fraction(5)).isCloseTo(0.5, within(1e-12));
        assertTicks(axis, List.of("4.6", "4.8", "5", "5.2", "5.4"), 0.1, 0.3, 0.5, 0.7, 0.9);
        // 0 gets -1..1
        assertTicks(Axis.linear(0, 0), List.of("-1", "-0.5", "0", "0.5", "1"), 0, 0.25, 0.5, 0.75, 1);
    }

    @Test
    void aLogAxisNeedsPositiveBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> Axis.log(0, 1))
                .withMessage("a log axis needs positive bounds, but they are 0.0 and 1.0");
    }
}
