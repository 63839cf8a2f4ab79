package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityChoiceTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return PriorityChoice.of("adam", "sgd", "rmsprop", "adagrad");
    }

    @Override
    Object foreignValue() {
        return 0;
    }

    @Override
    List<Distribution> variants() {
        return List.of(distribution(), PriorityChoice.of(List.of(Scale.values())), PriorityChoice.of(1, 2, 3, 5, 8));
    }

    @Test
    void drawsEveryOptionEquallyOften() {
        assertThat(GoodnessOfFit.chiSquare(draws(distribution()), GoodnessOfFit.uniformIndices(4)))
                .isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void narrowingMovesTheGuessToTheFrontAndKeepsAPrefix() {
        PriorityChoice optimizers = PriorityChoice.of("adam", "sgd", "rmsprop", "adagrad");

        assertThat(optimizers.narrow(2, 0.5)).isEqualTo(PriorityChoice.of("rmsprop", "adam"));
        assertThat(optimizers.narrow(2, 0.6)).isEqualTo(PriorityChoice.of("rmsprop", "adam", "sgd"));
        assertThat(optimizers.narrow(3, 1)).isEqualTo(PriorityChoice.of("adagrad", "adam", "sgd", "rmsprop"));
        assertThat(optimizers.narrow(0, 1)).isEqualTo(optimizers);
    }

    @Test
    void narrowingCollapsesToTheGuessWhenOneOptionIsKept() {
        assertThat(PriorityChoice.of("adam", "sgd", "rmsprop", "adagrad").narrow(1, 0.25)).isEqualTo(Fixed.of("sgd"));
    }

    @Test
    void isNotAChoice() {
        assertThat(PriorityChoice.of("a", "b")).isNotEqualTo(Choice.of("a", "b"));
        assertThat(PriorityChoice.of("a", "b")).isNotEqualTo(PriorityChoice.of("b", "a"));
    }

    @Test
    void rejectsNoOptionsAndDuplicates() {
        assertThatIllegalArgumentException().isThrownBy(() -> PriorityChoice.of(List.of()))
                .withMessageContaining("a priority choice needs at least one option");
        assertThatIllegalArgumentException().isThrownBy(() -> PriorityChoice.of("a", "a"))
                .withMessageContaining("must be distinct");
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(PriorityChoice.of("adam", "sgd")).hasToString("prioritychoice(\"adam\", \"sgd\")");
    }
}
