package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveScheduleTest {

    private final LiveSchedule schedule = new LiveSchedule(3, Duration.ofSeconds(10), 1_000);

    @Test
    void isDueOnceEnoughTrialsFinished() {
        schedule.finished();
        schedule.finished();
        assertThat(schedule.due(1_000)).isFalse();

        schedule.finished();

        assertThat(schedule.due(1_000)).isTrue();
    }

    @Test
    void isDueOnceTheIntervalPassedWithFewerTrials() {
        assertThat(schedule.due(10_999)).isFalse();
        assertThat(schedule.due(11_000)).isTrue();
        assertThat(schedule.untilDue(4_000)).isEqualTo(7_000);
    }

    @Test
    void countsAnewAfterAWriteButKeepsTheTrialsThatFinishedWhileItRan() {
        for (int i = 0; i < 3; i++) {
            schedule.finished();
        }
        schedule.writing();
        schedule.finished();
        schedule.finished();
        schedule.written(2_000, 2_000);

        assertThat(schedule.due(2_000)).isFalse();
        schedule.finished();
        assertThat(schedule.due(2_000)).isTrue();
        assertThat(schedule.due(11_999)).isTrue();
    }

    @Test
    void waitsNineTimesWhatTheLastWriteTookSoThatWritingTakesATenthOfTheTimeAtMost() {
        schedule.writing();
        schedule.written(2_000, 7_000); // a five-second write
        for (int i = 0; i < 10; i++) {
            schedule.finished();
        }

        assertThat(schedule.due(51_999)).isFalse();
        assertThat(schedule.due(52_000)).isTrue();
        assertThat(schedule.untilDue(7_000)).isEqualTo(45_000);
    }
}
