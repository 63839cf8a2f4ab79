package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four worker processes ({@link BudgetWorkerMain}) share one study and its budget, through one
 * journal file and through PostgreSQL; one of them is killed mid-trial and the others finish the
 * budget without it. The study starts with trials enqueued, which the workers claim, each once.
 *
 * <p>No worker is taken for dead by the clock: a journal sees that the killed worker's process is
 * gone, and on PostgreSQL the live workers allow a grace period of 30 s, which no pause of a busy
 * machine comes near, while the test ages the dead worker's heartbeat itself (see {@link
 * BudgetWorkerMain}) instead of waiting for the grace period. How long the heartbeat rule waits is
 * JdbcStorageTest's to test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a safety net: a run takes seconds, or up to 30 more on a server just started
class WorkersTest {

    private static final int WORKERS = 4;
    private static final int BUDGET = 40;
    private static final int ENQUEUED = 10;

    @TempDir
    Path folder;

    @Test
    void workersSharingAJournalSpendTheBudgetExactlyThoughOneIsKilled() throws Exception {
        String spec = "journal:" + folder.resolve("workers.jsonl");
        try (Storage storage = Storages.open(spec)) {
            enqueue(storage);
        }

        runWorkers(spec, killedTrial -> {});

        try (Storage storage = Storages.open(spec)) {
            check(storage.trials("workers"));
        }
    }

    @Test
    void workersSharingPostgresqlSpendTheBudgetExactlyThoughOneIsKilled() throws Exception {
        String url = TestDatabase.shared().newSchemaUrl();
        try {
            try (Storage storage = TestDatabase.storage(url).open()) {
                enqueue(storage);
            }
            runWorkers(url, killedTrial -> ageHeartbeat(url, killedTrial));

            try (Storage storage = TestDatabase.storage(url).open()) {
                check(storage.trials("workers"));
            }
        } finally {
            TestDatabase.shared().dropSchemas();
        }
    }

    private static void enqueue(Storage storage) {
        storage.createStudy("workers", Direction.MINIMIZE);
        for (int i = 0; i < ENQUEUED; i++) {
            storage.enqueueTrial("workers", Map.of("i", String.valueOf(i)));
        }
    }

    /**
     * Runs the workers, the first of which is killed in its first trial; {@code afterKill} gets that
     * trial's number once the worker is dead, while the others run.
     */
    private void runWorkers(String spec, IntConsumer afterKill) throws Exception {
        Path go = folder.resolve("go");
        Process doomed = worker(spec, 1);
        List<Process> others = new ArrayList<>();
        for (int i = 1; i < WORKERS; i++) {
            others.add(worker(spec, 0, go.toString()));
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
            String asked = lines.readLine();
            assertThat(asked).as("the doomed worker's first trial, which would take a minute").startsWith("ASKED ");
            Files.createFile(go); // the others start
            doomed.destroyForcibly(); // SIGKILL in the middle of its trial
            assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            afterKill.accept(Integer.parseInt(asked.substring("ASKED ".length())));
        }
        for (Process worker : others) {
            assertThat(worker.waitFor(45, TimeUnit.SECONDS)).as("a surviving worker finished: nothing stalled").isTrue();
            assertThat(new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).endsWith("DONE\n");
            assertThat(worker.exitValue()).isZero();
        }
    }

    private static void check(List<FrozenTrial> trials) {
        assertThat(trials).filteredOn(trial -> trial.state() == TrialState.COMPLETE).hasSize(BUDGET);
        assertThat(trials).filteredOn(trial -> trial.state() == TrialState.FAIL).singleElement()
                .satisfies(killed -> assertThat(killed.failure().orElseThrow().message()).startsWith("worker died"));
        assertThat(trials).hasSize(BUDGET + 1).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, BUDGET).boxed().toList());
        assertThat(trials).filteredOn(trial -> trial.state() == TrialState.COMPLETE)
                .allSatisfy(trial -> assertThat(trial.value()).hasValue(trial.number()))
                .as("a finished trial has every knob it drew, those held back until its finish too")
                .allSatisfy(trial -> assertThat(trial.params()).containsOnlyKeys("x", "y", "z"));
        assertThat(trials).filteredOn(trial -> trial.state() == TrialState.FAIL).singleElement()
                .as("the killed trial has the knob drawn up front; those held back may be lost with it")
                .satisfies(killed -> assertThat(killed.params()).containsKey("x"));
        // the enqueued trials came first, each claimed by one worker (the killed one's included)
        assertThat(trials).extracting(trial -> trial.enqueuedValues().get("i")).filteredOn(Objects::nonNull)
                .containsExactlyElementsOf(IntStream.range(0, ENQUEUED).mapToObj(String::valueOf).toList());
        assertThat(trials.subList(0, ENQUEUED)).allSatisfy(trial -> assertThat(trial.enqueuedValues()).isNotEmpty());
    }

    /**
     * Makes the killed worker's trial look as it will once the survivors' grace period has passed:
     * its last heartbeat an hour old. The worker is dead and sent its last write before it printed
     * the trial's number, so nothing stamps the trial again. The rule counts a grace period from the
     * server's start when that is later (an outage is not silence), so on a server started less than
     * a grace period ago this waits until it is older.
     */
    private static void ageHeartbeat(String url, int trial) {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
                PreparedStatement update = connection.prepareStatement("UPDATE tuner_trials"
                        + " SET heartbeat = heartbeat - interval '1 hour' WHERE number = ? AND state = 'RUNNING'")) {
            waitUntilServerIsOlderThan(connection, BudgetWorkerMain.GRACE);
            update.setInt(1, trial);
            assertThat(update.executeUpdate()).as("the killed worker's trial, still RUNNING").isEqualTo(1);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not age the heartbeat of trial #" + trial + ": " + failed.getMessage(), failed);
        }
    }

    private static void waitUntilServerIsOlderThan(Connection connection, Duration age) throws SQLException {
        while (true) {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT extract(epoch FROM now() - pg_postmaster_start_time()) * 1000")) {
                row.next();
                long missing = age.toMillis() - (long) row.getDouble(1);
                if (missing < 0) {
                    return;
                }
                try {
                    Thread.sleep(missing + 1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the server grew older than " + age, interrupted);
                }
            }
        }
    }

    private static Process worker(String spec, int slowAt, String... go) throws IOException {
        List<String> args = new ArrayList<>(List.of(spec, String.valueOf(BUDGET), String.valueOf(slowAt)));
        args.addAll(List.of(go));
        ProcessBuilder child = ChildJvm.running(BudgetWorkerMain.class, args.toArray(String[]::new));
        if (spec.startsWith("jdbc:")) {
            child.environment().putAll(TestDatabase.shared().login().environment()); // this database, not one of its own
        }
        return child.start();
    }
}
