package dev.tuner.examples.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.examples.data.Dataset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.LongSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InferenceLatencyTest {

    /** Four rows: each pass predicts all of them. */
    private static final Dataset.Part BATCH = new Dataset.Part(
            new double[][] {{0.0}, {1.0}, {2.0}, {3.0}}, new int[] {0, 1, 0, 1});

    @Test
    void theMedianPassDividedByTheRows() {
        // passes of 40, 4000 and 400 µs (read as start, end of each): the slow one is the median's to ignore
        InferenceLatency latency = new InferenceLatency(clock(0, 40_000, 100_000, 4_100_000, 5_000_000, 5_400_000), 3);

        assertThat(latency.microsPerRow(row -> 0, BATCH)).isEqualTo(400.0 / 4);
    }

    @Test
    void everyPassPredictsEveryRow() {
        AtomicInteger predictions = new AtomicInteger();
        InferenceLatency latency = new InferenceLatency(clock(0, 10, 20, 30, 40, 50, 60, 70, 80, 90), 5);

        latency.microsPerRow(row -> predictions.incrementAndGet(), BATCH);

        assertThat(predictions).hasValue(5 * BATCH.size());
    }

    @Test
    void measuresByTheSystemClock() {
        double micros = InferenceLatency.medianOf(3).microsPerRow(row -> (int) row[0], BATCH);

        assertThat(micros).isPositive();
    }

    @Test
    void refusesAnEvenNumberOfPassesAndAnEmptyBatch() {
        assertThatIllegalArgumentException().isThrownBy(() -> InferenceLatency.medianOf(4))
                .withMessage("InferenceLatency needs an odd number of passes, so that one of them is the median,"
                        + " not 4; give 1, 3, 5...");
        assertThatIllegalArgumentException().isThrownBy(() -> InferenceLatency.medianOf(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InferenceLatency.medianOf(1).microsPerRow(row -> 0,
                        new Dataset.Part(new double[0][], new int[0])))
                .withMessageContaining("at least one row");
    }

    /** A clock that reads the given nanoseconds in turn. */
    private static LongSupplier clock(long... nanos) {
        Queue<Long> readings = new ArrayDeque<>();
        for (long reading : nanos) {
            readings.add(reading);
        }
        return () -> {
            assertThat(readings).as("the clock was read more often than the test expects").isNotEmpty();
            return readings.remove();
        };
    }
}
