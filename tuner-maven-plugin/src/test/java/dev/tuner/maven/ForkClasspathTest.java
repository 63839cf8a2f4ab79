package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.maven.ForkClasspath.Entry;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkClasspathTest {

    private final List<String> resolved = new ArrayList<>();

    private File launcher(String version) {
        resolved.add(version);
        return new File("/repo/junit-platform-launcher-" + version + ".jar");
    }

    private static Entry jar(String groupId, String artifactId, String version) {
        return new Entry(groupId, artifactId, version, new File("/repo/" + artifactId + "-" + version + ".jar"));
    }

    private static final List<Entry> PLUGIN = List.of(
            jar("dev.tuner", "tuner-maven-plugin", "0.1"),
            jar("dev.tuner", "tuner-junit-engine", "0.1"),
            jar("dev.tuner", "tuner-core", "0.1"),
            jar("org.junit.platform", "junit-platform-launcher", "1.14.4"),
            jar("org.junit.platform", "junit-platform-engine", "1.14.4"),
            jar("org.junit.platform", "junit-platform-commons", "1.14.4"),
            jar("org.opentest4j", "opentest4j", "1.3.0"));

    @Test
    void aJunit6ProjectGetsTheLauncherOfItsOwnPlatformAndNoneOfThePlugins() {
        List<Entry> project = List.of(
                jar("dev.tuner", "tuner-junit-engine", "0.1"),
                jar("org.junit.jupiter", "junit-jupiter-api", "6.1.3"),
                jar("org.junit.platform", "junit-platform-engine", "6.1.3"),
                jar("org.junit.platform", "junit-platform-commons", "6.1.3"),
                jar("org.opentest4j", "opentest4j", "1.3.0"));

        List<String> classpath = ForkClasspath.assemble(List.of("target/test-classes"), project, PLUGIN,
                this::launcher);

        assertThat(resolved).containsExactly("6.1.3");
        assertThat(classpath).containsExactly("target/test-classes", "/repo/junit-platform-launcher-6.1.3.jar",
                "/repo/tuner-core-0.1.jar");
        assertThat(classpath).noneMatch(path -> path.contains("1.14.4"));
    }

    @Test
    void aProjectWithItsOwnLauncherKeepsIt() {
        List<Entry> project = List.of(
                jar("org.junit.platform", "junit-platform-engine", "1.10.3"),
                jar("org.junit.platform", "junit-platform-launcher", "1.10.3"));

        List<String> classpath = ForkClasspath.assemble(List.of("target/test-classes"), project, PLUGIN,
                this::launcher);

        assertThat(resolved).isEmpty();
        assertThat(classpath).noneMatch(path -> path.contains("junit-platform"));
    }

    @Test
    void aProjectWithoutAnyPlatformGetsThePluginsWholePlatform() {
        List<Entry> project = List.of(jar("dev.tuner", "tuner-junit-engine", "0.1"));

        assertThat(ForkClasspath.platformVersion(project)).isEmpty();
        List<String> classpath = ForkClasspath.assemble(List.of("target/test-classes"), project, PLUGIN,
                this::launcher);

        assertThat(resolved).isEmpty();
        assertThat(classpath).contains("/repo/junit-platform-launcher-1.14.4.jar",
                "/repo/junit-platform-engine-1.14.4.jar", "/repo/junit-platform-commons-1.14.4.jar",
                "/repo/opentest4j-1.3.0.jar", "/repo/tuner-core-0.1.jar");
        assertThat(classpath).noneMatch(path -> path.contains("tuner-maven-plugin"));
    }
}
