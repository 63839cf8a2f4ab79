package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The storage contract and the workers' promises on a real PostgreSQL server; see {@link TestDatabase}. */
class JdbcStorageTest extends StorageContractTest {

    private TestDatabase database;

    @BeforeEach
    void connect() {
        database = TestDatabase.shared();
    }

    @AfterAll
    static void dropSchemas() {
        TestDatabase.shared().dropSchemas();
    }

    @Override
    Storage newStorage() {
        return TestDatabase.shared().newSchema().open();
    }

    @Override
    Storage sameStoreAgain(Storage storage) {
        return TestDatabase.storage(storage.toString()).open();
    }

    @Test
    void createsItsTablesOnFirstUseAndRefusesNewerOnes() {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        TestDatabase.storage(url).open().close();
        TestDatabase.storage(url).open().close(); // the second worker finds them

        database.execute("UPDATE " + schema + ".tuner_schema_version SET version = 99");

        assertThatIllegalStateException().isThrownBy(() -> TestDatabase.storage(url).open())
                .withMessageContaining("version 99, newer than this Tuner knows (" + JdbcSchema.VERSION + ")")
                .withMessageContaining("upgrade Tuner");
    }

    @Test
    void tablesOfVersionOneAreUpgradedWithTheirTrialsKept() throws Exception {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        // the tables and one finished trial as the first Tuner wrote them
        database.execute("SET search_path TO " + schema + "; " + String.join("; ", JdbcSchema.MIGRATIONS.get(0)) + "; "
                + "INSERT INTO tuner_studies (name, direction, next_number) VALUES ('old', 'MINIMIZE', 1); "
                + "INSERT INTO tuner_trials (study_id, number, state, value, started, finished) "
                + "SELECT study_id, 0, 'COMPLETE', 2.5, now(), now() FROM tuner_studies; "
                + "INSERT INTO tuner_params (study_id, number, knob, distribution, internal) "
                + "SELECT study_id, 0, 'x', '{\"type\":\"uniform\",\"min\":0.0,\"max\":1.0}', 0.5 FROM tuner_studies");

        try (JdbcStorage storage = TestDatabase.storage(url).open()) {
            FrozenTrial old = storage.trial("old", 0);
            assertThat(old.value()).hasValue(2.5);
            assertThat(old.params()).containsEntry("x", 0.5);
            assertThat(old.intermediateValues()).isEmpty();
            int number = storage.createTrial("old");
            storage.setIntermediateValue("old", number, 3, 0.125);
            assertThat(storage.trial("old", number).intermediateValues()).containsEntry(3, 0.125);
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, TestDatabase.user(),
                TestDatabase.password());
                java.sql.ResultSet version = connection.createStatement().executeQuery(
                        "SELECT max(version) FROM tuner_schema_version")) {
            version.next();
            assertThat(version.getInt(1)).isEqualTo(JdbcSchema.VERSION).isEqualTo(6);
        }
        TestDatabase.storage(url).open().close(); // a second worker finds them upgraded
    }

    @Test
    void tablesOfVersionTwoAreUpgradedToKeepWaitingTrials() {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        // the tables and a finished and a running trial as Tuner wrote them before trials could wait
        database.execute("SET search_path TO " + schema + "; " + String.join("; ", JdbcSchema.MIGRATIONS.get(0)) + "; "
                + String.join("; ", JdbcSchema.MIGRATIONS.get(1)) + "; "
                + "INSERT INTO tuner_studies (name, direction, next_number) VALUES ('old', 'MAXIMIZE', 2); "
                + "INSERT INTO tuner_trials (study_id, number, state, value, started, finished) "
                + "SELECT study_id, 0, 'COMPLETE', 2.5, now(), now() FROM tuner_studies; "
                + "INSERT INTO tuner_trials (study_id, number, state, started, worker, heartbeat) "
                + "SELECT study_id, 1, 'RUNNING', now(), 'elsewhere', now() FROM tuner_studies; "
                + "INSERT INTO tuner_intermediate_values (study_id, number, step, value) "
                + "SELECT study_id, 1, 0, 0.5 FROM tuner_studies");

        try (JdbcStorage storage = TestDatabase.storage(url).open()) {
            assertThat(storage.trials("old")).extracting(FrozenTrial::state)
                    .containsExactly(TrialState.COMPLETE, TrialState.RUNNING);
            assertThat(storage.trial("old", 0).enqueuedValues()).isEmpty();
            assertThat(storage.trial("old", 1).intermediateValues()).containsEntry(0, 0.5);
            int waiting = storage.enqueueTrial("old", java.util.Map.of("x", "0.5"));
            assertThat(waiting).isEqualTo(2);
        }
        try (JdbcStorage worker = TestDatabase.storage(url).open()) {
            assertThat(worker.startTrial("old")).isEqualTo(new StartedTrial(2, java.util.Map.of("x", "0.5")));
            assertThat(worker.startTrial("old")).isEqualTo(new StartedTrial(3, java.util.Map.of()));
        }
    }

    @Test
    void tablesOfVersionThreeAreUpgradedWithTheirTrialsCountedByState() throws Exception {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        // a trial in every state, as Tuner wrote them before the study's row counted its trials
        database.execute("SET search_path TO " + schema + "; " + String.join("; ", JdbcSchema.MIGRATIONS.get(0)) + "; "
                + String.join("; ", JdbcSchema.MIGRATIONS.get(1)) + "; " + String.join("; ", JdbcSchema.MIGRATIONS.get(2))
                + "; INSERT INTO tuner_studies (name, direction, next_number) VALUES ('old', 'MINIMIZE', 5); "
                + "INSERT INTO tuner_trials (study_id, number, state, value, started, finished) "
                + "SELECT study_id, 0, 'COMPLETE', 1.5, now(), now() FROM tuner_studies; "
                + "INSERT INTO tuner_trials (study_id, number, state, value, started, finished) "
                + "SELECT study_id, 1, 'PRUNED', 0.5, now(), now() FROM tuner_studies; "
                + "INSERT INTO tuner_trials (study_id, number, state, failure_type, failure_message, failure_where,"
                + " started, finished) SELECT study_id, 2, 'FAIL', 'E', 'm', '', now(), now() FROM tuner_studies; "
                + "INSERT INTO tuner_trials (study_id, number, state, started, worker, heartbeat) "
                + "SELECT study_id, 3, 'RUNNING', now(), 'elsewhere', now() FROM tuner_studies; "
                + "INSERT INTO tuner_trials (study_id, number, state, started, enqueued) "
                + "SELECT study_id, 4, 'WAITING', now(), '{\"x\":\"0.25\"}' FROM tuner_studies");
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED);

        try (JdbcStorage storage = TestDatabase.storage(url).open()) {
            assertThat(storage.startTrialWithinBudget("old", 3, counted)).as("3 spent already").isEmpty();
            assertThat(storage.startTrialWithinBudget("old", 4, counted)).contains(new StartedTrial(4, java.util.Map.of("x", "0.25")));
            assertThat(storage.startTrialWithinBudget("old", 5, counted)).contains(StartedTrial.of(5));
            assertThat(storage.startTrialWithinBudget("old", 5, counted)).isEmpty();
            assertThat(storage.trials("old")).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE,
                    TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING, TrialState.RUNNING, TrialState.RUNNING);
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, TestDatabase.user(),
                TestDatabase.password());
                java.sql.ResultSet row = connection.createStatement().executeQuery(
                        "SELECT waiting, running, complete, pruned, failed, next_number FROM tuner_studies")) {
            row.next();
            assertThat(List.of(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5), row.getInt(6)))
                    .containsExactly(0, 3, 1, 1, 1, 6);
        }
    }

    @Test
    void tablesOfVersionFourAreUpgradedWithTheirTrialsReadAsBeforeAndTakeSeveralObjectives() throws Exception {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        // a study as Tuner wrote it before several objectives: the tables of version 4, by their own SQL
        StringBuilder sql = new StringBuilder("SET search_path TO " + schema);
        for (int version = 0; version < 4; version++) {
            sql.append("; ").append(String.join("; ", JdbcSchema.MIGRATIONS.get(version)));
        }
        database.execute(sql + "; INSERT INTO tuner_studies (name, direction, next_number, complete, failed, last_change)"
                + " VALUES ('old', 'MAXIMIZE', 2, 1, 1, 2); "
                + "INSERT INTO tuner_trials (study_id, number, state, value, started, finished, changed) "
                + "SELECT study_id, 0, 'COMPLETE', 1.5, now(), now(), 1 FROM tuner_studies; "
                + "INSERT INTO tuner_trials (study_id, number, state, failure_type, failure_message, failure_where,"
                + " started, finished, changed) SELECT study_id, 1, 'FAIL', 'E', 'm', '', now(), now(), 2 FROM tuner_studies");

        try (JdbcStorage storage = TestDatabase.storage(url).open()) {
            storage.createStudy("old", Direction.MAXIMIZE);
            List<FrozenTrial> old = storage.trials("old");
            assertThat(old).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.FAIL);
            assertThat(old.get(0).value()).hasValue(1.5);
            assertThat(old.get(0).constraints()).isEmpty();
            assertThat(old.get(1).values()).isEmpty();
            assertThat(storage.trials("old").get(0).value()).hasValue(1.5);

            storage.createStudy("new", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
            int trial = storage.createTrial("new");
            storage.finishTrial("new", trial, TrialState.COMPLETE,
                    TrialResult.of(new double[] {0.9, 12.0}, java.util.Map.of("size", -1.0)), null);
            assertThat(storage.trial("new", trial).values()).containsExactly(0.9, 12.0);
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, TestDatabase.user(),
                TestDatabase.password());
                java.sql.ResultSet row = connection.createStatement().executeQuery(
                        "SELECT max(version) FROM tuner_schema_version")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(JdbcSchema.VERSION).isEqualTo(6);
        }
    }

    @Test
    void tablesOfVersionFiveAreUpgradedToKeepObjectiveNames() {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        StringBuilder sql = new StringBuilder("SET search_path TO " + schema);
        for (int version = 0; version < 5; version++) {
            sql.append("; ").append(String.join("; ", JdbcSchema.MIGRATIONS.get(version)));
        }
        database.execute(sql + "; INSERT INTO tuner_studies (name, direction) VALUES ('old', 'MAXIMIZE,MINIMIZE')");

        try (JdbcStorage storage = TestDatabase.storage(url).open()) {
            assertThat(storage.directions("old")).contains(List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
            assertThat(storage.objectiveNames("old")).isEmpty();
            storage.nameObjectives("old", List.of("accuracy", "latency"));
        }
        try (JdbcStorage other = TestDatabase.storage(url).open()) {
            assertThat(other.objectiveNames("old")).contains(List.of("accuracy", "latency"));
        }
    }

    @Test
    void aTrialRunningInTheMiddleOfTheHistoryIsReadAgainAloneNotTheTrialsAfterIt() {
        String url = database.newSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (JdbcStorage worker = TestDatabase.storage(url).open(); JdbcStorage reader = TestDatabase.storage(url).open()) {
            worker.createStudy("s", Direction.MINIMIZE);
            int stuck = worker.createTrial("s");
            for (int i = 0; i < 3; i++) {
                int number = worker.createTrial("s");
                worker.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(number), null);
            }
            assertThat(reader.trials("s")).hasSize(4);

            // behind the storages' backs, a finished trial's value changes with no change of its state:
            // a reader that reads it again shows 99
            database.execute("SET search_path TO " + schema + "; UPDATE tuner_trials SET value = 99 WHERE number = 2");
            worker.setParam("s", stuck, "x", Uniform.of(0, 1), 0.5);

            List<FrozenTrial> again = reader.trials("s");
            assertThat(again.get(2).value()).as("trial #2, after the running one, is not read again").hasValue(2);
            assertThat(again.get(0).params()).as("the running trial is").containsEntry("x", 0.5);

            worker.finishTrial("s", stuck, TrialState.COMPLETE, OptionalDouble.of(7), null);
            int later = worker.createTrial("s");
            assertThat(reader.trials("s")).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE,
                    TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.RUNNING);
            assertThat(reader.trial("s", stuck).value()).hasValue(7);
            assertThat(later).isEqualTo(4);
        }
    }

    @Test
    void theHistoryReadLooksTheRunningTrialsUpByKeyEvenInAPlanMadeWithoutStatistics() throws Exception {
        String url = database.newSchemaUrl();
        TestDatabase.storage(url).open().close(); // the tables, which no one has analyzed yet
        String sql = JdbcTrialReader.CHANGED + JdbcTrialReader.COLUMNS;
        for (int parameter = 1; sql.contains("?"); parameter++) {
            sql = sql.replaceFirst("\\?", "\\$" + parameter);
        }
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, TestDatabase.user(),
                TestDatabase.password());
                java.sql.Statement statement = connection.createStatement()) {
            // the plan a prepared statement keeps once it has run a few times
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE changed (integer, bigint, bigint, integer[], integer) AS " + sql);
            try (java.sql.ResultSet rows = statement.executeQuery(
                    "EXPLAIN EXECUTE changed (1, 5, 9223372036854775807, '{3,4}', 1)")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).as("a join over the study's trials reads them all").doesNotContain("Hash Join")
                .contains("tuner_trials_pkey").contains("tuner_trials_changed");
    }

    @Test
    void aTrialWithItsKnobsDrawnTogetherWithItsStartCostsThreeTransactions() {
        CommitCounter counter = new CommitCounter();
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
        // a heartbeat so slow that neither a beat nor a look for stale trials falls within the trial measured
        try (JdbcStorage storage = TestDatabase.storage(database.newSchemaUrl()).connector(counter)
                .heartbeat(Duration.ofHours(1), Duration.ofHours(2)).open()) {
            storage.createStudy("s", Direction.MINIMIZE);
            runTrial(storage, counted); // looks the study up and for stale trials, once
            int before = counter.commits();

            int number = runTrial(storage, counted);

            assertThat(counter.commits() - before).as("start and history, knobs, finish").isEqualTo(3);
            assertThat(storage.trial("s", number).params()).containsOnlyKeys("a", "b", "c", "d");
        }
    }

    @Test
    void aTrialWithTwoKnobsUpFrontAndThreeDrawnLaterCostsThreeTransactions() {
        CommitCounter counter = new CommitCounter();
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
        String url = database.newSchemaUrl();
        // a heartbeat so slow that neither a beat nor a look for stale trials falls within the trial measured
        try (JdbcStorage storage = TestDatabase.storage(url).connector(counter)
                .heartbeat(Duration.ofHours(1), Duration.ofHours(2)).open();
                JdbcStorage reader = TestDatabase.storage(url).open()) {
            storage.createStudy("s", Direction.MINIMIZE);
            runTrialWithLateKnobs(storage, counted); // looks the study up and for stale trials, once
            int before = counter.commits();

            int number = runTrialWithLateKnobs(storage, counted);

            assertThat(counter.commits() - before).as("start and history, knobs up front, late knobs and finish")
                    .isEqualTo(3);
            assertThat(reader.trial("s", number).params()).containsOnlyKeys("a", "b", "c", "d", "e");
            assertThat(reader.trial("s", number).state()).isEqualTo(TrialState.COMPLETE);
        }
    }

    @Test
    void aTrialAddedInsideTogetherIsInTheHistoryReadAfterIt() {
        try (JdbcStorage storage = TestDatabase.storage(database.newSchemaUrl()).open()) {
            storage.createStudy("s", Direction.MINIMIZE);
            Instant started = Instant.parse("2025-03-01T10:15:30Z");
            FrozenTrial trial = new FrozenTrial(0, TrialState.COMPLETE, TrialResult.of(1), Map.of(), Optional.empty(),
                    started, Optional.of(started.plusSeconds(1)), new TreeMap<>(), Map.of(), Optional.empty());

            List<FrozenTrial> after = storage.together(() -> {
                storage.trials("s"); // the batch keeps this read
                storage.addTrial("s", trial);
                return storage.trials("s");
            });

            assertThat(after).singleElement().extracting(FrozenTrial::started).isEqualTo(started);
        }
    }

    @Test
    void anAddedTrialCostsOneTransactionWhateverItCarries() {
        CommitCounter counter = new CommitCounter();
        try (JdbcStorage storage = TestDatabase.storage(database.newSchemaUrl()).connector(counter)
                .heartbeat(Duration.ofHours(1), Duration.ofHours(2)).open()) {
            storage.createStudy("s", Direction.MINIMIZE);
            storage.trials("s"); // looks the study up and for stale trials, once
            Instant started = Instant.parse("2025-03-01T10:15:30Z");
            FrozenTrial trial = new FrozenTrial(0, TrialState.COMPLETE, TrialResult.of(1),
                    Map.of("a", new Suggestion(Uniform.of(0, 1), 0.1), "b", new Suggestion(Uniform.of(0, 1), 0.2)),
                    Optional.empty(), started, Optional.of(started.plusSeconds(1)),
                    new TreeMap<>(Map.of(0, 3.0, 1, 2.0, 2, 1.5)), Map.of(), Optional.empty());
            int before = counter.commits();

            storage.addTrial("s", trial);

            assertThat(counter.commits() - before).isEqualTo(1);
        }
    }

    /**
     * A trial as a study runs it: started with two knobs drawn up front, then three drawn as the
     * objective runs (by a sampler that reads no history for them, as random search), then finished.
     */
    private static int runTrialWithLateKnobs(JdbcStorage storage, Set<TrialState> counted) {
        int number = storage.together(() -> {
            int started = storage.startTrialWithinBudget("s", 100, counted).orElseThrow().number();
            for (String knob : List.of("a", "b")) {
                storage.trials("s");
                storage.setParamDeferred("s", started, knob, Uniform.of(0, 1), 0.5);
            }
            return started;
        });
        for (String knob : List.of("c", "d", "e")) {
            storage.setParamDeferred("s", number, knob, Uniform.of(0, 1), 0.25);
        }
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(number), null);
        storage.trial("s", number);
        return number;
    }

    @Test
    void theHeartbeatWritesTheKnobsHeldBackForARunningTrial() throws InterruptedException {
        String url = database.newSchemaUrl();
        try (JdbcStorage storage = TestDatabase.storage(url).heartbeat(Duration.ofMillis(50), Duration.ofMinutes(1)).open();
                JdbcStorage reader = TestDatabase.storage(url).open()) {
            storage.createStudy("s", Direction.MINIMIZE);
            int number = storage.createTrial("s");

            storage.setParamDeferred("s", number, "x", Uniform.of(0, 1), 0.25);

            // wait for the next heartbeat, not for a time
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reader.trial("s", number).params().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(reader.trial("s", number).params()).containsOnlyKeys("x");
            assertThat(reader.trial("s", number).state()).isEqualTo(TrialState.RUNNING);
        }
    }

    @Test
    void knobsHeldBackForATrialOthersFailedAreDroppedAndItsFinishRefused() {
        String url = database.newSchemaUrl();
        try (JdbcStorage storage = TestDatabase.storage(url).heartbeat(Duration.ofHours(1), Duration.ofHours(2)).open()) {
            storage.createStudy("s", Direction.MINIMIZE);
            int number = storage.createTrial("s");
            storage.setParamDeferred("s", number, "x", Uniform.of(0, 1), 0.25);
            database.execute("UPDATE " + url.substring(url.indexOf("currentSchema=") + "currentSchema=".length())
                    + ".tuner_trials SET state = 'FAIL'");

            assertThatIllegalStateException()
                    .isThrownBy(() -> storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null))
                    .withMessageContaining("already FAIL");
            assertThat(storage.trial("s", number).params()).as("a trial that no longer runs shows none held back").isEmpty();
        }
    }

    /** A trial as a single worker runs it: started, history read and four knobs drawn together, then finished and read. */
    private static int runTrial(JdbcStorage storage, Set<TrialState> counted) {
        int number = storage.together(() -> {
            int started = storage.startTrialWithinBudget("s", 100, counted).orElseThrow().number();
            for (String knob : List.of("a", "b", "c", "d")) {
                storage.trials("s"); // as a sampler reads the history
                storage.setParam("s", started, knob, Uniform.of(0, 1), 0.5);
            }
            return started;
        });
        storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(number), null);
        storage.trial("s", number); // as the study reads the finished trial
        return number;
    }

    @Test
    void aWrongPasswordIsAClearErrorThatDoesNotShowThePassword() {
        String url = database.newSchemaUrl();

        assertThatIllegalStateException()
                .isThrownBy(() -> JdbcStorage.builder(url).user(TestDatabase.user()).password("not-the-password-42").open())
                .withMessageContaining("could not connect to " + url + " as user " + TestDatabase.user())
                .withMessageContaining(JdbcStorage.USER_VARIABLE)
                .withMessageNotContaining("not-the-password-42");
    }

    @Test
    void onlyPostgresqlUrlsAreAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcStorage.builder("jdbc:mysql://localhost/db"))
                .withMessageContaining("not a PostgreSQL JDBC URL; write jdbc:postgresql://host:port/database");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void workersWithTheirOwnConnectionsShareOneStudyAndItsBudget() throws Exception {
        String url = database.newSchemaUrl();
        int workers = 4;
        int budget = 120;
        Set<TrialState> counted = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
        List<JdbcStorage> storages = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int w = 0; w < workers; w++) {
                storages.add(TestDatabase.storage(url).open());
            }
            List<Callable<List<Integer>>> tasks = new ArrayList<>();
            for (JdbcStorage storage : storages) {
                tasks.add(() -> {
                    storage.createStudy("shared", Direction.MINIMIZE);
                    List<Integer> mine = new ArrayList<>();
                    OptionalInt number;
                    while ((number = storage.createTrialWithinBudget("shared", budget, counted)).isPresent()) {
                        int n = number.getAsInt();
                        storage.setParam("shared", n, "x", Uniform.of(0, 1000), n);
                        storage.trials("shared"); // as a sampler reads the history
                        storage.finishTrial("shared", n, TrialState.COMPLETE, OptionalDouble.of(n), null);
                        mine.add(n);
                    }
                    return mine;
                });
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<List<Integer>> mine : pool.invokeAll(tasks)) {
                numbers.addAll(mine.get());
            }

            assertThat(numbers).hasSize(budget).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(0, budget - 1));
            List<FrozenTrial> trials = storages.get(0).trials("shared");
            assertThat(trials).hasSize(budget).allSatisfy(trial -> {
                assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(trial.params()).containsEntry("x", (double) trial.number());
            });
        } finally {
            pool.shutdownNow();
            storages.forEach(JdbcStorage::close);
        }
    }

    /**
     * Ages a trial's last heartbeat by an hour, as if its worker had been silent that long: the
     * database's clock decides staleness, so the tests set the stamp rather than wait for it. Staleness
     * also counts from the server's start, so this waits until the server has been up longer than
     * {@code grace}, which only a server started moments ago by this JVM's first test makes it do.
     */
    private void silence(String url, int number, Duration grace) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        database.execute("SET search_path TO " + schema + "; "
                + "UPDATE tuner_trials SET heartbeat = heartbeat - interval '1 hour' WHERE number = " + number);
        database.awaitUptimeOver(grace);
    }

    @Test
    void aTrialWhoseWorkerStopsBeatingFailsAfterTheGracePeriod() {
        String url = database.newSchemaUrl();
        // a grace far longer than a beat: the living worker's trial stays fresh however busy the machine
        Duration beat = Duration.ofMillis(100);
        Duration grace = Duration.ofSeconds(5);
        try (JdbcStorage alive = TestDatabase.storage(url).heartbeat(beat, grace).open();
                JdbcStorage watcher = TestDatabase.storage(url).heartbeat(beat, grace).open()) {
            alive.createStudy("s", Direction.MINIMIZE);
            int beating = alive.createTrial("s");
            JdbcStorage dying = TestDatabase.storage(url).heartbeat(beat, grace).open();
            int orphan = dying.createTrial("s");
            dying.close(); // its heartbeat stops, as when a worker is killed
            assertThat(watcher.failStaleTrials("s")).as("within the grace period").isZero();

            silence(url, orphan, grace);
            assertThat(watcher.failStaleTrials("s")).isOne();

            FrozenTrial failed = watcher.trial("s", orphan);
            assertThat(failed.state()).isEqualTo(TrialState.FAIL);
            assertThat(failed.failure().orElseThrow().type()).isEqualTo(WorkerDiedException.class.getName());
            assertThat(failed.failure().orElseThrow().message()).startsWith("worker died: no heartbeat from ");
            assertThat(watcher.trial("s", beating).state()).isEqualTo(TrialState.RUNNING);
            alive.finishTrial("s", beating, TrialState.COMPLETE, OptionalDouble.of(1), null);
        }
    }

    @Test
    void aWorkerCannotFinishATrialThatOthersFailedForItsSilence() {
        String url = database.newSchemaUrl();
        Duration strictGrace = Duration.ofSeconds(5);
        try (JdbcStorage slow = TestDatabase.storage(url).heartbeat(Duration.ofSeconds(30), Duration.ofSeconds(60)).open();
                JdbcStorage strict = TestDatabase.storage(url).heartbeat(Duration.ofMillis(50), strictGrace).open()) {
            slow.createStudy("s", Direction.MINIMIZE);
            int number = slow.createTrial("s");

            silence(url, number, strictGrace);

            assertThat(strict.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.FAIL);
            assertThatIllegalStateException()
                    .isThrownBy(() -> slow.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null))
                    .withMessageContaining("trial #0 of study 's' is already FAIL");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aWorkerBackFromAnOutageFailsNoTrialOfWorkersStillComingBack() throws Exception {
        Duration beat = Duration.ofMillis(100);
        Duration grace = Duration.ofSeconds(5);  // B's check below comes well within it after B is back
        Gate gateOfA = new Gate();
        Gate gateOfB = new Gate();
        String url = database.newSchemaUrl();
        try (JdbcStorage a = TestDatabase.storage(url).heartbeat(beat, grace).connector(gateOfA).open();
                JdbcStorage b = TestDatabase.storage(url).heartbeat(beat, grace).connector(gateOfB).open()) {
            a.createStudy("s", Direction.MINIMIZE);
            int running = a.createTrial("s");
            gateOfA.close();
            gateOfB.close();
            silence(url, running, grace); // the trial's last stamp is older than the grace period

            gateOfB.open(); // B is back first, and would take A's trial for a dead worker's
            assertThat(b.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.RUNNING);
            assertThat(b.failStaleTrials("s")).isZero();

            gateOfA.open();
            a.finishTrial("s", running, TrialState.COMPLETE, OptionalDouble.of(1), null);
            assertThat(b.trials("s")).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE);
        }
    }
}
