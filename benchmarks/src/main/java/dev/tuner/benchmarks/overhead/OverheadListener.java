package dev.tuner.benchmarks.overhead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The stopwatch of the overhead benchmark, inside the ConsoleLauncher's JVM: it times each
 * container of repeated tests (a {@code @Tune} method's study, a Jupiter {@code @RepeatedTest})
 * from its start to its end (wall clock, and the CPU time of the whole JVM), from its start to its
 * first test's end (a study's start: opening the storage, the first trial), and from its last test's
 * end to its own (a study's end: the best trial, the properties file, the report, and the test that
 * shows the best after the trials, {@code [}{@value #BEST_SEGMENT}{@code :17]}, which is not counted as
 * a trial), counts the tests under it, and looks at the heap (after a full collection) before it, at
 * {@value #SNAPSHOT_AT_KEY} tests (the clock stopped meanwhile) and after it. At the end it writes what it found, and the heap's peak, as JSON to the file named by the
 * configuration parameter {@value #OUT_KEY}; without that parameter it does nothing.
 *
 * <p>{@link OverheadBenchmark} registers it for its child JVM only, through a
 * {@code META-INF/services} file on that JVM's class path.
 */
public final class OverheadListener implements TestExecutionListener {

    /** Configuration parameter naming the JSON file to write; the listener is off without it. */
    static final String OUT_KEY = "benchmark.overhead.out";
    /** Configuration parameter: after how many tests of a container to look at the heap in its middle. */
    static final String SNAPSHOT_AT_KEY = "benchmark.overhead.snapshotAt";
    /** The containers timed: a {@code @Tune} method's (tuner), a test template's (Jupiter's {@code @RepeatedTest}) and the floor's. */
    static final Set<String> TIMED_SEGMENTS = Set.of("tune", "test-template", PlatformFloorEngine.SEGMENT_TYPE);

    /** The unique-id segment of the test a study shows its best trial by, after its trials: not a trial. */
    static final String BEST_SEGMENT = "best";

    private static final int CLASSES_SHOWN = 12;
    /**
     * Classes of which one instance a test would be kept if something held on to finished tests:
     * the engines' test descriptors, the launcher's test identifiers, the console's tree nodes, and
     * the trials of a study's storage (its history, which samplers read).
     */
    static final List<String> WATCHED = List.of("dev.tuner.engine.TrialDescriptor",
            "org.junit.jupiter.engine.descriptor.TestTemplateInvocationTestDescriptor",
            "org.junit.platform.launcher.TestIdentifier", "org.junit.platform.console.output.TreeNode",
            "dev.tuner.core.storage.TrialRecord", "dev.tuner.core.trial.FrozenTrial");

    private Path out;
    private int snapshotAt;
    /** The timed container running now; engines run one after the other, and these containers do not nest. */
    private Container current;
    private final List<Map<String, Object>> finished = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Optional<String> file = testPlan.getConfigurationParameters().get(OUT_KEY);
        if (file.isEmpty()) {
            return;
        }
        out = Path.of(file.get());
        snapshotAt = testPlan.getConfigurationParameters().get(SNAPSHOT_AT_KEY).map(Integer::parseInt).orElse(0);
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (out != null && current == null && isTimed(identifier)) {
            current = new Container(identifier);
            current.before = ClassHistogram.take();
            current.cpuStart = processCpuNanos();
            current.threads.start();
            current.start = System.nanoTime(); // after the collection, which is not the container's time
        }
    }

    /**
     * Called for each of the 40,000 tests, so it compares unique ids as objects: formatting them
     * as text would cost each engine's tests a few microseconds of this listener's.
     */
    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        if (identifier.isTest() && !identifier.getUniqueIdObject().getLastSegment().getType().equals(BEST_SEGMENT)) {
            current.lastTestEnd = now;
            if (current.firstTestEnd == 0) {
                current.firstTestEnd = now;
            }
            if (identifier.getParentIdObject().filter(current.id::equals).isPresent() && ++current.tests % 1000 == 0) {
                current.threads.sampleCurrent();
            }
            if (snapshotAt > 0 && current.tests == snapshotAt && current.middle == null) {
                current.nanosToMiddle = now - current.start - current.paused;
                long cpu = processCpuNanos();
                current.threads.pause();
                current.middle = ClassHistogram.take();
                current.middleTests = current.tests;
                current.cpuPaused += processCpuNanos() - cpu;
                current.threads.resume();
                current.paused += System.nanoTime() - now;
            }
        } else if (identifier.getUniqueIdObject().equals(current.id)) {
            current.nanos = now - current.start - current.paused;
            current.endNanos = current.lastTestEnd == 0 ? 0 : now - current.lastTestEnd;
            current.cpuNanos = processCpuNanos() - current.cpuStart - current.cpuPaused;
            current.threadsNanos = current.threads.total();
            current.result = result.getStatus().name();
            current.after = ClassHistogram.take();
            finished.add(current.toJson());
            current = null;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (out == null) {
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("containers", finished);
        json.put("heap_peak_bytes", heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
        json.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        json.put("heap_end_bytes", ClassHistogram.take().totalBytes());
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        } catch (IOException failed) {
            throw new UncheckedIOException("the overhead listener could not write " + out, failed);
        }
    }

    private static boolean isTimed(TestIdentifier identifier) {
        if (!identifier.isContainer()) {
            return false;
        }
        List<UniqueId.Segment> segments = identifier.getUniqueIdObject().getSegments();
        return TIMED_SEGMENTS.contains(segments.get(segments.size() - 1).getType());
    }

    /** The CPU time of every thread of this JVM (the engine's, the garbage collector's, the compiler's). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static Map<String, Long> instances(ClassHistogram histogram) {
        Map<String, Long> instances = new LinkedHashMap<>();
        WATCHED.forEach(name -> instances.put(name, histogram.instances(name)));
        return instances;
    }

    /** What is measured of one timed container. */
    private static final class Container {

        private final TestIdentifier identifier;
        private final UniqueId id;
        private long start;
        private long paused;
        private long nanos;
        /** When the container's last test ended; from then to the container's end, a study writes its files and report. */
        private long lastTestEnd;
        /** When the container's first test ended; until then, a study opens its storage and runs its first trial. */
        private long firstTestEnd;
        private long endNanos;
        private long cpuStart;
        private long cpuPaused;
        private long cpuNanos;
        private final ThreadCpu threads = new ThreadCpu();
        private long threadsNanos;
        private long nanosToMiddle;
        private int tests;
        private int middleTests;
        private String result;
        private ClassHistogram before;
        private ClassHistogram middle;
        private ClassHistogram after;

        Container(TestIdentifier identifier) {
            this.identifier = identifier;
            this.id = identifier.getUniqueIdObject();
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("engine", identifier.getUniqueIdObject().getEngineId().orElse("?"));
            json.put("unique_id", identifier.getUniqueId());
            json.put("result", result);
            json.put("tests", tests);
            json.put("nanos", nanos);
            json.put("end_nanos", endNanos);
            json.put("start_nanos", firstTestEnd == 0 ? 0 : firstTestEnd - start);
            json.put("cpu_nanos", cpuNanos);
            json.put("java_threads_cpu_nanos", threadsNanos);
            json.put("heap_before_bytes", before.totalBytes());
            if (middle != null) {
                json.put("heap_middle_tests", middleTests);
                json.put("nanos_to_middle", nanosToMiddle);
                json.put("heap_middle_bytes", middle.totalBytes());
                json.put("growth_middle", middle.growthSince(before, CLASSES_SHOWN));
                json.put("instances_middle", instances(middle));
            }
            json.put("heap_after_bytes", after.totalBytes());
            json.put("growth_after", after.growthSince(before, CLASSES_SHOWN));
            json.put("instances_after", instances(after));
            return json;
        }
    }
}
