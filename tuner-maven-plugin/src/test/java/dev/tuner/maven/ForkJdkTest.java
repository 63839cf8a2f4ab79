package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forked JVM's java is chosen as Surefire chooses the tests' JVM. */
class ForkJdkTest {

    private static final Path MAVEN_HOME = Path.of("/opt/jdk-17");
    private static final ForkJdk.Toolchain JDK_25 =
            new ForkJdk.Toolchain("JDK[/opt/jdk-25]", Optional.of(Path.of("/opt/jdk-25/bin/java")));
    private static final ForkJdk.Toolchain JDK_21 =
            new ForkJdk.Toolchain("JDK[/opt/jdk-21]", Optional.of(Path.of("/opt/jdk-21/bin/java")));

    private final List<String> warnings = new ArrayList<>();

    @Test
    void withoutToolchainsTheJdkRunningMaven() {
        ForkJdk.Choice choice = ForkJdk.choose(null, null, List.of(), Optional.empty(), MAVEN_HOME, "none found",
                warnings::add);

        assertThat(choice.java()).isEqualTo(MAVEN_HOME.resolve("bin").resolve("java"));
        assertThat(choice.origin()).startsWith("the JDK running Maven");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theBuildsToolchainAsSurefiresTests() {
        ForkJdk.Choice choice = ForkJdk.choose(null, Map.of(), List.of(), Optional.of(JDK_25), MAVEN_HOME,
                "none found", warnings::add);

        assertThat(choice.java()).isEqualTo(Path.of("/opt/jdk-25/bin/java"));
        assertThat(choice.origin()).contains("the build's JDK toolchain JDK[/opt/jdk-25]");
    }

    @Test
    void jdkToolchainWinsOverTheBuildsToolchain() {
        ForkJdk.Choice choice = ForkJdk.choose(null, Map.of("version", "21"), List.of(JDK_21), Optional.of(JDK_25),
                MAVEN_HOME, "none found", warnings::add);

        assertThat(choice.java()).isEqualTo(Path.of("/opt/jdk-21/bin/java"));
        assertThat(choice.origin()).contains("JDK[/opt/jdk-21]").contains("<jdkToolchain> {version=21}");
    }

    @Test
    void jvmWinsOverToolchainsWithAWarning() {
        ForkJdk.Choice choice = ForkJdk.choose(new File("/opt/jdk-22/bin/java"), null, List.of(), Optional.of(JDK_25),
                MAVEN_HOME, "none found", warnings::add);

        assertThat(choice.java()).isEqualTo(Path.of("/opt/jdk-22/bin/java"));
        assertThat(choice.origin()).isEqualTo("tuner.jvm");
        assertThat(warnings).singleElement().asString()
                .contains("tuner.jvm (the plugin's <jvm>) is set to /opt/jdk-22/bin/java")
                .contains("do not run on the JDK toolchain JDK[/opt/jdk-25]");
    }

    @Test
    void aJdkToolchainThatMatchesNoneFailsNamingTheRequirementsAndFiles() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ForkJdk.choose(null, Map.of("version", "99"), List.of(), Optional.of(JDK_25),
                        MAVEN_HOME, "/home/me/.m2/toolchains.xml", warnings::add))
                .withMessageContaining("No JDK toolchain matches the tuner plugin's <jdkToolchain> {version=99}")
                .withMessageContaining("(/home/me/.m2/toolchains.xml)")
                .withMessageContaining("or correct <jdkToolchain> in the pom");
    }

    @Test
    void aToolchainWithoutJavaFailsNamingIt() {
        ForkJdk.Toolchain broken = new ForkJdk.Toolchain("JDK[/opt/nothing]", Optional.empty());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ForkJdk.choose(null, null, List.of(), Optional.of(broken), MAVEN_HOME,
                        "/home/me/.m2/toolchains.xml", warnings::add))
                .withMessageContaining("The JDK toolchain JDK[/opt/nothing] has no bin/java")
                .withMessageContaining("<jdkHome> in the toolchains file (/home/me/.m2/toolchains.xml)");
    }
}
