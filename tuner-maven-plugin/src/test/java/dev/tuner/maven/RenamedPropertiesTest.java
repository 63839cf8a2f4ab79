package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RenamedPropertiesTest {

    private final List<String> warnings = new ArrayList<>();

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void anOldNameGivesItsValueToTheNewOneAndIsWarnedOfSayingWhereItWasGiven() {
        Map<String, String> renamed = RenamedProperties.resolve(properties("tuner.outputFile", "best.properties"),
                properties("tuner.argLine", "-Xmx1g"), properties("tuner.jdbcServerId", "db"), warnings::add);

        assertThat(renamed).containsExactlyInAnyOrderEntriesOf(Map.of("tuner.output.file", "best.properties",
                "tuner.arg.line", "-Xmx1g", "tuner.jdbc.server.id", "db"));
        assertThat(warnings).containsExactlyInAnyOrder(
                "tuner.outputFile (a -D property of Maven) is deprecated; use tuner.output.file (the old name works"
                        + " until Tuner 0.2)",
                "tuner.argLine (a system property of Maven's JVM) is deprecated; use tuner.arg.line (the old name"
                        + " works until Tuner 0.2)",
                "tuner.jdbcServerId (in the pom's <properties>) is deprecated; use tuner.jdbc.server.id (the old"
                        + " name works until Tuner 0.2)");
    }

    @Test
    void newNamesAloneAreLeftToMaven() {
        Map<String, String> renamed = RenamedProperties.resolve(properties("tuner.output.file", "best.properties"),
                properties(), properties(), warnings::add);

        assertThat(renamed).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theCommandLineWinsAsItDoesForMavensOwnProperties() {
        Map<String, String> renamed = RenamedProperties.resolve(properties("tuner.displayname", "cli {number}"),
                properties(), properties("tuner.displayname", "pom {number}"), warnings::add);

        assertThat(renamed).containsExactlyEntriesOf(Map.of("tuner.display.name", "cli {number}"));
    }

    @Test
    void anOldAndANewNameWithDifferentValuesAreAnErrorNamingBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenamedProperties.resolve(properties("tuner.outputFile", "a.properties"), properties(),
                        properties("tuner.output.file", "b.properties"), warnings::add))
                .withMessage("tuner.outputFile=a.properties (a -D property of Maven) and tuner.output.file=b.properties"
                        + " (in the pom's <properties>) set one setting to different values; keep tuner.output.file,"
                        + " its new name, and remove tuner.outputFile");
    }
}
