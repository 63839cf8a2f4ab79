package dev.tuner.core.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings whose keys were renamed, and whose old keys keep working for one more release: a run given
 * an old key applies its value under the new key and warns, naming both keys and where the old one
 * was given; a run given both keys with different values is an error naming both. The engine applies
 * it to its configuration parameters, the Maven goal to its properties.
 *
 * <pre>
 * RenamedSettings renamed = new RenamedSettings(Map.of("tuner.outputFile", "tuner.output.file"), "0.3");
 * RenamedSettings.Resolved run = renamed.resolve(Map.of("tuner.outputFile", "best.properties"), key -&gt; "a -D system property");
 * run.settings();   // {tuner.output.file=best.properties}
 * run.warnings();   // [tuner.outputFile (a -D system property) is deprecated; use tuner.output.file (the old name works until Tuner 0.2)]
 * </pre>
 */
public final class RenamedSettings {

    private final Map<String, String> newByOld;
    private final String removedIn;

    /**
     * @param newByOld each renamed key's new key, by its old key
     * @param removedIn the release that no longer reads the old keys, for the warnings: {@code 0.3}
     */
    public RenamedSettings(Map<String, String> newByOld, String removedIn) {
        this.newByOld = Map.copyOf(newByOld);
        this.removedIn = removedIn;
    }

    /** The old keys. */
    public Set<String> oldKeys() {
        return newByOld.keySet();
    }

    /** The key that replaced {@code key}, when {@code key} is an old one. */
    public Optional<String> newKey(String key) {
        return Optional.ofNullable(newByOld.get(key));
    }

    /**
     * The settings of a run with each old key replaced by its new one, and a warning for each old key.
     *
     * @param given the run's settings by key, under old and new keys
     * @param origin where a key of {@code given} was given, for the messages: {@code in junit-platform.properties}
     * @throws IllegalArgumentException naming both keys, for each old key given with a value other than its
     *     new key's
     */
    public Resolved resolve(Map<String, String> given, Function<String, String> origin) {
        Map<String, String> settings = new LinkedHashMap<>(given);
        List<String> warnings = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        given.forEach((key, value) -> {
            String newKey = newByOld.get(key);
            if (newKey == null) {
                return;
            }
            settings.remove(key);
            warnings.add(key + " (" + origin.apply(key) + ") is deprecated; use " + newKey
                    + " (the old name works until Tuner " + removedIn + ")");
            String newValue = given.get(newKey);
            if (newValue == null) {
                settings.put(newKey, value);
            } else if (!newValue.strip().equals(value.strip())) {
                conflicts.add(key + "=" + value + " (" + origin.apply(key) + ") and " + newKey + "=" + newValue + " ("
                        + origin.apply(newKey) + ") set one setting to different values; keep " + newKey
                        + ", its new name, and remove " + key);
            }
        });
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(String.join(". ", conflicts));
        }
        return new Resolved(settings, warnings);
    }

    /**
     * A run's settings under their new keys.
     *
     * @param settings every setting of the run, each under its new key
     * @param warnings one for each old key given, naming it, its new key and where it was given
     */
    public record Resolved(Map<String, String> settings, List<String> warnings) {

        public Resolved {
            settings = Map.copyOf(settings);
            warnings = List.copyOf(warnings);
        }
    }
}
