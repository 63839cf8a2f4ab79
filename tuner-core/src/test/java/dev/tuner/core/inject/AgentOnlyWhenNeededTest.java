package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent is installed only for a study that reads knobs of fields or methods, and a JVM that
 * forbids attaching agents ({@code -XX:-EnableDynamicAgentLoading}, a coming JDK's default) runs
 * every other study, and a field study given the agent with {@code -javaagent}, without a JVM
 * warning. Each case runs in a JVM of its own, started as a user's would be.
 */
class AgentOnlyWhenNeededTest {

    private static final String NO_ATTACH = "-XX:-EnableDynamicAgentLoading";

    @TempDir
    Path directory;

    @Test
    void aStudyOfParameterKnobsRunsWhereAgentsCannotBeAttachedAndAttachesNone() throws Exception {
        Run run = run(List.of(NO_ATTACH), "ParametersOnlyTestCase", "loss", "double");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("installed=false");
        assertThat(trialValues(run.output)).hasSize(3);
        assertThat(run.errors).doesNotContain("WARNING");
    }

    @Test
    void aStudyOfFieldKnobsFailsWhereAgentsCannotBeAttachedAndSaysHowToGiveTheAgent() throws Exception {
        Run run = run(List.of(NO_ATTACH), "FieldKnobTestCase", "loss");

        assertThat(run.exitCode).as(run.output + run.errors).isEqualTo(3);
        assertThat(run.output)
                .contains("@Tune method " + AgentOnlyWhenNeededMain.FieldKnobTestCase.class.getName() + ".loss()")
                .contains("reads the field " + AgentOnlyWhenNeededMain.Model.class.getName() + ".width")
                .contains("-XX:-EnableDynamicAgentLoading")
                .contains("-javaagent:")
                .contains("tuner:prepare-agent")
                .contains("docs/ide.md");
    }

    @Test
    void aStudyOfFieldKnobsRunsWithTheAgentGivenAtStartAndNoJvmWarning() throws Exception {
        Run run = run(List.of(NO_ATTACH, "-javaagent:" + agentJar()), "FieldKnobTestCase", "loss");

        assertThat(run.exitCode).as(run.output + run.errors).isZero();
        assertThat(run.output).contains("installed=true");
        // the objective returns the field's value: the trial's, between 10 and 20, not the declared 1
        assertThat(trialValues(run.output)).hasSize(3).allSatisfy(value -> assertThat(value).isBetween(10.0, 20.0));
        // JDK 24+ printed Byte Buddy's use of sun.misc.Unsafe here; JDK 21+ a dynamically loaded agent
        assertThat(run.errors).doesNotContain("WARNING");
    }

    /**
     * An agent jar as tuner-core's is, by its manifest: this module's classes are not in a jar yet
     * while its tests run, and the JVM loads the agent class through the class path, where they are.
     */
    private Path agentJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Premain-Class", TunerAgent.class.getName());
        attributes.putValue("Can-Retransform-Classes", "true");
        Path jar = directory.resolve("agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    private static List<Double> trialValues(String output) {
        List<Double> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("trial \\d+ COMPLETE value=OptionalDouble\\[(\\S+)]").matcher(output);
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(1)));
        }
        return values;
    }

    private record Run(int exitCode, String output, String errors) {}

    /** {@link AgentOnlyWhenNeededMain} in a new JVM with {@code options}, on this test's class path. */
    private Run run(List<String> options, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentOnlyWhenNeededMain.class.getName()));
        command.addAll(List.of(arguments));
        Path errors = directory.resolve("errors.txt");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8),
                Files.readString(errors, StandardCharsets.UTF_8));
    }
}
