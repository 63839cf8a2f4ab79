package dev.tuner.benchmarks.overhead;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time the Java threads of this JVM spend over a span (the engine's and the launcher's
 * work, not the compiler's or the garbage collector's, which are not Java threads), threads that
 * start and end inside it included: those are sampled now and then from inside, so a thread that
 * ends loses at most what it did since its last sample. Not thread-safe; the launcher calls
 * listeners one at a time.
 */
final class ThreadCpu {

    private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    /** Per thread id: the CPU time at the span's start (0 for a thread started in it) and at the last look. */
    private final Map<Long, long[]> threads = new HashMap<>();
    private final Map<Long, Long> pausedAt = new HashMap<>();
    private long paused;

    /** Starts the span: every live thread's CPU time now. */
    void start() {
        for (long id : bean.getAllThreadIds()) {
            long cpu = bean.getThreadCpuTime(id);
            if (cpu >= 0) {
                threads.put(id, new long[] {cpu, cpu});
            }
        }
    }

    /** Notes the calling thread's CPU time, for a thread that may end before the span does. */
    void sampleCurrent() {
        long id = Thread.currentThread().getId();
        threads.computeIfAbsent(id, started -> new long[2])[1] = bean.getCurrentThreadCpuTime();
    }

    /** Stops counting (the calling thread's work until {@link #resume()} is not the span's). */
    void pause() {
        sampleCurrent();
        pausedAt.put(Thread.currentThread().getId(), bean.getCurrentThreadCpuTime());
    }

    void resume() {
        Long at = pausedAt.remove(Thread.currentThread().getId());
        if (at != null) {
            paused += bean.getCurrentThreadCpuTime() - at;
        }
    }

    /** The CPU time spent in the span by every thread seen. */
    long total() {
        long total = 0;
        for (Map.Entry<Long, long[]> thread : threads.entrySet()) {
            long now = bean.getThreadCpuTime(thread.getKey());
            long last = now >= 0 ? now : thread.getValue()[1];
            total += last - thread.getValue()[0];
        }
        return total - paused;
    }
}
