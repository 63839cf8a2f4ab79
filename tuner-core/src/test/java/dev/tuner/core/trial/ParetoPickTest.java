package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Picking one trial of a Pareto set: the best on one objective, or the knee. */
class ParetoPickTest {

    private static final List<String> NAMES = List.of("accuracy", "latency");
    private static final List<Direction> DIRECTIONS = List.of(Direction.MAXIMIZE, Direction.MINIMIZE);

    private static FrozenTrial trial(int number, double... values) {
        return new FrozenTrial(number, TrialState.COMPLETE, TrialResult.of(values, Map.of()), Map.of(), Optional.empty(),
                Instant.EPOCH, Optional.of(Instant.EPOCH), java.util.Collections.emptySortedMap(), Map.of());
    }

    // a front of (accuracy, latency): the knee is #2, where accuracy stops coming cheap
    private static final List<FrozenTrial> FRONT = List.of(trial(0, 0.50, 1), trial(1, 0.80, 2), trial(2, 0.90, 3),
            trial(3, 0.92, 8), trial(4, 0.93, 20));

    @Test
    void theKneeIsTheSmallestSumOfValuesScaledOverTheFront() {
        // scaled: #0 (1, 0) #1 (0.302, 0.053) #2 (0.070, 0.105) #3 (0.023, 0.368) #4 (0, 1)
        assertThat(ParetoPick.parse("knee", NAMES).pick(FRONT, DIRECTIONS)).map(FrozenTrial::number).hasValue(2);
        assertThat(ParetoPick.parse("", NAMES).describe()).isEqualTo("knee");
    }

    @Test
    void aPickOnOneObjectiveTakesTheBestOnItTheEarliestOfEquals() {
        assertThat(ParetoPick.parse("accuracy", NAMES).pick(FRONT, DIRECTIONS)).map(FrozenTrial::number).hasValue(4);
        assertThat(ParetoPick.parse("latency", NAMES).pick(FRONT, DIRECTIONS)).map(FrozenTrial::number).hasValue(0);
        assertThat(ParetoPick.parse("latency", NAMES).describe()).isEqualTo("best latency");
        assertThat(ParetoPick.parse("accuracy", NAMES).pick(List.of(trial(5, 0.9, 2), trial(6, 0.9, 2)), DIRECTIONS))
                .map(FrozenTrial::number).hasValue(5);
    }

    @Test
    void aFrontOfOneIsItsOwnKneeAndAnEmptyFrontPicksNothing() {
        assertThat(ParetoPick.parse("knee", NAMES).pick(List.of(trial(7, 0.5, 5)), DIRECTIONS)).map(FrozenTrial::number).hasValue(7);
        assertThat(ParetoPick.parse("knee", NAMES).pick(List.of(), DIRECTIONS)).isEmpty();
    }

    @Test
    void aRuleNamingNoObjectiveIsRefusedWithTheChoices() {
        assertThatIllegalArgumentException().isThrownBy(() -> ParetoPick.parse("speed", NAMES))
                .withMessage("pick \"speed\" names no objective; give \"knee\" or the name of an objective to be best on"
                        + " within the constraints: one of \"accuracy\", \"latency\"");
    }
}
