package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.OptimizeSettings;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import dev.tuner.testing.postgres.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers ride out a restart of a real PostgreSQL server, which the test stops and starts under
 * them ({@link PostgresServer}, a server of its own). The restart takes real time, as it is the
 * point; a wait longer than the outage timeout is measured on a {@link FakeClock}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresRestartTest {

    private static PostgresServer cluster;

    @BeforeAll
    static void startServer() throws Exception {
        cluster = PostgresServer.start();
    }

    @AfterAll
    static void removeServer() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoWorkersRideOutARestartLosingAndRepeatingNoTrial() throws Exception {
        int budget = 24;
        int finishingWhileDown = 6;
        Map<Integer, Double> returned = new ConcurrentHashMap<>();
        List<Integer> evaluated = new CopyOnWriteArrayList<>();
        CountDownLatch finishing = new CountDownLatch(1);
        CountDownLatch down = new CountDownLatch(1);
        Objective objective = trial -> {
            double x = trial.suggestFloat("x", -10, 10);
            if (trial.number() == finishingWhileDown) {
                finishing.countDown();
                down.await(); // this trial finishes while the server is down
            }
            Thread.sleep(20);
            evaluated.add(trial.number());
            returned.put(trial.number(), x * x);
            return x * x;
        };
        // heartbeats far shorter than the restart: trials running through it must not pass for dead workers'.
        // The grace period is far longer than a worker's reconnection back-off (pauses doubling from 0.1 s, so
        // about 3 s at most through this 2 s restart), with room for a loaded machine: with 600 ms the first
        // worker back failed trial #6 while its owner was still backing off
        Duration beat = Duration.ofMillis(100);
        Duration grace = Duration.ofSeconds(10);
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (LogCapture log = LogCapture.of(JdbcStorage.class);
                JdbcStorage first = TestDatabase.storage(cluster.login()).heartbeat(beat, grace).open();
                JdbcStorage second = TestDatabase.storage(cluster.login()).heartbeat(beat, grace).open()) {
            first.createStudy("restart", Direction.MINIMIZE);
            Future<?> restart = workers.submit(() -> {
                finishing.await();
                cluster.stopServer();
                down.countDown();
                Thread.sleep(2_000);
                cluster.startServer();
                return null;
            });
            List<Future<?>> runs = new ArrayList<>();
            long seed = 1;
            for (JdbcStorage storage : List.of(first, second)) {
                Study study = Study.builder("restart").sampler(new RandomSampler(seed++)).storage(storage).build();
                runs.add(workers.submit(() -> study.optimize(objective, OptimizeSettings.builder().budget(budget).build())));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            restart.get();

            List<FrozenTrial> trials = first.trials("restart");
            assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(IntStream.range(0, budget).boxed().toList());
            assertThat(trials).allSatisfy(trial -> {
                assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(trial.value()).as("trial #%d's value", trial.number()).hasValue(returned.get(trial.number()));
            });
            assertThat(evaluated).hasSize(budget).doesNotHaveDuplicates();
            String server = JdbcOutage.server(cluster.login().url());
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith("PostgreSQL at " + server + " is unreachable (")
                    .contains("); retrying for up to 60 s (tuner.storage.outage.timeout) to "));
            // said by the warning that the outage began, or by the one for the next call that waited through it
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith("PostgreSQL at " + server + " is ")
                    .contains(" (tuner.storage.outage.timeout) to finish trial #" + finishingWhileDown
                            + " of study 'restart' as COMPLETE → " + returned.get(finishingWhileDown)
                            + ", keeping the result in memory until it is written"));
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .startsWith("PostgreSQL at " + server + " is back: reconnected after ")
                    .contains(" s, to finish trial #" + finishingWhileDown + " of study 'restart'"));
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void anOutageLongerThanTheTimeoutFailsTheCallNamingTheSettingToRaise() throws Exception {
        FakeClock clock = new FakeClock();
        try (JdbcStorage storage = TestDatabase.storage(cluster.login()).outageTimeout(Duration.ofSeconds(5)).clock(clock).open()) {
            storage.createStudy("long", Direction.MINIMIZE);
            int number = storage.createTrial("long");
            cluster.stopServer();
            try {
                assertThatIllegalStateException()
                        .isThrownBy(() -> storage.finishTrial("long", number, TrialState.COMPLETE, OptionalDouble.of(1.5), null))
                        .withMessageStartingWith("PostgreSQL at " + JdbcOutage.server(cluster.login().url()) + " has been unreachable"
                                + " for 5 s, longer than this worker waits (5 s, tuner.storage.outage.timeout), so it could not"
                                + " finish trial #" + number + " of study 'long' as COMPLETE → 1.5: ")
                        .withMessageEndingWith("if its outages last longer (a failover, a restart), raise"
                                + " tuner.storage.outage.timeout, e.g. -Dtuner.storage.outage.timeout=5m, or"
                                + " JdbcStorage.builder(url).outageTimeout(...) in code");
                assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(5));
            } finally {
                cluster.startServer();
            }
            // the worker still holds the result, and writes it once the server is back
            storage.finishTrial("long", number, TrialState.COMPLETE, OptionalDouble.of(1.5), null);
            assertThat(storage.trial("long", number).value()).hasValue(1.5);
        }
    }

    @Test
    void aWorkerStartedAfterARestartFailsNoTrialOfWorkersStillComingBack() throws Exception {
        Duration beat = Duration.ofMillis(100);
        Duration grace = Duration.ofSeconds(3);
        Gate gate = new Gate();
        try (JdbcStorage cutOff = TestDatabase.storage(cluster.login()).heartbeat(beat, grace).connector(gate).open()) {
            cutOff.createStudy("late", Direction.MINIMIZE);
            int running = cutOff.createTrial("late");
            gate.close(); // this worker cannot reach the server when it is back, not yet
            cluster.stopServer();
            Thread.sleep(grace.toMillis() + 1_000); // the trial's last stamp grows older than the grace period
            cluster.startServer();

            try (JdbcStorage fresh = TestDatabase.storage(cluster.login()).heartbeat(beat, grace).open()) {
                assertThat(fresh.failStaleTrials("late")).isZero();
                assertThat(fresh.trial("late", running).state()).isEqualTo(TrialState.RUNNING);
            }
            gate.open();
            cutOff.finishTrial("late", running, TrialState.COMPLETE, OptionalDouble.of(2), null);
            assertThat(cutOff.trial("late", running).state()).isEqualTo(TrialState.COMPLETE);
        }
    }
}
