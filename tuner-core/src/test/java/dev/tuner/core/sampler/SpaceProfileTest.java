package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SpaceProfileTest {

    private static FrozenTrial trial(int number, TrialState state, Map<String, Suggestion> knobs) {
        return new FrozenTrial(number, state, state == TrialState.COMPLETE ? OptionalDouble.of(1) : OptionalDouble.empty(),
                knobs, Optional.empty(), Instant.EPOCH, Optional.empty());
    }

    private static final Map<String, Suggestion> XY = Map.of("x", new Suggestion(Uniform.of(0, 1), 0.5),
            "y", new Suggestion(Uniform.of(0, 1), 0.5));

    @Test
    void aScanOfAGrowingHistoryAgreesWithAFullReadWhileATrialInTheMiddleRuns() {
        SpaceProfile.Scan scan = new SpaceProfile.Scan();
        List<FrozenTrial> trials = new ArrayList<>();
        trials.add(trial(0, TrialState.COMPLETE, XY));
        trials.add(trial(1, TrialState.RUNNING, Map.of()));
        trials.add(trial(2, TrialState.FAIL, Map.of()));
        trials.add(trial(3, TrialState.COMPLETE, XY));
        assertThat(scan.of(trials)).isEqualTo(SpaceProfile.of(trials));
        assertThat(scan.of(trials).finished()).isEqualTo(2);

        // the running trial finishes holding another knob: the space turns out conditional
        trials.set(1, trial(1, TrialState.COMPLETE, Map.of("z", new Suggestion(Normal.of(0, 1), 0.0))));
        trials.add(trial(4, TrialState.PRUNED, XY));

        SpaceProfile profile = scan.of(trials);
        assertThat(profile).isEqualTo(SpaceProfile.of(trials));
        assertThat(profile.finished()).isEqualTo(4);
        assertThat(profile.flat()).isFalse();
        assertThat(profile.whyNotFlat()).isEqualTo("a conditional space: trial #1 holds other knobs than the trials before");
    }

    @Test
    void aFlatSpaceOfRangesAndChoicesIsFlat() {
        SpaceProfile profile = SpaceProfile.of(List.of(trial(0, TrialState.COMPLETE, XY), trial(1, TrialState.COMPLETE, XY)));

        assertThat(profile.flat()).isTrue();
        assertThat(profile.knobs()).isEqualTo(2);
    }
}
