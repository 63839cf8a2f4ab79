package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.io.IOError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Whatever an objective throws is a failed trial with its reason; only what the JVM cannot go on from ends the study. */
class ThrowingObjectiveTest {

    private final Study study = Studies.inMemory("s", 1);

    /** An objective whose trial #1 throws what {@code thrown} makes, and whose other trials return x. */
    private static Objective throwingOnTrial1(Supplier<Throwable> thrown) {
        return trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            if (trial.number() == 1) {
                Throwable error = thrown.get();
                if (error instanceof Error e) {
                    throw e;
                }
                throw (Exception) error;
            }
            return x;
        };
    }

    @Test
    void anyErrorButAFatalOneFailsItsTrialAndTheStudyGoesOn() {
        for (Supplier<Throwable> thrown : List.<Supplier<Throwable>>of(() -> new Error("x"),
                () -> new IOError(new IOException("disk")), () -> new InternalError("jit"),
                () -> new NoClassDefFoundError("com/acme/Gone"), StackOverflowError::new)) {
            Study fresh = Studies.inMemory("s", 1);
            Throwable expected = thrown.get();

            fresh.optimize(throwingOnTrial1(thrown), 3);

            List<FrozenTrial> trials = fresh.trials();
            assertThat(trials).extracting(FrozenTrial::state)
                    .as("after %s", expected)
                    .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE);
            assertThat(trials.get(1).failure().orElseThrow().describe()).contains(expected.getClass().getName());
        }
    }

    @Test
    void outOfMemoryEndsTheStudyNamingTheTrialWhichIsRecordedFailed() {
        assertThatThrownBy(() -> study.optimize(throwingOnTrial1(() -> new OutOfMemoryError("Java heap space")), 3))
                .isInstanceOf(StudyAbortedError.class)
                .hasMessageContaining("study 's' stopped: trial #1 threw java.lang.OutOfMemoryError: Java heap space")
                .hasMessageContaining("tuner.arg.line=-Xmx4g")
                .hasCauseInstanceOf(OutOfMemoryError.class);

        assertThat(study.trials()).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.FAIL);
    }

    @Test
    void aWatchedTrialIsTreatedAlike() {
        OptimizeSettings watched = OptimizeSettings.builder().budget(3).trialTimeout(Duration.ofMinutes(5)).build();

        study.optimize(throwingOnTrial1(() -> new Error("x")), watched);
        assertThat(study.trials()).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE);

        Study other = Studies.inMemory("o", 1);
        assertThatThrownBy(() -> other.optimize(throwingOnTrial1(() -> new OutOfMemoryError("heap")), watched))
                .isInstanceOf(StudyAbortedError.class)
                .hasMessageContaining("trial #1 threw java.lang.OutOfMemoryError: heap");
        assertThat(other.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.FAIL);
    }
}
