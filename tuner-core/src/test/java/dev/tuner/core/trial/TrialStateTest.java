package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrialStateTest {

    @Test
    void onlyCompletePrunedAndFailAreFinished() {
        assertThat(Stream.of(TrialState.values()).filter(TrialState::isFinished).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL));
    }
}
