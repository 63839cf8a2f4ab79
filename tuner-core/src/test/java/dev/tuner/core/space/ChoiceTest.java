package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class ChoiceTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return Choice.of("relu", "tanh", "elu");
    }

    @Override
    Object foreignValue() {
        return 1;
    }

    @Override
    List<Distribution> variants() {
        return List.of(Choice.of("relu", "tanh", "elu"), Choice.of(16, 32L, 0.5, 1.5f, true, "x"),
                Choice.of(List.of(Scale.values())), Choice.of(String.class, Integer.class), Choice.of("only"));
    }

    @Test
    void rejectsNoOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Choice.of(List.of()))
                .withMessageContaining("at least one option");
        assertThatIllegalArgumentException().isThrownBy(Choice::of);
    }

    @Test
    void rejectsDuplicateOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Choice.of("a", "b", "a"))
                .withMessageContaining("must be distinct")
                .withMessageContaining("[a, b, a]");
    }

    @Test
    void rejectsNullOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Choice.of("a", null))
                .withMessageContaining("cannot hold null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Choice.of(Arrays.asList("a", null)))
                .withMessageContaining("cannot hold null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Choice(Arrays.asList(null, "b")))
                .withMessageContaining("cannot hold null");
    }

    @Test
    void acceptsASingleOption() {
        Choice only = Choice.of("only");

        assertThat(only.toExternal(only.sample(rng()))).isEqualTo("only");
    }

    @Test
    void keepsItsOwnCopyOfTheOptions() {
        List<Object> options = new ArrayList<>(List.of("a", "b"));
        Choice choice = new Choice(options);

        options.add("c");

        assertThat(choice.options()).containsExactly("a", "b");
    }

    @Test
    void drawsEveryOptionEquallyOften() {
        Choice choice = Choice.of("a", "b", "c", "d", "e");
        long[] counts = new long[5];
        for (double draw : draws(choice)) {
            counts[(int) draw]++;
        }
        double[] expected = new double[5];
        Arrays.fill(expected, DRAWS / 5.0);

        assertThat(new ChiSquareTest().chiSquareTest(expected, counts)).isGreaterThan(0.001);
    }

    @Test
    void externalValueIsTheOptionAtTheIndex() {
        Choice choice = Choice.of("a", "b", "c");

        assertThat(choice.toExternal(0)).isEqualTo("a");
        assertThat(choice.toExternal(2)).isEqualTo("c");
        assertThat(choice.toInternal("b")).isEqualTo(1.0);
    }

    @Test
    void rejectsIndicesThatAreNoOption() {
        Choice choice = Choice.of("a", "b", "c");

        assertThatIllegalArgumentException().isThrownBy(() -> choice.toExternal(3)).withMessageContaining("not an option index");
        assertThatIllegalArgumentException().isThrownBy(() -> choice.toExternal(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> choice.toExternal(0.5));
    }

    @Test
    void rejectsValuesThatAreNoOption() {
        Choice choice = Choice.of(1, 2, 3);

        assertThatIllegalArgumentException().isThrownBy(() -> choice.toInternal(4)).withMessageContaining("not one of the options");
        // an option is matched by equality, type included
        assertThatIllegalArgumentException().isThrownBy(() -> choice.toInternal(2L));
    }

    @Test
    void holdsEnumConstants() {
        Choice choice = Choice.of(List.of(Scale.values()));

        assertThat(choice.toExternal(choice.toInternal(Scale.LOG))).isSameAs(Scale.LOG);
    }

    @Test
    void rejectsOptionsThatTextAndJsonCannotName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Choice.of("a", new Object()))
                .withMessageContaining("holds strings, numbers, booleans, enum constants or classes, but")
                .withMessageContaining("java.lang.Object");
    }

    @Test
    void logDensityIsOneOverTheCount() {
        assertThat(Choice.of("a", "b", "c").logDensity(2)).isEqualTo(-Math.log(3));
        assertThat(Choice.of("a", "b", "c").logDensity(3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(Choice.of("relu", "tanh")).hasToString("choice(\"relu\", \"tanh\")");
        assertThat(Choice.of(16, 32L, 0.5, 1.5f, true)).hasToString("choice(16, 32L, 0.5, 1.5f, true)");
        assertThat(Choice.of(Scale.LOG, String.class)).hasToString("choice(Scale.LOG, String.class)");
    }

    @Test
    void narrowingKeepsEveryOptionWhileTheRatioLeavesRoomForTwo() {
        Choice choice = Choice.of("a", "b", "c", "d");

        assertThat(choice.narrow(2, 0.5)).isEqualTo(choice);
        assertThat(choice.narrow(2, 0.49)).isEqualTo(Fixed.of("c"));
        assertThat(Choice.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j").narrow(0, 0.2)).isEqualTo(
                Choice.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
    }
}
