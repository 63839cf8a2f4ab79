package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine attaches the Tuner agent only for a study that runs and reads knobs of fields or methods:
 * in a JVM that forbids attaching agents ({@code -XX:-EnableDynamicAgentLoading}, a coming JDK's
 * default) a study of parameter knobs runs, a study of field knobs fails saying how to give the agent,
 * and a study that is skipped attaches nothing. Each case in a JVM of its own, without the agent this
 * module's tests are started with.
 */
class AgentAttachTest {

    private static final String NO_ATTACH = "-XX:-EnableDynamicAgentLoading";

    @Test
    void aStudyOfParameterKnobsRunsWhereAgentsCannotBeAttached() throws Exception {
        String output = run(List.of(NO_ATTACH), "ParameterKnobsTestCase", "search");

        // three trials and the search's best, a test of its own
        assertThat(output).contains("finished loss(double) SUCCESSFUL", "tests succeeded=4", "installed=false");
    }

    @Test
    void aStudyOfFieldKnobsFailsWhereAgentsCannotBeAttachedAndSaysHowToGiveTheAgent() throws Exception {
        String output = run(List.of(NO_ATTACH), "FieldKnobsTestCase", "search");

        assertThat(output).contains("finished loss() FAILED", "installed=false")
                .contains("reads the field " + AgentAttachMain.Model.class.getName() + ".width")
                .contains("-javaagent:", "tuner:prepare-agent");
    }

    @Test
    void aSkippedStudyAttachesNothing() throws Exception {
        // best mode and no tuned parameters yet: skipped; attaching would be allowed here
        String output = run(List.of(), "FieldKnobsTestCase", "best");

        assertThat(output).contains("skipped loss()", "installed=false");
    }

    /** {@link AgentAttachMain} in a new JVM with {@code options}, on this test's class path; its output. */
    private static String run(List<String> options, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentAttachMain.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
