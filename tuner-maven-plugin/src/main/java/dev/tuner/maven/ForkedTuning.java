package dev.tuner.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the JVM that runs the studies, as Surefire forks one for tests: the code under tuning
 * never runs in Maven's own JVM. The command goes through an argument file, so a long classpath
 * fits every platform's command-line limit. The JVM starts with tuner-core's jar as its Java agent,
 * which lets annotated fields and methods read each trial's values.
 */
final class ForkedTuning {

    static final String MAIN_CLASS = "dev.tuner.engine.console.TunerConsole";

    private final Path java;
    private final Path workingDirectory;
    private final Path buildDirectory;

    ForkedTuning(Path java, Path workingDirectory, Path buildDirectory) {
        this.java = java;
        this.workingDirectory = workingDirectory;
        this.buildDirectory = buildDirectory;
    }

    /**
     * Runs the studies under {@code testClasses}, printing to this process's output; returns the exit code.
     *
     * @param environment variables added to the forked JVM's environment (a database login), which
     *     go nowhere else: not into the argument file, not onto the command line, not into a log
     * @param agent tuner-core's jar, given to the JVM with {@code -javaagent}; empty when it is not
     *     a jar (a reactor build's {@code target/classes}), and then the engine attaches the agent itself
     */
    int run(List<String> classpath, String argLine, Map<String, String> properties, Map<String, String> environment,
            Path testClasses, Optional<Path> agent) throws IOException, InterruptedException {
        List<String> arguments = arguments(classpath, argLine, properties, testClasses, agent);
        Files.createDirectories(buildDirectory);
        Path argumentFile = Files.createTempFile(buildDirectory, "tuner-fork", ".args");
        try {
            Files.write(argumentFile, quoted(arguments), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "@" + argumentFile)
                    .directory(workingDirectory.toFile())
                    .inheritIO();
            builder.environment().putAll(environment);
            Process process = builder.start();
            return process.waitFor();
        } finally {
            Files.deleteIfExists(argumentFile);
        }
    }

    /** The forked JVM's arguments: JVM options, the agent, properties, class path, main class and its argument. */
    static List<String> arguments(List<String> classpath, String argLine, Map<String, String> properties,
            Path testClasses, Optional<Path> agent) {
        List<String> arguments = new ArrayList<>(JvmOptions.split(argLine));
        agent.filter(jar -> jar.getFileName().toString().endsWith(".jar"))
                .ifPresent(jar -> arguments.add("-javaagent:" + jar));
        properties.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        // the fork stops when Maven is gone (TunerConsole's ParentWatch)
        arguments.add("-Ddev.tuner.parentPid=" + ProcessHandle.current().pid());
        arguments.add("-cp");
        arguments.add(String.join(File.pathSeparator, classpath));
        arguments.add(MAIN_CLASS);
        arguments.add(testClasses.toString());
        return arguments;
    }

    /** Each argument quoted as the {@code java} launcher's argument files expect. */
    static List<String> quoted(List<String> arguments) {
        List<String> lines = new ArrayList<>();
        for (String argument : arguments) {
            lines.add('"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return lines;
    }
}
