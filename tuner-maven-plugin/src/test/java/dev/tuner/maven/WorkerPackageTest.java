package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPackageTest {

    @TempDir
    Path build;

    @Test
    void theWorkerHoldsTheClassPathInItsOrderByRelativePathsWithTheAgentAndTheSettings() throws IOException {
        Path classes = Files.createDirectories(build.resolve("target/classes/com/acme"));
        Files.writeString(classes.resolve("Model.class"), "model");
        Path testClasses = Files.createDirectories(build.resolve("target/test-classes"));
        Files.writeString(testClasses.resolve("ModelTuning.class"), "tuning");
        Path core = jar("repo/dev/tuner/tuner-core-1.0.jar");
        Path utils = jar("repo/a/utils-1.0.jar");
        Path otherUtils = jar("repo/b/utils-1.0.jar");
        Path worker = build.resolve("target/tuner-worker");
        Files.createDirectories(worker.resolve("stale"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tuner.trials", "500");
        settings.put("tuner.storage", "jdbc:postgresql://db:5432/tuner");

        new WorkerPackage(worker).write(List.of(testClasses.toString(), build.resolve("target/classes").toString(),
                utils.toString(), build.resolve("target/missing").toString(), otherUtils.toString(), core.toString()),
                Optional.of(core), List.of("-Xmx2g"), settings, testClasses);

        assertThat(Files.readAllLines(worker.resolve("worker.args"), StandardCharsets.UTF_8)).containsExactly(
                "\"-Xmx2g\"", "\"-javaagent:lib/tuner-core-1.0.jar\"", "\"-Dtuner.trials=500\"",
                "\"-Dtuner.storage=jdbc:postgresql://db:5432/tuner\"", "\"-cp\"",
                "\"test-classes:classes:lib/utils-1.0.jar:lib/2-utils-1.0.jar:lib/tuner-core-1.0.jar\"");
        assertThat(worker.resolve("classes/com/acme/Model.class")).hasContent("model");
        assertThat(worker.resolve("test-classes/ModelTuning.class")).hasContent("tuning");
        assertThat(worker.resolve("lib/2-utils-1.0.jar")).hasContent("repo/b/utils-1.0.jar");
        assertThat(worker.resolve("stale")).doesNotExist();
        assertThat(worker.resolve("worker")).isExecutable().content().contains(
                "exec \"${JAVA:-java}\" $JAVA_OPTS @worker.args \"$@\" dev.tuner.engine.console.TunerConsole test-classes");
        assertThat(WorkerPackage.command("-Dtuner.trials=9"))
                .isEqualTo("java @worker.args -Dtuner.trials=9 dev.tuner.engine.console.TunerConsole test-classes");
    }

    @Test
    void aClassPathWithoutTheTestClassesIsABugSaidSo() throws IOException {
        Path testClasses = Files.createDirectories(build.resolve("target/test-classes"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkerPackage(build.resolve("worker")).write(List.of(jar("a.jar").toString()),
                        Optional.empty(), List.of(), Map.of(), testClasses))
                .withMessageContaining("the test classes " + testClasses + " are not on the class path")
                .withMessageContaining("would find no @Tune method");
    }

    private Path jar(String path) throws IOException {
        Path jar = build.resolve(path);
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, path);
    }
}
