package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Uniform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrozenTrialTest {

    @Test
    void trialsThatDrewTheSameKnobsShareTheirNamesAndDistributions() {
        // names and distributions equal but not the same objects, as a journal or database reads them
        FrozenTrial first = trial(0, drawn(new String("com.acme.A.x"), Uniform.of(0, 1), 0.25,
                new String("com.acme.A.n"), IntUniform.of(1, 8), 3));
        FrozenTrial second = trial(1, drawn(new String("com.acme.A.x"), Uniform.of(0, 1), 0.5,
                new String("com.acme.A.n"), IntUniform.of(1, 8), 5));

        List<String> firstNames = new ArrayList<>(first.suggestions().keySet());
        List<String> secondNames = new ArrayList<>(second.suggestions().keySet());
        assertThat(secondNames.get(0)).isSameAs(firstNames.get(0));
        assertThat(secondNames.get(1)).isSameAs(firstNames.get(1));
        assertThat(second.suggestions().get("com.acme.A.x").distribution())
                .isSameAs(first.suggestions().get("com.acme.A.x").distribution());
        assertThat(second.suggestions().get("com.acme.A.n").internal()).isEqualTo(5);
    }

    @Test
    void knobsDrawnInAnotherOrderOrFromAnotherRangeAreOtherKnobs() {
        FrozenTrial xn = trial(0, drawn("x", Uniform.of(0, 1), 0.25, "n", IntUniform.of(1, 8), 3));
        FrozenTrial nx = trial(1, drawn("n", IntUniform.of(1, 8), 3, "x", Uniform.of(0, 1), 0.25));
        FrozenTrial wider = trial(2, drawn("x", Uniform.of(0, 2), 0.25, "n", IntUniform.of(1, 8), 3));

        assertThat(nx.suggestions().keySet()).containsExactly("n", "x");
        assertThat(xn.suggestions().keySet()).containsExactly("x", "n");
        assertThat(wider.suggestions().get("x").distribution()).isEqualTo(Uniform.of(0, 2));
        assertThat(xn.suggestions()).isEqualTo(nx.suggestions()).isNotEqualTo(wider.suggestions());
    }

    @ParameterizedTest(name = "{0} knobs")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 12})
    void suggestionsReadAsTheMapTheyWereGiven(int knobs) {
        Map<String, Suggestion> given = new LinkedHashMap<>();
        for (int i = knobs - 1; i >= 0; i--) {
            Distribution distribution = i % 3 == 0 ? LogUniform.of(1e-4, 1) : i % 3 == 1 ? Choice.of("a", "b") : Uniform.of(-1, 1);
            given.put("knob" + i, new Suggestion(distribution, i % 3 == 1 ? i % 2 : -0.5 + i / 100.0));
        }

        Map<String, Suggestion> kept = trial(0, given).suggestions();

        assertThat(kept).isEqualTo(given).hasSameHashCodeAs(given).hasToString(given.toString());
        assertThat(given).isEqualTo(kept);
        assertThat(kept.keySet()).containsExactlyElementsOf(given.keySet());
        assertThat(kept.values()).containsExactlyElementsOf(given.values());
        assertThat(kept.entrySet()).containsExactlyElementsOf(given.entrySet());
        given.forEach((name, suggestion) -> assertThat(kept.get(name)).isEqualTo(suggestion));
        assertThat(kept.get("absent")).isNull();
        assertThat(kept.containsKey("absent")).isFalse();
        assertThat(trial(0, given)).isEqualTo(trial(0, given));
        assertThatThrownBy(() -> kept.put("other", new Suggestion(Uniform.of(0, 1), 0)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("copy them into a map of your own");
    }

    private static Map<String, Suggestion> drawn(String name, Distribution distribution, double internal,
            String otherName, Distribution other, double otherInternal) {
        Map<String, Suggestion> drawn = new LinkedHashMap<>();
        drawn.put(name, new Suggestion(distribution, internal));
        drawn.put(otherName, new Suggestion(other, otherInternal));
        return drawn;
    }

    private static FrozenTrial trial(int number, Map<String, Suggestion> suggestions) {
        return new FrozenTrial(number, TrialState.COMPLETE, OptionalDouble.of(1), suggestions, Optional.empty(),
                Instant.EPOCH, Optional.of(Instant.EPOCH));
    }
}
