package dev.tuner.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search worker that runs without Maven: a directory holding the project's classes and test
 * classes, every jar of the studies' class path, and the {@code java} command that runs them.
 *
 * <pre>
 * tuner-worker/
 *   classes/  test-classes/  lib/       the class path, in the order the tune goal's forked JVM has it
 *   worker.args                         java's argument file: the agent, the settings, the class path
 *   worker                              a POSIX shell script: java @worker.args "$@" TunerConsole test-classes
 * </pre>
 *
 * <p>Every path in it is relative to the directory, so it may be copied anywhere (a container
 * image, another machine) and run there from its own directory:
 * {@code java @worker.args -Dtuner.storage=... dev.tuner.engine.console.TunerConsole test-classes}.
 * Settings given when it runs come after those of {@code worker.args}, so they win. No login goes
 * into it: the worker reads a database's from its environment.
 */
final class WorkerPackage {

    static final String ARGUMENTS = "worker.args";
    static final String SCRIPT = "worker";

    private final Path directory;

    WorkerPackage(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes the worker, replacing what the directory held.
     *
     * @param classpath the studies' class path, as the tune goal's forked JVM gets it: directories and jars
     * @param agent tuner-core's jar (one of {@code classpath}), given with {@code -javaagent}; empty
     *     when it is not a jar, and then the engine attaches the agent itself
     * @param jvmOptions options of the worker's JVM, from the goal's {@code argLine}
     * @param settings the {@code tuner.*} settings the worker runs with unless given otherwise
     * @param testClasses the test-class directory on {@code classpath} whose studies the worker runs
     */
    void write(List<String> classpath, Optional<Path> agent, List<String> jvmOptions, Map<String, String> settings,
            Path testClasses) throws IOException {
        FileTrees.delete(directory);
        Files.createDirectories(directory.resolve("lib"));
        List<String> relative = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        String agentEntry = null;
        String testClassesEntry = null;
        for (String element : classpath) {
            Path source = Path.of(element);
            if (!Files.exists(source)) {
                continue;   // a directory of a project without main classes, as on the forked JVM's path
            }
            String entry = entryFor(source, testClasses, taken);
            copy(source, directory.resolve(entry));
            relative.add(entry);
            if (agent.isPresent() && source.equals(agent.get())) {
                agentEntry = entry;
            }
            if (source.equals(testClasses)) {
                testClassesEntry = entry;
            }
        }
        if (testClassesEntry == null) {
            throw new IllegalArgumentException("the test classes " + testClasses + " are not on the class path " + classpath
                    + " of the worker, so it would find no @Tune method; this is a bug of the tuner plugin, please report it");
        }
        List<String> arguments = new ArrayList<>(jvmOptions);
        if (agentEntry != null && agentEntry.endsWith(".jar")) {
            arguments.add("-javaagent:" + agentEntry);
        }
        settings.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        arguments.add("-cp");
        arguments.add(String.join(File.pathSeparator, relative));
        Files.write(directory.resolve(ARGUMENTS), ForkedTuning.quoted(arguments), StandardCharsets.UTF_8);
        writeScript(testClassesEntry);
    }

    /** The command that runs the worker from its directory, with {@code options} before the main class. */
    static String command(String options) {
        return "java @" + ARGUMENTS + (options.isEmpty() ? "" : " " + options) + " " + ForkedTuning.MAIN_CLASS
                + " test-classes";
    }

    private void writeScript(String testClassesEntry) throws IOException {
        Path script = directory.resolve(SCRIPT);
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "# Runs this project's @Tune studies as a search worker, without Maven: settings are -D options,",
                "# e.g. ./worker -Dtuner.storage=jdbc:postgresql://dbhost:5432/tuner -Dtuner.trials=500",
                "# (TUNER_JDBC_USER and TUNER_JDBC_PASSWORD in the environment log in). JAVA names the java",
                "# executable (default: java on the PATH), JAVA_OPTS adds JVM options. Paths are relative to",
                "# this directory, where the worker runs and writes target/tuner.",
                "cd \"$(dirname \"$0\")\" || exit 1",
                "exec \"${JAVA:-java}\" $JAVA_OPTS @" + ARGUMENTS + " \"$@\" " + ForkedTuning.MAIN_CLASS + " "
                        + testClassesEntry,
                ""), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the script is for POSIX shells; java @worker.args ... runs the worker there
        }
    }

    /** Where a class path element goes in the worker: {@code classes}, {@code test-classes} or {@code lib/<name>}. */
    private static String entryFor(Path source, Path testClasses, Set<String> taken) {
        String name;
        if (source.equals(testClasses)) {
            name = "test-classes";
        } else if (Files.isDirectory(source) && !taken.contains("classes")) {
            name = "classes";
        } else {
            // a jar by its file name; a second of the same name, or a directory of a reactor module, by its path
            String fileName = source.getFileName().toString();
            name = "lib/" + fileName;
            for (int n = 2; taken.contains(name); n++) {
                name = "lib/" + n + "-" + fileName;
            }
        }
        taken.add(name);
        return name;
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        FileTrees.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
