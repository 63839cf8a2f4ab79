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
 * of each plugin parameter.
 */
class ConfigurationDocTest {

    private static final Pattern PLUGIN_PARAMETER = Pattern.compile(
            "@Parameter\\(property = \"(tuner\\.[^\"]+)\"[^)]*\\)\\s*private \\S+ (\\w+);");

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

    /** The plugin's parameters: key to field name, read from the Mojo sources. */
    private Map<String, String> pluginParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String mojo : List.of("TuneMojo", "AbstractTunerMojo")) {
            String source = docs.read(Path.of("tuner-maven-plugin/src/main/java/dev/tuner/maven/" + mojo + ".java"));
            Matcher parameter = PLUGIN_PARAMETER.matcher(source);
            while (parameter.find()) {
                parameters.put(parameter.group(1), parameter.group(2));
            }
        }
        return parameters;
    }

    @Test
    void thePageNamesEveryEngineKey() throws IllegalAccessException {
        String page = docs.read(Path.of("docs/configuration.md"));

        assertThat(engineKeys()).hasSizeGreaterThan(10)
                .allSatisfy(key -> assertThat(page).as("docs/configuration.md").contains("| `" + key + "` |"));
    }

    @Test
    void thePageNamesEveryPluginParameterAndItsElement() {
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
    void thePageNamesNoKeyThatDoesNotExist() throws IllegalAccessException {
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
