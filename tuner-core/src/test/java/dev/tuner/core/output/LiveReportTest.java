package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a live report writes, what it writes as a run ends or stops, and that a write never fails a trial. */
class LiveReportTest {

    private static final LiveReport.Settings EVERY_3_OR_10S = new LiveReport.Settings(true, 3, Duration.ofSeconds(10));

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-22T10:15:30Z"));
    private final RecordedPages pages = new RecordedPages();

    /** Pages that record what was written, and can be made to fail or to wait. */
    private static final class RecordedPages implements LiveReport.Pages {

        final List<String> written = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;
        volatile CountDownLatch started;
        volatile CountDownLatch release;

        @Override
        public void running() {
            if (started != null) {
                started.countDown();
                await(release);
            }
            if (failure != null) {
                throw failure;
            }
            written.add("running");
        }

        @Override
        public void stopped() {
            written.add("stopped");
        }

        @Override
        public String describe() {
            return "the test's page";
        }
    }

    /** A live report that writes on the calling thread. */
    private LiveReport live(LiveReport.Settings settings) {
        return new LiveReport(pages, settings, clock, Runnable::run);
    }

    @Test
    void writesEveryNTrials() {
        LiveReport live = live(EVERY_3_OR_10S);

        for (int i = 0; i < 7; i++) {
            live.trialFinished();
        }

        assertThat(pages.written).containsExactly("running", "running");
    }

    @Test
    void writesOnceTheIntervalPassedThoughNoTrialFinished() {
        LiveReport live = live(EVERY_3_OR_10S);
        live.trialFinished();
        clock.advance(Duration.ofSeconds(9));
        live.tick();
        assertThat(pages.written).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        live.tick();

        assertThat(pages.written).containsExactly("running");
    }

    @Test
    void aRunThatEndsWritesNothingMoreAndTheEndWritesItsPage() {
        LiveReport live = live(EVERY_3_OR_10S);

        live.finish();
        for (int i = 0; i < 6; i++) {
            live.trialFinished();
        }
        clock.advance(Duration.ofMinutes(1));
        live.tick();
        live.close();

        assertThat(pages.written).isEmpty();
    }

    @Test
    void aRunThatStopsBeforeItsEndWritesAStoppedPageOnce() {
        LiveReport live = live(EVERY_3_OR_10S);
        for (int i = 0; i < 3; i++) {
            live.trialFinished();
        }

        live.close();
        live.stop();
        live.trialFinished();

        assertThat(pages.written).containsExactly("running", "stopped");
    }

    @Test
    void aRunThatStopsBeforeItsFirstLiveWriteLeavesNoPage() {
        LiveReport live = live(EVERY_3_OR_10S);
        live.trialFinished();

        live.close();

        assertThat(pages.written).isEmpty();
    }

    @Test
    void aFailedWriteFailsNoTrialAndTheNextIsTried() {
        LiveReport live = live(EVERY_3_OR_10S);
        pages.failure = new IllegalStateException("disk full");
        for (int i = 0; i < 3; i++) {
            live.trialFinished();
        }
        pages.failure = null;
        for (int i = 0; i < 3; i++) {
            live.trialFinished();
        }

        assertThat(pages.written).containsExactly("running");
    }

    @Test
    void theEndWaitsForAWriteUnderWaySoThatItsPageIsTheLast() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            LiveReport live = new LiveReport(pages, EVERY_3_OR_10S, clock, writer);
            pages.started = new CountDownLatch(1);
            pages.release = new CountDownLatch(1);
            for (int i = 0; i < 3; i++) {
                live.trialFinished();
            }
            await(pages.started);

            Thread stopping = new Thread(live::stop, "stopping");
            stopping.start();
            // until the stop has ended, or waits for the write
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (stopping.isAlive() && stopping.getState() != Thread.State.TIMED_WAITING
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(pages.written).as("pages written while the live write still runs").isEmpty();
            pages.release.countDown();
            stopping.join(TimeUnit.MINUTES.toMillis(1));

            assertThat(stopping.isAlive()).isFalse();
            assertThat(pages.written).containsExactly("running", "stopped");
        } finally {
            pages.release.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void aReportThatIsOffWritesNothing() {
        LiveReport live = LiveReport.off();
        for (int i = 0; i < 30; i++) {
            live.trialFinished();
        }
        live.close();

        assertThat(pages.written).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).as("the latch opened within a minute").isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
