package dev.tuner.maven;

import java.util.Optional;

/**
 * Whether the project's Surefire runs JUnit Platform engines, so that {@code mvn test} sees its
 * studies. Maven 3's default Surefire (2.12.4) predates the JUnit Platform and runs nothing;
 * Surefire 2.22 runs it, but too old for JUnit 6 and current launchers; 3.x does.
 */
final class SurefireCheck {

    private SurefireCheck() {}

    /** A warning for Surefire {@code version}, or empty when it runs the engine. */
    static Optional<String> warning(String version) {
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        int major;
        try {
            major = Integer.parseInt(version.trim().split("[.-]", 2)[0]);
        } catch (NumberFormatException unparsable) {
            return Optional.empty();
        }
        if (major >= 3) {
            return Optional.empty();
        }
        return Optional.of("The project's maven-surefire-plugin is " + version + ", which "
                + (version.startsWith("2.22") ? "is too old for current JUnit Platform launchers and JUnit 6"
                        : "cannot run JUnit Platform engines: mvn test runs none of the project's @Tune studies (and no JUnit 5 test)")
                + ". Declare maven-surefire-plugin 3.5.3 or newer in the pom's <build><plugins> (Maven 3's default is 2.12.4)");
    }
}
