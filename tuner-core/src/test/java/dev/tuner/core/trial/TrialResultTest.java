package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrialResultTest {

    @Test
    void oneValueReadsAsTheOptionalDoubleItStandsFor() {
        TrialResult one = TrialResult.of(OptionalDouble.of(2.5));

        assertThat(one.value()).hasValue(2.5);
        assertThat(one.values()).containsExactly(2.5);
        assertThat(one.constraints()).isEmpty();
        assertThat(one.isFeasible()).isTrue();
        assertThat(one).isEqualTo(TrialResult.of(new double[] {2.5}, Map.of())).hasSameHashCodeAs(TrialResult.of(2.5));
        assertThat(TrialResult.of(OptionalDouble.empty())).isSameAs(TrialResult.none());
        assertThat(TrialResult.none().value()).isEmpty();
    }

    @Test
    void severalValuesHaveNoOneValue() {
        TrialResult two = TrialResult.of(new double[] {0.9, 12}, Map.of());

        assertThat(two.values()).containsExactly(0.9, 12.0);
        assertThatIllegalStateException().isThrownBy(two::value).withMessageContaining("read values()");
        assertThat(two).hasToString("[0.9, 12.0]");
    }

    @Test
    void aTrialIsFeasibleWhenEveryConstraintIsAtMostZero() {
        assertThat(TrialResult.of(new double[] {1}, Map.of("a", 0.0, "b", -3.0)).isFeasible()).isTrue();
        assertThat(TrialResult.of(new double[] {1}, Map.of("a", 0.0, "b", 1e-12)).isFeasible()).isFalse();
        assertThat(TrialResult.of(new double[0], Map.of("a", Double.POSITIVE_INFINITY)).isFeasible()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> TrialResult.of(new double[0], Map.of("a", Double.NaN)))
                .withMessageContaining("constraint 'a' is NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> TrialResult.of(new double[0], Map.of("", 1.0)))
                .withMessageContaining("non-blank name");
    }

    @Test
    void theValuesAreCopied() {
        double[] values = {1, 2};
        TrialResult result = TrialResult.of(values, Map.of());
        values[0] = 9;

        assertThat(result.values()).containsExactly(1.0, 2.0);
    }

    @Test
    void aFrozenTrialOfOneValueIsBuiltAndReadAsBefore() {
        FrozenTrial trial = new FrozenTrial(3, TrialState.COMPLETE, OptionalDouble.of(1.5), Map.of(), Optional.empty(),
                Instant.EPOCH, Optional.of(Instant.EPOCH));

        assertThat(trial.value()).hasValue(1.5);
        assertThat(trial.values()).containsExactly(1.5);
        assertThat(trial.result()).isEqualTo(TrialResult.of(1.5));
        assertThat(trial.isFeasible()).isTrue();
        FrozenTrial constrained = new FrozenTrial(4, TrialState.COMPLETE,
                TrialResult.of(new double[] {1.5}, Map.of("latency", 2.0)), Map.of(), Optional.empty(), Instant.EPOCH,
                Optional.of(Instant.EPOCH), java.util.Collections.emptySortedMap(), Map.of());
        assertThat(constrained.value()).hasValue(1.5);
        assertThat(constrained.constraints()).containsExactly(entry("latency", 2.0));
        assertThat(constrained.isFeasible()).isFalse();
    }
}
