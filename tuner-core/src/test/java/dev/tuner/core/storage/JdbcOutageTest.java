package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a worker paces and tells an outage of its database, on a clock that only pretends to wait. */
class JdbcOutageTest {

    private static final String FINISH = "finish trial #3 of study 'q' as COMPLETE → 0.25";

    private final FakeClock clock = new FakeClock();
    private final JdbcOutage outage = new JdbcOutage("db.example.com:5432", Duration.ofSeconds(60), clock);

    @Test
    void aBrokenConnectionIsReopenedAtOnceThenPausesDoubleUpToFiveSecondsAndEndAtTheLimit() {
        SQLException refused = new SQLException("Connection to db.example.com:5432 refused", "08001");

        outage.pause(new SQLException("terminating connection due to administrator command", "57P01"), FINISH, "the result");
        assertThat(clock.pauses()).isEmpty();
        for (int i = 0; i < 6; i++) {
            outage.pause(refused, FINISH, "the result");
        }
        List<Duration> pauses = clock.pauses();
        for (int i = 0; i < pauses.size(); i++) {
            long longest = 100L << i;
            assertThat(pauses.get(i).toMillis()).as("pause %d", i).isBetween(longest / 2, longest);
        }
        while (clock.slept().compareTo(Duration.ofSeconds(60)) < 0) {
            outage.pause(refused, FINISH, "the result");
        }

        assertThat(clock.pauses()).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(60));
        assertThatIllegalStateException().isThrownBy(() -> outage.pause(refused, FINISH, "the result"))
                .withMessage("PostgreSQL at db.example.com:5432 has been unreachable for 60 s, longer than this worker"
                        + " waits (60 s, tuner.storage.outage.timeout), so it could not " + FINISH + ": Connection to"
                        + " db.example.com:5432 refused (SQL state 08001). Check that the server runs and that this"
                        + " machine reaches it; if its outages last longer (a failover, a restart), raise"
                        + " tuner.storage.outage.timeout, e.g. -Dtuner.storage.outage.timeout=5m, or"
                        + " JdbcStorage.builder(url).outageTimeout(...) in code");
        // the outage is still on: the next call that fails gives up at once, without waiting another minute
        int paused = clock.pauses().size();
        assertThatIllegalStateException().isThrownBy(() -> outage.pause(refused, "start a trial of study 'q'", null))
                .withMessageContaining("could not start a trial of study 'q'");
        assertThat(clock.pauses()).hasSize(paused);
    }

    @Test
    void theLogSaysOnceThatTheServerIsUnreachableWhatIsKeptAndWhenItIsBack() {
        try (LogCapture log = LogCapture.of(JdbcStorage.class)) {
            outage.pause(new SQLException("terminating connection due to administrator command", "57P01"), FINISH, "the result");
            outage.pause(new SQLException("refused", "08001"), FINISH, "the result");
            outage.pause(new SQLException("the database system is starting up", "57P03"), FINISH, "the result");
            outage.pause(new SQLException("the database system is starting up", "57P03"), FINISH, "the result");
            Duration lasted = clock.slept();
            outage.ended(FINISH);

            assertThat(log.messages()).containsExactly(
                    "PostgreSQL at db.example.com:5432 is unreachable (57P01 admin shutdown); retrying for up to 60 s"
                            + " (tuner.storage.outage.timeout) to " + FINISH + ", keeping the result in memory until it is written",
                    "PostgreSQL at db.example.com:5432 is back: reconnected after " + JdbcOutage.text(lasted) + ", to " + FINISH);
            assertThat(outage.active()).isFalse();
        }
    }

    @Test
    void eachOtherCallThatWaitsThroughTheOutageSaysWhatItKeeps() {
        try (LogCapture log = LogCapture.of(JdbcStorage.class)) {
            SQLException refused = new SQLException("refused", "08001");
            outage.note(new SQLException("terminating connection due to administrator command", "57P01"), "send a heartbeat");
            outage.note(refused, "send a heartbeat");
            clock.sleep(Duration.ofMillis(1500).toNanos());
            outage.pause(refused, FINISH, "the result");
            outage.pause(refused, FINISH, "the result");
            outage.pause(refused, FINISH, "the result");

            assertThat(log.messages()).containsExactly(
                    "PostgreSQL at db.example.com:5432 is unreachable (57P01 admin shutdown); retrying for up to 60 s"
                            + " (tuner.storage.outage.timeout) to send a heartbeat",
                    "PostgreSQL at db.example.com:5432 is still unreachable, for 1.5 s now; retrying for up to 59 s"
                            + " more (tuner.storage.outage.timeout) to " + FINISH + ", keeping the result in memory until"
                            + " it is written");
        }
    }

    @Test
    void aConnectionReopenedAtOnceIsNoOutageWorthTelling() {
        try (LogCapture log = LogCapture.of(JdbcStorage.class)) {
            outage.pause(new SQLException("idle-session timeout", "57P05"), "read the trials of study 'q'", null);
            assertThat(outage.active()).isTrue();
            outage.ended("read the trials of study 'q'");

            assertThat(log.messages()).isEmpty();
            assertThat(outage.active()).isFalse();
        }
    }

    @Test
    void anOutageAHeartbeatFoundCountsFromThenForTheCallsAfterIt() {
        SQLException refused = new SQLException("refused", "08001");
        JdbcOutage outage = new JdbcOutage("db:5432", Duration.ofSeconds(10), clock);
        try (LogCapture log = LogCapture.of(JdbcStorage.class)) {
            outage.note(refused, "send a heartbeat");
            clock.sleep(Duration.ofSeconds(10).toNanos()); // heartbeats that fail meanwhile wait for nothing

            assertThatIllegalStateException().isThrownBy(() -> outage.pause(refused, FINISH, "the result"))
                    .withMessageStartingWith("PostgreSQL at db:5432 has been unreachable for 10 s, longer than this"
                            + " worker waits (10 s,");
            assertThat(clock.pauses()).hasSize(1);
            assertThat(log.messages()).as("no promise to retry, only the error").isEmpty();
        }
    }

    @Test
    void serverGoneAndNotUpYetAreTheStatesOfAnOutage() {
        assertThat(List.of("08000", "08001", "08003", "08004", "08006", "08007", "57P01", "57P02", "57P03", "57P05", "53300"))
                .allSatisfy(state -> assertThat(JdbcOutage.signals(new SQLException("x", state))).as(state).isTrue());
        assertThat(List.of("08P01", "40001", "40P01", "42501", "28P01", "3D000", "57014", "57P04"))
                .allSatisfy(state -> assertThat(JdbcOutage.signals(new SQLException("x", state))).as(state).isFalse());
        assertThat(JdbcOutage.signals(new SQLException("no state"))).isFalse();
        assertThat(JdbcOutage.signals(new SQLException("wrapped", null, new SQLException("x", "57P01")))).isTrue();
        assertThat(JdbcOutage.notUpYet(new SQLException("starting up", "57P03"))).isTrue();
        assertThat(JdbcOutage.notUpYet(new SQLException("refused", "08001"))).isFalse();
    }

    @Test
    void theServerIsNamedByHostAndPort() {
        assertThat(JdbcOutage.server("jdbc:postgresql://db.example.com:6543/tuner?currentSchema=s")).isEqualTo("db.example.com:6543");
        assertThat(JdbcOutage.server("jdbc:postgresql://db.example.com/tuner")).isEqualTo("db.example.com:5432");
        assertThat(JdbcOutage.server("jdbc:postgresql://[::1]:5433/tuner")).isEqualTo("[::1]:5433");
        assertThat(JdbcOutage.server("jdbc:postgresql://[::1]/tuner")).isEqualTo("[::1]:5432");
        assertThat(JdbcOutage.server("jdbc:postgresql://a:5432,b:5433/tuner")).isEqualTo("a:5432,b:5433");
        assertThat(JdbcOutage.server("jdbc:postgresql:tuner")).isEqualTo("localhost:5432");
    }
}
