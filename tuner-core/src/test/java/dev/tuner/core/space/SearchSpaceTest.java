package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private final SearchSpace space = SearchSpace.builder()
            .add("x", Uniform.of(-10, 10))
            .add("lr", LogUniform.of(1e-4, 1))
            .add("shift", Normal.of(0, 2))
            .add("scale", LogNormal.of(0, 2).clipped(1e-4, 1e4))
            .add("layers", IntUniform.of(1, 8))
            .add("shuffle", Bool.of())
            .add("activation", Choice.of("relu", "tanh", "elu"))
            .add("optimizer", PriorityChoice.of("adam", "sgd", "rmsprop", "adagrad"))
            .add("kernel", Fixed.of("rbf"))
            .add("cache", new PowersOfTwo(10))
            .build();

    private final Map<String, Object> best = Map.of("x", 5.0, "lr", 1e-2, "shift", 4.0, "scale", 100.0, "layers", 4L,
            "shuffle", true, "activation", "tanh", "optimizer", "rmsprop", "kernel", "rbf", "cache", 64L);

    @Test
    void narrowingAppliesEachDistributionsOwnRule() {
        SearchSpace narrowed = space.narrow(best, 0.5);

        assertThat(narrowed.distributions()).containsExactly(
                entry("x", Uniform.of(-2.5, 7.5)),
                entry("lr", narrowed.get("lr").orElseThrow()),
                entry("shift", Normal.of(2, 1)),
                entry("scale", narrowed.get("scale").orElseThrow()),
                entry("layers", IntUniform.of(3, 6)),
                entry("shuffle", Fixed.of(true)),
                entry("activation", Fixed.of("tanh")),
                entry("optimizer", PriorityChoice.of("rmsprop", "adam")),
                entry("kernel", Fixed.of("rbf")),
                entry("cache", new PowersOfTwo(10)));
        assertThat(narrowed.get("lr").orElseThrow()).isInstanceOf(LogUniform.class);
        assertThat(narrowed.get("scale").orElseThrow()).isInstanceOf(LogNormal.class);
        assertThat(narrowed.isNarrowed()).isTrue();
    }

    @Test
    void unnarrowRestoresTheOriginalHoweverOftenItWasNarrowed() {
        SearchSpace once = space.narrow(best, 0.5);
        SearchSpace twice = once.narrow(best, 0.5);

        assertThat(once.unnarrow()).isEqualTo(space);
        assertThat(twice.unnarrow()).isEqualTo(space).isSameAs(space);
        assertThat(twice.get("x")).contains(Uniform.of(1.25, 6.25));
        assertThat(space.unnarrow()).isSameAs(space);
        assertThat(space.isNarrowed()).isFalse();
    }

    @Test
    void keepingEverythingChangesOnlyThePriorityOrder() {
        SearchSpace narrowed = space.narrow(best, 1);

        space.names().stream().filter(name -> !name.equals("optimizer"))
                .forEach(name -> assertThat(narrowed.get(name)).as(name).isEqualTo(space.get(name)));
        assertThat(narrowed.get("optimizer")).contains(PriorityChoice.of("rmsprop", "adam", "sgd", "adagrad"));
    }

    @Test
    void knobsMissingFromTheGuessStayAsTheyAre() {
        SearchSpace narrowed = space.narrow(Map.of("x", 0.0), 0.5);

        assertThat(narrowed.get("x")).contains(Uniform.of(-5, 5));
        assertThat(narrowed.get("activation")).isEqualTo(space.get("activation"));
    }

    @Test
    void rejectsAGuessForUnknownKnobs() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> space.narrow(Map.of("y", 1.0, "x", 0.0), 0.5))
                .withMessageContaining("names knobs [y] that the space")
                .withMessageContaining("narrow with the parameters of a trial of this space");
    }

    @Test
    void rejectsAGuessOutsideItsDistribution() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> space.narrow(Map.of("x", 11.0), 0.5))
                .withMessageContaining("the best guess for knob 'x' does not fit: 11.0 lies outside uniform(-10, 10)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> space.narrow(Map.of("activation", "gelu"), 0.5))
                .withMessageContaining("gelu is not one of the options");
    }

    @Test
    void rejectsARatioOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> space.narrow(best, 0))
                .withMessageContaining("the kept ratio must lie in (0, 1], but it is 0.0");
    }

    @Test
    void keepsTheOrderOfItsKnobs() {
        Map<String, Distribution> knobs = new LinkedHashMap<>();
        knobs.put("b", Bool.of());
        knobs.put("a", Uniform.of(0, 1));

        assertThat(SearchSpace.of(knobs).names()).containsExactly("b", "a");
        assertThat(SearchSpace.of(knobs)).hasToString("{b=bool(), a=uniform(0, 1)}");
    }

    @Test
    void rejectsADuplicateOrBlankName() {
        assertThatIllegalArgumentException().isThrownBy(() -> SearchSpace.builder().add("a", Bool.of()).add("a", Bool.of()))
                .withMessageContaining("knob 'a' is already in the space as bool()");
        assertThatIllegalArgumentException().isThrownBy(() -> SearchSpace.builder().add(" ", Bool.of()))
                .withMessageContaining("a knob needs a name");
    }

    @Test
    void isImmutable() {
        assertThat(space.distributions()).isUnmodifiable();
    }
}
