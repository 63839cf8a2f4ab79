package dev.tuner.core.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child JVMs for the storage tests that need real processes: workers sharing a store, one killed mid-trial. */
final class ChildJvm {

    private ChildJvm() {}

    /** A child JVM running {@code main} with {@code args} on this test's class path, its errors on this one's. */
    static ProcessBuilder running(Class<?> main, String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
