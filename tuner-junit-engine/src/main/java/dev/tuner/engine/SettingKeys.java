package dev.tuner.engine;

import dev.tuner.core.pruner.Pruners;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.settings.Spelling;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks that every {@code tuner.*} key a run is given is one Tuner knows, so that a misspelt
 * setting ({@code tuner.paralelism=4}) is an error naming the key it likely meant rather than a
 * setting silently ignored. Known are the engine's {@link Constants} (the Maven goal's keys among
 * them), the keys of other parts of Tuner, and {@code tuner.<sampler>.<option>} and {@code tuner.<pruner>.<option>},
 * whose options the named sampler or pruner checks itself. The old names of renamed keys are known
 * too ({@link RunSettings} warns of them), and a misspelling of one is offered its new name.
 */
final class SettingKeys {

    /** Keys that other parts of Tuner read, which the engine accepts and leaves alone. */
    private static final List<String> ELSEWHERE = List.of(
            "tuner.agent.debug",  // the agent's diagnostics
            "tuner.properties");  // tuner-runtime's Tuned: the production values' file

    private static final Set<String> EXACT = exactKeys();

    private SettingKeys() {}

    /**
     * @throws IllegalArgumentException naming every unknown {@code tuner.*} key with the known one it
     *     likely meant
     */
    static void check(Set<String> keys) {
        List<String> unknown = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            if (key.startsWith("tuner.") && !EXACT.contains(key) && !Constants.RENAMED_PROPERTY_NAMES.containsKey(key)
                    && owner(key) == null) {
                unknown.add(key + Spelling.closest(key, candidates(key))
                        .map(meant -> Constants.RENAMED_PROPERTY_NAMES.getOrDefault(meant, meant))
                        .map(meant -> " (did you mean " + meant + "?)").orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration parameter" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + ". Correct the key (-D, junit-platform.properties or the plugin's"
                    + " <configuration>); docs/configuration.md lists every one");
        }
    }

    /**
     * The sampler or pruner whose option {@code key} is ({@code tpe} for {@code tuner.tpe.gamma}), or
     * null. The option itself is checked by that sampler or pruner when a study uses it.
     */
    private static String owner(String key) {
        String rest = key.substring("tuner.".length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            return null;
        }
        String owner = rest.substring(0, dot);
        return Samplers.names().contains(owner) || Pruners.names().contains(owner) ? owner : null;
    }

    /**
     * What {@code key} may have meant: the exact keys, the old names of renamed ones (offered under
     * their new names), and its option under each sampler and pruner.
     */
    private static List<String> candidates(String key) {
        List<String> candidates = new ArrayList<>(EXACT);
        candidates.addAll(Constants.RENAMED_PROPERTY_NAMES.keySet());
        String rest = key.substring("tuner.".length());
        int dot = rest.indexOf('.');
        if (dot > 0) {
            // a misspelt sampler or pruner: its option under the name it is close to
            String owner = rest.substring(0, dot);
            String option = rest.substring(dot);
            Stream.concat(Samplers.names().stream(), Pruners.names().stream())
                    .filter(name -> Spelling.closest(owner, List.of(name)).isPresent())
                    .forEach(name -> candidates.add("tuner." + name + option));
        }
        return candidates;
    }

    private static Set<String> exactKeys() {
        Set<String> keys = new TreeSet<>(ELSEWHERE);
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_PROPERTY_NAME")) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return keys;
    }
}
