package dev.tuner.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The class path of the forked JVM that runs the studies: the project's test class path, then what
 * the project lacks of the plugin's own artifacts (the engine, tuner-core and their libraries).
 *
 * <p>The JUnit Platform is the project's: the engine is built against the platform API and runs on
 * whichever platform (JUnit 5.10 to 6.x) the project's tests run on. The fork needs a launcher of
 * exactly that platform's version, so when the project has a platform but no launcher, the launcher
 * of its version is resolved, as Surefire does; the plugin's own platform artifacts are used only
 * by a project that has no JUnit Platform at all.
 */
final class ForkClasspath {

    static final String PLATFORM_GROUP = "org.junit.platform";
    static final String PLATFORM_ENGINE = "junit-platform-engine";
    static final String LAUNCHER = "junit-platform-launcher";

    /** An artifact as the class path needs it: coordinates and its file, if resolved. */
    record Entry(String groupId, String artifactId, String version, File file) {

        String key() {
            return groupId + ":" + artifactId;
        }

        boolean isPlatform() {
            return groupId.equals(PLATFORM_GROUP);
        }
    }

    private ForkClasspath() {}

    /**
     * Assembles the fork's class path.
     *
     * @param testClasspath the project's test class path elements, in order
     * @param projectArtifacts the project's resolved artifacts (its test class path as coordinates)
     * @param pluginArtifacts the plugin's runtime artifacts
     * @param launcherOfVersion resolves {@code junit-platform-launcher} of a version to its jar
     */
    static List<String> assemble(List<String> testClasspath, List<Entry> projectArtifacts, List<Entry> pluginArtifacts,
            Function<String, File> launcherOfVersion) {
        List<String> classpath = new ArrayList<>(testClasspath);
        Set<String> project = projectArtifacts.stream().map(Entry::key).collect(Collectors.toSet());
        Optional<String> platformVersion = platformVersion(projectArtifacts);
        if (platformVersion.isPresent() && !project.contains(PLATFORM_GROUP + ":" + LAUNCHER)) {
            classpath.add(launcherOfVersion.apply(platformVersion.get()).getPath());
        }
        for (Entry artifact : pluginArtifacts) {
            boolean projectHasIt = project.contains(artifact.key())
                    || (artifact.isPlatform() && platformVersion.isPresent());
            if (!projectHasIt && !artifact.artifactId().equals("tuner-maven-plugin") && artifact.file() != null) {
                classpath.add(artifact.file().getPath());
            }
        }
        return classpath;
    }

    /** The version of the project's JUnit Platform (that of its platform engine API), if it has one. */
    static Optional<String> platformVersion(List<Entry> projectArtifacts) {
        return projectArtifacts.stream()
                .filter(artifact -> artifact.isPlatform() && artifact.artifactId().equals(PLATFORM_ENGINE))
                .map(Entry::version)
                .findFirst();
    }
}
