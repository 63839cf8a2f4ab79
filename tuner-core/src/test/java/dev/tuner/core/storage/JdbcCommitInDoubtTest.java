package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write whose commit went unanswered, because the connection broke as it committed, is done
 * once: the storage looks on a new connection whether it took effect before it does it again. On
 * a real PostgreSQL server (see {@link TestDatabase}), whose connections a {@link Gate} cuts.
 */
// in a thread of its own: a start that waits for a lock for ever fails the test rather than hang the build
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdbcCommitInDoubtTest {

    /** A heartbeat that never comes during a test, so that no commit but the test's is cut. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final Gate gate = new Gate();
    private JdbcStorage storage;

    @BeforeEach
    void open() {
        storage = TestDatabase.shared().newSchema().heartbeat(NEVER, NEVER.multipliedBy(2)).connector(gate).open();
        storage.createStudy("s", Direction.MINIMIZE);
    }

    @AfterEach
    void close() throws SQLException {
        gate.release(); // first: a start waiting for a connection the gate abandoned can then end
        if (storage != null) {
            storage.close();
        }
    }

    @AfterAll
    static void dropSchemas() {
        TestDatabase.shared().dropSchemas();
    }

    @Test
    void aStartWhoseAnswerWasLostStartsOneTrial() {
        gate.cutAtCommitOf("next_number", Gate.Cut.ANSWER_LOST);
        int number = storage.createTrial("s");

        assertThat(gate.cutDone()).isTrue();
        assertThat(storage.trials("s")).singleElement().satisfies(trial -> {
            assertThat(trial.number()).isEqualTo(number);
            assertThat(trial.state()).isEqualTo(TrialState.RUNNING);
        });
        assertThat(storage.createTrial("s")).isEqualTo(number + 1);
    }

    @Test
    void aStartWithinTheBudgetWhoseAnswerWasLostStartsOneTrial() {
        gate.cutAtCommitOf("next_number", Gate.Cut.ANSWER_LOST);
        OptionalInt number = storage.createTrialWithinBudget("s", 5, EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE));

        assertThat(gate.cutDone()).isTrue();
        assertThat(number).hasValue(0);
        assertThat(storage.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void aClaimOfAWaitingTrialWhoseAnswerWasLostRunsItOnceWithItsValues() {
        int waiting = storage.enqueueTrial("s", Map.of("x", "0.5"));
        gate.cutAtCommitOf("SET state = 'RUNNING'", Gate.Cut.ANSWER_LOST);
        StartedTrial started = storage.startTrial("s");

        assertThat(gate.cutDone()).isTrue();
        assertThat(started).isEqualTo(new StartedTrial(waiting, Map.of("x", "0.5")));
        assertThat(storage.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void aFinishWhoseAnswerWasLostIsNoError() {
        int number = storage.createTrial("s");
        gate.cutAtCommitOf("SET state = ?", Gate.Cut.ANSWER_LOST);
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(0.25), null);

        assertThat(gate.cutDone()).isTrue();
        FrozenTrial finished = storage.trial("s", number);
        assertThat(finished.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(finished.value()).hasValue(0.25);
    }

    @Test
    void aFailureWhoseAnswerWasLostIsNoError() {
        int number = storage.createTrial("s");
        TrialFailure failure = TrialFailure.of(new IllegalStateException("diverged"));
        gate.cutAtCommitOf("SET state = ?", Gate.Cut.ANSWER_LOST);
        storage.finishTrial("s", number, TrialState.FAIL, OptionalDouble.empty(), failure);

        assertThat(gate.cutDone()).isTrue();
        assertThat(storage.trial("s", number).failure()).hasValue(failure);
    }

    @Test
    void anEnqueueWhoseAnswerWasLostEnqueuesOneTrial() {
        gate.cutAtCommitOf("'WAITING'", Gate.Cut.ANSWER_LOST);
        int number = storage.enqueueTrial("s", Map.of("x", "0.5"));

        assertThat(gate.cutDone()).isTrue();
        assertThat(storage.trials("s")).singleElement().satisfies(trial -> {
            assertThat(trial.number()).isEqualTo(number);
            assertThat(trial.state()).isEqualTo(TrialState.WAITING);
        });
    }

    @Test
    void aRetryWhoseAnswerWasLostIsEnqueuedOnceAndItsNumberReturned() {
        int failed = storage.createTrial("s");
        storage.finishTrial("s", failed, TrialState.FAIL, OptionalDouble.empty(), WorkerDiedException.failure("test"));
        gate.cutAtCommitOf("'WAITING'", Gate.Cut.ANSWER_LOST);
        OptionalInt retry = storage.enqueueRetry("s", failed, Map.of("x", "0.5"));

        assertThat(gate.cutDone()).isTrue();
        assertThat(retry).hasValue(failed + 1);
        assertThat(storage.trials("s")).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.WAITING);
    }

    @Test
    void anAddWhoseAnswerWasLostAddsTheTrialOnceAndANeverSentOneIsDoneAgain() {
        Instant started = Instant.parse("2025-03-01T10:15:30.5Z");
        FrozenTrial elsewhere = new FrozenTrial(9, TrialState.COMPLETE, TrialResult.of(0.25),
                Map.of("x", new Suggestion(Uniform.of(0, 1), 0.5)), Optional.empty(), started,
                Optional.of(started.plusSeconds(1)), new TreeMap<>(Map.of(0, 1.0)), Map.of(), Optional.empty());

        gate.cutAtCommitOf("started, finished, worker, changed", Gate.Cut.ANSWER_LOST);
        int first = storage.addTrial("s", elsewhere);
        assertThat(gate.cutDone()).isTrue();
        gate.cutAtCommitOf("started, finished, worker, changed", Gate.Cut.NEVER_SENT);
        int second = storage.addTrial("s", elsewhere);
        assertThat(gate.cutDone()).isTrue();

        assertThat(List.of(first, second)).containsExactly(0, 1);
        assertThat(storage.trials("s")).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.params()).containsExactly(Map.entry("x", 0.5));
            assertThat(trial.intermediateValues()).containsExactly(Map.entry(0, 1.0));
            assertThat(trial.started()).isEqualTo(started);
        });
    }

    @Test
    void aStartWhoseCommitNeverReachedTheServerIsDoneAgain() {
        gate.cutAtCommitOf("next_number", Gate.Cut.NEVER_SENT);
        int number = storage.createTrial("s");

        assertThat(gate.cutDone()).isTrue();
        assertThat(number).isZero();
        assertThat(storage.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void aStartWhoseClientGaveUpIsSettledOnTheServerBeforeItIsDoneAgain() {
        // as after a socket timeout: the server's process still holds the transaction, and the lock
        // on the study's counter, which a second start would wait for for ever
        gate.cutAtCommitOf("next_number", Gate.Cut.ABANDONED);
        int number = storage.createTrial("s");

        assertThat(gate.cutDone()).isTrue();
        assertThat(number).isZero();
        assertThat(storage.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.RUNNING);
    }
}
