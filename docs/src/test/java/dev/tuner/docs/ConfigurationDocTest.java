package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.engine.Constants;
import dev.tuner.runtime.Tuned;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration page names every setting the engine and the plugin read, and the plugin element
 * of each plugin parameter, and lists every renamed key with its new name; the guide uses new names.
 */
class ConfigurationDocTest {

    /** A plugin parameter: its property, a literal or the engine's constant, and its field. */
    private static final Pattern PLUGIN_PARAMETER = Pattern.compile(
            "@Parameter\\(property = (?:\"(tuner\\.[^\"]+)\"|Constants\\.(\\w+))[^)]*\\)\\s*private \\S+ (\\w+);");
    private static final List<String> MOJOS = List.of("TuneMojo", "PrepareAgentMojo", "PackageWorkerMojo", "ExportMojo", "AbstractTunerMojo");

    private final DocFiles docs = DocFiles.ofRepository();

    /** The engine's keys: the values of {@code Constants.*_PROPERTY_NAME}. */
    static List<String> engineKeys() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_PROPERTY_NAME")) {
                keys.add((String) field.get(null));
            }
        }
        return keys;
    }

    private String mojoSource(String mojo) {
        return docs.read(Path.of("tuner-maven-plugin/src/main/java/dev/tuner/maven/" + mojo + ".java"));
    }

    /** The plugin's parameters: key to field name, read from the Mojo sources. */
    private Map<String, String> pluginParameters() throws ReflectiveOperationException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String mojo : MOJOS) {
            Matcher parameter = PLUGIN_PARAMETER.matcher(mojoSource(mojo));
            while (parameter.find()) {
                String key = parameter.group(1) != null ? parameter.group(1)
                        : (String) Constants.class.getField(parameter.group(2)).get(null);
                parameters.put(key, parameter.group(3));
            }
        }
        return parameters;
    }

    /** The rows of the table under {@code heading}: the cells of each. */
    private static List<List<String>> tableUnder(String page, String heading) {
        return page.substring(page.indexOf(heading)).lines()
                .dropWhile(line -> !line.startsWith("|---"))
                .skip(1)
                .takeWhile(line -> line.startsWith("|"))
                .map(line -> List.of(line.substring(1, line.length() - 1).split("\\|")).stream()
                        .map(cell -> cell.strip().replace("`", ""))
                        .toList())
                .toList();
    }

    @Test
    void theGoalTakesItsPropertiesFromTheEngineConstants() {
        for (String mojo : MOJOS) {
            assertThat(mojoSource(mojo)).as(mojo).contains("@Parameter(property = Constants.")
                    .doesNotContain("@Parameter(property = \"");
        }
    }

    @Test
    void thePageListsEveryRenamedKeyWithItsNewName() {
        String page = docs.read(Path.of("docs/configuration.md"));

        assertThat(tableUnder(page, "## Renamed settings")).containsExactlyInAnyOrderElementsOf(
                Constants.RENAMED_PROPERTY_NAMES.entrySet().stream()
                        .map(renamed -> List.of(renamed.getKey(), renamed.getValue()))
                        .toList());
    }

    @Test
    void theGuideNamesOldKeysOnlyWhereItSaysTheyWereRenamed() {
        for (Path file : docs.markdownFiles()) {
            String text = docs.read(file);
            if (file.equals(Path.of("docs/configuration.md"))) {
                text = text.substring(0, text.indexOf("## Renamed settings"));
            } else if (file.equals(Path.of("docs/troubleshooting.md"))) {
                continue;     // quotes a deprecation warning, for an old key as its example
            }
            for (String old : Constants.RENAMED_PROPERTY_NAMES.keySet()) {
                assertThat(text).as("%s names %s, now %s", file, old, Constants.RENAMED_PROPERTY_NAMES.get(old))
                        .doesNotContainPattern(Pattern.quote(old) + "(?!\\w)");
            }
        }
    }

    @Test
    void thePageNamesEveryEngineKey() throws IllegalAccessException {
        String page = docs.read(Path.of("docs/configuration.md"));

        assertThat(engineKeys()).hasSizeGreaterThan(10)
                .allSatisfy(key -> assertThat(page).as("docs/configuration.md").contains("| `" + key + "` |"));
    }

    @Test
    void thePageNamesEveryPluginParameterAndItsElement() throws ReflectiveOperationException {
        String[] rows = docs.read(Path.of("docs/configuration.md")).lines()
                .filter(line -> line.startsWith("| `tuner."))
                .toArray(String[]::new);
        Map<String, String> parameters = pluginParameters();

        assertThat(parameters).hasSizeGreaterThan(10);
        parameters.forEach((key, element) -> assertThat(rows)
                .as("a row of docs/configuration.md for %s with its plugin element `%s`", key, element)
                .anyMatch(row -> row.startsWith("| `" + key + "` |") && row.endsWith("| `" + element + "` |")));
    }

    @Test
    void thePageNamesNoKeyThatDoesNotExist() throws ReflectiveOperationException {
        List<String> known = new ArrayList<>(engineKeys());
        known.addAll(pluginParameters().keySet());
        String page = docs.read(Path.of("docs/configuration.md"));
        List<String> documented = page.substring(0, page.indexOf("## Other switches")).lines()
                .filter(line -> line.startsWith("| `tuner."))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .filter(key -> !key.contains("<"))      // tuner.<sampler>.<option>, tuner.<pruner>.<option>
                .toList();

        assertThat(documented).hasSizeGreaterThan(15).allSatisfy(key -> assertThat(known).contains(key));
        assertThat(page).contains("| `" + Tuned.FILE_PROPERTY + "` |");
    }
}
