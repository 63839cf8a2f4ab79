package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Scale;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrialFormatTest {

    private static final Instant START = Instant.parse("2026-11-22T10:15:30Z");

    private static FrozenTrial trial(int number, TrialState state, OptionalDouble value, Map<String, Suggestion> suggestions) {
        Optional<TrialFailure> failure = state == TrialState.FAIL
                ? Optional.of(new TrialFailure("java.lang.IllegalStateException", "boom", ""))
                : Optional.empty();
        return new FrozenTrial(number, state, value, suggestions, failure, START,
                state.isFinished() ? Optional.of(START.plusSeconds(1)) : Optional.empty());
    }

    private static Map<String, Suggestion> x(double x) {
        return Map.of("com.acme.Quad.quad1.x", new Suggestion(Uniform.of(-10, 10), x));
    }

    @Test
    void describesACompleteTrial() {
        FrozenTrial trial = trial(3, TrialState.COMPLETE, OptionalDouble.of(0.75), x(0.5));

        assertThat(TrialFormat.describe(trial)).isEqualTo("#3 x=0.5 → 0.75");
    }

    @Test
    void describesAFailedTrial() {
        FrozenTrial trial = trial(3, TrialState.FAIL, OptionalDouble.empty(), x(0.5));

        assertThat(TrialFormat.describe(trial)).isEqualTo("#3 x=0.5 → fail");
    }

    @Test
    void describesARunningTrial() {
        FrozenTrial trial = trial(0, TrialState.RUNNING, OptionalDouble.empty(), Map.of());

        assertThat(TrialFormat.describe(trial)).isEqualTo("#0 → running");
    }

    @Test
    void atStartTheDefaultPatternNamesTheNumberAndTheKnobsDrawnSoFar() {
        TrialFormat start = TrialFormat.of(TrialFormat.DEFAULT_PATTERN).atStart();

        assertThat(start.format(3, Map.of("com.acme.Quad.quad1.x", 0.5))).isEqualTo("#3 x=0.5");
        assertThat(start.format(3, Map.of())).isEqualTo("#3");
    }

    @Test
    void atStartTheValueAndStateAreDroppedWithTheTextLeadingUpToThem() {
        Map<String, Object> x = Map.of("com.acme.Quad.quad1.x", 0.5);

        assertThat(TrialFormat.of("trial {number}: {value} with {params}").atStart().format(3, x))
                .isEqualTo("trial 3 with x=0.5");
        assertThat(TrialFormat.of("{number} / {state} {params}").atStart().format(3, x)).isEqualTo("3 x=0.5");
    }

    @Test
    void atStartAPatternOfTheOutcomeAloneNamesTheTrialByItsNumber() {
        assertThat(TrialFormat.of("{value}").atStart().format(3, Map.of())).isEqualTo("#3");
        assertThat(TrialFormat.of("result: {value} {state}").atStart().format(3, Map.of())).isEqualTo("#3");
    }

    @Test
    void aRunningTrialsValueAndStateReadRunning() {
        assertThat(TrialFormat.of("#{number} {params} → {value} {state}").format(3, Map.of("a.b", 2)))
                .isEqualTo("#3 b=2 → running running");
    }

    @Test
    void describesEveryKnobInReadingOrderByItsShortName() {
        Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        suggestions.put("com.acme.Net.train.lr", new Suggestion(LogUniform.of(1e-5, 1), 3.2e-5));
        suggestions.put("com.acme.Net.train.layers", new Suggestion(IntUniform.of(1, 8), 4));
        suggestions.put("com.acme.Net.train.act", new Suggestion(Choice.of("relu", "tanh"), 1));
        suggestions.put("com.acme.Net.train.scale", new Suggestion(Choice.of(List.of(Scale.values())), 1));
        FrozenTrial trial = trial(17, TrialState.COMPLETE, OptionalDouble.of(0.93125), suggestions);

        assertThat(TrialFormat.describe(trial)).isEqualTo("#17 lr=3.2e-05 layers=4 act=tanh scale=LOG → 0.9313");
    }

    @Test
    void shortNamesAreTheLastPartOfTheFullName() {
        assertThat(TrialFormat.shortName("com.acme.Quad$Inner.quad1.x")).isEqualTo("x");
        assertThat(TrialFormat.shortName("lr")).isEqualTo("lr");
    }

    @Test
    void aPatternLaysOutTheSameParts() {
        FrozenTrial trial = trial(7, TrialState.COMPLETE, OptionalDouble.of(0.75), x(0.5));

        assertThat(TrialFormat.of("trial {number}: {value} ({state}) with {params}").format(trial))
                .isEqualTo("trial 7: 0.75 (complete) with x=0.5");
        assertThat(TrialFormat.of("{number} {params} {value}").format(trial(0, TrialState.RUNNING,
                OptionalDouble.empty(), Map.of()))).isEqualTo("0 running");
    }

    @Test
    void anUnknownPlaceholderIsNamedWithTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TrialFormat.requireValid("#{number} {loss}"))
                .withMessageContaining("{loss}")
                .withMessageContaining("{number}, {params}, {value} and {state}");
    }

    @Test
    void aFormatIsMadeOnlyOfAValidPatternAndNamesEachTrialWithItsNumberOrAnother() {
        FrozenTrial trial = trial(7, TrialState.COMPLETE, OptionalDouble.of(0.75), x(0.5));
        TrialFormat names = TrialFormat.of("{number} {value}");

        assertThat(names.format(trial)).isEqualTo("7 0.75");
        assertThat(names.format(trial, 3)).as("the number the trial has in its study").isEqualTo("3 0.75");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TrialFormat.of("#{number} {loss}"))
                .withMessageContaining("{loss}");
    }

    @Test
    void longValuesAreAbbreviated() {
        Map<String, Suggestion> longChoice = Map.of("a.b.model",
                new Suggestion(Choice.of("a-very-long-option-name-that-fills-the-line", "short"), 0));
        FrozenTrial trial = trial(1, TrialState.COMPLETE, OptionalDouble.of(1), longChoice);

        assertThat(TrialFormat.describe(trial)).isEqualTo("#1 model=a-very-long-option-name… → 1");
    }

    private static FrozenTrial told(int number, double[] values, Map<String, Double> constraints) {
        return new FrozenTrial(number, TrialState.COMPLETE, TrialResult.of(values, constraints), x(0.5), Optional.empty(),
                START, Optional.of(START.plusSeconds(1)), java.util.Collections.emptySortedMap(), Map.of());
    }

    @Test
    void namedObjectivesShowEachValueByNameAndBrokenConstraintsSayWhich() {
        TrialFormat format = TrialFormat.of(TrialFormat.DEFAULT_PATTERN)
                .withObjectives(List.of("accuracy", "latencyMs"), Map.of("latencyMs", "latencyMs > 20"));

        assertThat(format.format(told(17, new double[] {0.961, 12.4}, Map.of("latencyMs", -7.6))))
                .isEqualTo("#17 x=0.5 → accuracy 0.961, latencyMs 12.4");
        assertThat(format.format(told(18, new double[] {0.97, 24.5}, Map.of("latencyMs", 4.5))))
                .isEqualTo("#18 x=0.5 → accuracy 0.97, latencyMs 24.5 ✗ latencyMs > 20");
        assertThat(format.format(told(19, new double[] {0.9, 3}, Map.of("size", 2.0))))
                .as("a constraint recorded by trial.constrain, bound 0").isEqualTo("#19 x=0.5 → accuracy 0.9, latencyMs 3 ✗ size > 0");
        assertThat(format.atStart().format(20, Map.of("com.acme.Quad.quad1.x", 0.5))).isEqualTo("#20 x=0.5");
    }

    @Test
    void oneObjectiveNamedByDefaultStaysBareAndSaysOnlyWhatItBreaks() {
        TrialFormat format = TrialFormat.of(TrialFormat.DEFAULT_PATTERN).withObjectives(List.of("value"), Map.of());

        assertThat(format.format(trial(3, TrialState.COMPLETE, OptionalDouble.of(0.75), x(0.5)))).isEqualTo("#3 x=0.5 → 0.75");
        assertThat(format.format(told(4, new double[] {0.75}, Map.of("size", 1.0)))).isEqualTo("#4 x=0.5 → 0.75 ✗ size > 0");
        assertThat(TrialFormat.describe(told(5, new double[] {0.5, 2}, Map.of()))).isEqualTo("#5 x=0.5 → 0.5, 2");
    }
}
