package dev.tuner.benchmarks.overhead;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The floor of the overhead benchmark: an engine that does nothing but what any engine must to
 * show a test, registering, starting and finishing a dynamic test under one container, as many
 * times as Tuner runs trials, each named like a trial. Its time per test is what the JUnit
 * Platform's launcher and the ConsoleLauncher's listeners cost for one test; an engine's time above
 * it is the engine's own. It claims only {@link PlatformFloor}, and {@link OverheadBenchmark}
 * registers it for its child JVM alone.
 */
public final class PlatformFloorEngine implements TestEngine {

    static final String ID = "platform-floor";
    /** The segment type of the container, one {@link OverheadListener} times. */
    static final String SEGMENT_TYPE = "floor";
    /** Configuration parameter: how many tests to show; {@link TrivialTuning#TRIALS} without it. */
    static final String TESTS_KEY = "tuner.trials";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Platform floor");
        boolean selected = request.getSelectorsByType(ClassSelector.class).stream()
                .anyMatch(selector -> selector.getClassName().equals(PlatformFloor.class.getName()));
        if (selected) {
            engine.addChild(new Node(uniqueId.append(SEGMENT_TYPE, "tests"), "tests", TestDescriptor.Type.CONTAINER));
        }
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        int tests = request.getConfigurationParameters().get(TESTS_KEY).map(Integer::parseInt).orElse(TrivialTuning.TRIALS);
        listener.executionStarted(engine);
        for (TestDescriptor container : engine.getChildren()) {
            listener.executionStarted(container);
            for (int i = 0; i < tests; i++) {
                // a method of its own, as a study's trial is: the JVM would interpret a loop entered once
                show(container, listener, i);
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void show(TestDescriptor container, EngineExecutionListener listener, int i) {
        // a name as long as a trial's, "#17 x=0.4821 → 0.2324"
        Node test = new Node(container.getUniqueId().append("test", String.valueOf(i)),
                "#" + i + " x=" + (i % 10_000) / 1e4 + " → " + (i % 7_919) / 1e4, TestDescriptor.Type.TEST);
        container.addChild(test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
        listener.executionFinished(test, TestExecutionResult.successful());
        container.removeChild(test);
    }

    private static final class Node extends AbstractTestDescriptor {

        private final Type type;

        Node(UniqueId uniqueId, String displayName, Type type) {
            super(uniqueId, displayName, ClassSource.from(PlatformFloor.class));
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public boolean mayRegisterTests() {
            return type == Type.CONTAINER; // else the launcher prunes the container as empty
        }
    }
}
