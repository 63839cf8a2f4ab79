package dev.tuner.maven;

import dev.tuner.core.settings.RenamedSettings;
import dev.tuner.engine.Constants;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The goal's parameters given by the old names of their properties ({@code -Dtuner.outputFile}), which
 * keep working until Tuner {@value Constants#RENAMED_PROPERTY_NAMES_REMOVED_IN}. They are read where
 * Maven reads a parameter's property, first found first: Maven's user properties ({@code -D}), its
 * system properties, the pom's {@code <properties>}. Each old name is warned of; an old and a new name
 * with different values are an error naming both.
 */
final class RenamedProperties {

    private static final RenamedSettings RENAMED = new RenamedSettings(Constants.RENAMED_PROPERTY_NAMES,
            Constants.RENAMED_PROPERTY_NAMES_REMOVED_IN);

    private RenamedProperties() {}

    /**
     * The values given by old property names, by new name; {@code warn} gets one message for each old name.
     *
     * @throws IllegalArgumentException naming both names when an old and its new name have different values
     */
    static Map<String, String> resolve(Properties user, Properties system, Properties project, Consumer<String> warn) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        Constants.RENAMED_PROPERTY_NAMES.forEach((oldName, newName) -> {
            for (String name : List.of(oldName, newName)) {
                if (user.getProperty(name) != null) {
                    given.put(name, user.getProperty(name));
                    origins.put(name, "a -D property of Maven");
                } else if (system.getProperty(name) != null) {
                    given.put(name, system.getProperty(name));
                    origins.put(name, "a system property of Maven's JVM");
                } else if (project.getProperty(name) != null) {
                    given.put(name, project.getProperty(name));
                    origins.put(name, "in the pom's <properties>");
                }
            }
        });
        RenamedSettings.Resolved resolved = RENAMED.resolve(given, origins::get);
        resolved.warnings().forEach(warn);
        Map<String, String> byNewName = new HashMap<>();
        Constants.RENAMED_PROPERTY_NAMES.forEach((oldName, newName) -> {
            if (given.containsKey(oldName)) {
                byNewName.put(newName, resolved.settings().get(newName));
            }
        });
        return byNewName;
    }
}
