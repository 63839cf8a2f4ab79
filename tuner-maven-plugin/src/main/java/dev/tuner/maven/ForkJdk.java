package dev.tuner.maven;

import dev.tuner.engine.Constants;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which {@code java} the JVM running the studies is, chosen as Surefire chooses the JVM of the tests,
 * so that studies run on the JDK the project's tests are compiled for and run on: {@code tuner.jvm}
 * when it is set; else the JDK toolchain that the plugin's {@code <jdkToolchain>} asks for; else the
 * JDK toolchain of the build (the one maven-toolchains-plugin selected); else the JDK running Maven.
 */
final class ForkJdk {

    /** A JDK toolchain as the choice needs it: how Maven names it, and its {@code java}, if it has one. */
    record Toolchain(String name, Optional<Path> java) {}

    /** The {@code java} to run, and where it came from, as the build log says it. */
    record Choice(Path java, String origin) {}

    private ForkJdk() {}

    /**
     * Chooses the forked JVM's {@code java}.
     *
     * @param jvm the plugin's {@code jvm} ({@code tuner.jvm}), or null
     * @param jdkToolchain the plugin's {@code <jdkToolchain>} requirements, or null or empty
     * @param matching the JDK toolchains meeting {@code jdkToolchain}'s requirements
     * @param ofBuild the JDK toolchain of the build, if a plugin such as maven-toolchains-plugin selected one
     * @param mavenJavaHome the {@code java.home} of the JVM running Maven
     * @param toolchainsFiles the toolchains files Maven read, for messages
     * @param warn where a warning goes
     * @throws IllegalArgumentException if {@code jdkToolchain} matches no toolchain, or the toolchain has no {@code java}
     */
    static Choice choose(File jvm, Map<String, String> jdkToolchain, List<Toolchain> matching,
            Optional<Toolchain> ofBuild, Path mavenJavaHome, String toolchainsFiles, Consumer<String> warn) {
        boolean requirements = jdkToolchain != null && !jdkToolchain.isEmpty();
        if (jvm != null) {
            Optional<String> ignored = requirements ? Optional.of("the <jdkToolchain> " + jdkToolchain)
                    : ofBuild.map(toolchain -> "the JDK toolchain " + toolchain.name());
            ignored.ifPresent(toolchain -> warn.accept(Constants.JVM_PROPERTY_NAME + " (the plugin's <jvm>) is set to "
                    + jvm + ", so the studies do not run on " + toolchain + "; unset it to run them there, as Surefire"
                    + " runs the tests"));
            return new Choice(jvm.toPath(), Constants.JVM_PROPERTY_NAME);
        }
        if (requirements) {
            if (matching.isEmpty()) {
                throw new IllegalArgumentException("No JDK toolchain matches the tuner plugin's <jdkToolchain> "
                        + jdkToolchain + ": the toolchains files Maven read (" + toolchainsFiles + ") declare no"
                        + " <toolchain> of <type>jdk</type> whose <provides> has these values. Add one to"
                        + " ~/.m2/toolchains.xml (or the file given with --global-toolchains), or correct"
                        + " <jdkToolchain> in the pom");
            }
            Toolchain toolchain = matching.get(0);
            return new Choice(java(toolchain, toolchainsFiles), "the JDK toolchain " + toolchain.name()
                    + " that the plugin's <jdkToolchain> " + jdkToolchain + " selects");
        }
        if (ofBuild.isPresent()) {
            Toolchain toolchain = ofBuild.get();
            return new Choice(java(toolchain, toolchainsFiles), "the build's JDK toolchain "
                    + toolchain.name() + ", which Surefire's tests run on too");
        }
        return new Choice(mavenJavaHome.resolve("bin").resolve("java"), "the JDK running Maven; a JDK toolchain"
                + " (maven-toolchains-plugin) or " + Constants.JVM_PROPERTY_NAME + " selects another");
    }

    private static Path java(Toolchain toolchain, String toolchainsFiles) {
        return toolchain.java().orElseThrow(() -> new IllegalArgumentException("The JDK toolchain " + toolchain.name()
                + " has no bin/java, so the studies cannot run on it: correct its <configuration><jdkHome> in the"
                + " toolchains file (" + toolchainsFiles + ") to a JDK's directory"));
    }
}
