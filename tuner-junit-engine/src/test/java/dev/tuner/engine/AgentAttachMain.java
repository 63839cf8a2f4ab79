package dev.tuner.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.inject.TunerAgent;
import java.nio.file.Files;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Run by {@link AgentAttachTest} in a JVM of its own: runs the studies of one of the test cases below
 * through the platform in the mode given ({@code search} or {@code best}), then prints what became of
 * each study and whether the Tuner agent is installed.
 */
public final class AgentAttachMain {

    /** Production-like code with a knob on a field. */
    static class Model {
        @Uniform(min = 10, max = 20)
        double width = 1;
    }

    static class ParameterKnobsTestCase {
        @Tune(trials = 3)
        double loss(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }
    }

    static class FieldKnobsTestCase {
        @Tune(trials = 3)
        double loss() {
            return new Model().width;
        }
    }

    private AgentAttachMain() {}

    public static void main(String[] arguments) throws Exception {
        Class<?> testCase = Class.forName(AgentAttachMain.class.getName() + "$" + arguments[0]);
        EngineExecutionResults results = EngineTestKit.engine(TunerTestEngine.ENGINE_ID)
                .selectors(selectClass(testCase))
                .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME,
                        Files.createTempDirectory("agent-attach").toString())
                .configurationParameter(Constants.STORAGE_PROPERTY_NAME, "memory:")
                .configurationParameter(Constants.MODE_PROPERTY_NAME, arguments[1])
                .execute();
        results.containerEvents().skipped().stream().forEach(event -> System.out.println("skipped "
                + event.getTestDescriptor().getDisplayName()));
        results.containerEvents().finished().stream()
                .filter(event -> event.getTestDescriptor() instanceof TuneMethodDescriptor)
                .forEach(event -> System.out.println("finished " + event.getTestDescriptor().getDisplayName() + " "
                        + event.getPayload(org.junit.platform.engine.TestExecutionResult.class).map(result ->
                                result.getStatus() + result.getThrowable().map(thrown -> " " + thrown.getMessage())
                                        .orElse("")).orElse("")));
        System.out.println("tests succeeded=" + results.testEvents().succeeded().count());
        System.out.println("installed=" + TunerAgent.isInstalled());
    }
}
