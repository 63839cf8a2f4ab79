package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's table of modules names every goal the Maven plugin declares ({@code @Mojo(name = ...)}
 * in its sources), so that a goal added to the plugin is not missing from the page a newcomer reads first.
 */
class PluginGoalsDocTest {

    private static final Pattern GOAL = Pattern.compile("@Mojo\\(name = \"([^\"]+)\"");

    @Test
    void theReadmeNamesEveryGoalOfThePlugin() throws IOException {
        Path root = DocFiles.ofRepository().root();
        List<String> goals;
        try (Stream<Path> sources = Files.walk(root.resolve("tuner-maven-plugin/src/main/java"))) {
            goals = sources.filter(file -> file.toString().endsWith("Mojo.java")).flatMap(file -> {
                try {
                    Matcher goal = GOAL.matcher(Files.readString(file));
                    return goal.find() ? Stream.of(goal.group(1)) : Stream.empty();
                } catch (IOException unreadable) {
                    throw new java.io.UncheckedIOException(unreadable);
                }
            }).sorted().toList();
        }
        String pluginRow = Files.readAllLines(root.resolve("README.md")).stream()
                .filter(line -> line.startsWith("| `tuner-maven-plugin` |")).findFirst().orElseThrow();

        assertThat(goals).contains("tune", "export");
        for (String goal : goals) {
            assertThat(pluginRow).as("README's row of tuner-maven-plugin names goal '%s'", goal).contains("`" + goal + "`");
        }
    }
}
