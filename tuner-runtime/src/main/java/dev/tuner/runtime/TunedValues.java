package dev.tuner.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tuned values read from one properties file, keyed by each knob's full name
 * ({@code com.acme.Classifier.learningRate}), as {@code mvn tuner:tune} writes them.
 *
 * <pre>{@code
 * TunedValues values = TunedValues.load(Path.of("target/tuner/com.acme.ClassifierTuning.accuracy.properties"));
 * values.apply(classifier);
 * int rounds = values.value("com.acme.BoostTuning.accuracy", "rounds", int.class);   // trial.suggestInt("rounds", ...)
 * }</pre>
 */
public final class TunedValues {

    private final Properties properties;
    private final String source;
    /** The bare keys warned about, so that a value read on every request warns once. */
    private final Set<String> warnedBare = ConcurrentHashMap.newKeySet();

    private TunedValues(Properties properties, String source) {
        this.properties = properties;
        this.source = source;
    }

    /** Values read from a file. */
    public static TunedValues load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(reader, file.toString());
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read tuned values from " + file + ": " + failed.getMessage()
                    + "; check the path (system property " + Tuned.FILE_PROPERTY + ")", failed);
        }
    }

    /** Values read from a classpath resource, or none if there is no such resource. */
    public static TunedValues fromClasspath(String resource, ClassLoader loader) {
        try (InputStream stream = loader.getResourceAsStream(resource)) {
            if (stream == null) {
                return new TunedValues(new Properties(), "no classpath resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(stream);
            return new TunedValues(properties, "classpath:" + resource);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read tuned values from classpath resource " + resource
                    + ": " + failed.getMessage(), failed);
        }
    }

    /** No values: every member keeps its declared default. */
    public static TunedValues none() {
        return new TunedValues(new Properties(), "no tuned values");
    }

    static TunedValues loadDefault() {
        String file = System.getProperty(Tuned.FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            return load(Path.of(file));
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TunedValues values = fromClasspath(Tuned.RESOURCE, loader != null ? loader : Tuned.class.getClassLoader());
        return values.properties.isEmpty() && values.source.startsWith("no ")
                ? new TunedValues(values.properties, values.source + " and no system property " + Tuned.FILE_PROPERTY)
                : values;
    }

    private static TunedValues read(Reader reader, String source) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return new TunedValues(properties, source);
    }

    /** Where these values came from, for messages. */
    public String source() {
        return source;
    }

    /** Whether there is a tuned value for the knob of this full name. */
    public boolean contains(String knobName) {
        return properties.containsKey(knobName);
    }

    /**
     * Sets every knob-annotated field of {@code target} (instance and static, declared in its
     * class or a superclass) that these values name; others keep their values.
     *
     * @throws IllegalStateException if a value does not fit its member's type or declared range,
     *     or a field cannot be set
     */
    public void apply(Object target) {
        for (Field field : KnobMembers.fields(target.getClass())) {
            String key = KnobMembers.name(field);
            String text = properties.getProperty(key);
            if (text != null) {
                set(field, Modifier.isStatic(field.getModifiers()) ? null : target, convert(field, key, text));
            }
        }
    }

    /**
     * The tuned value of a knob-annotated field or parameterless method of {@code type}; without a
     * tuned value, its declared default (a static field's value, or a static method's result).
     *
     * @throws IllegalArgumentException if {@code type} has no knob member of that name
     * @throws IllegalStateException if a value does not fit, or an instance member has no tuned value
     */
    @SuppressWarnings("unchecked")
    public <T> T value(Class<?> type, String memberName) {
        KnobMember member = KnobMembers.find(type, memberName);
        String key = member.name();
        String text = properties.getProperty(key);
        if (text != null) {
            return (T) TypedValue.parse(text, member.type(), member.knobAnnotation(), key, source);
        }
        if (!member.isStatic()) {
            throw new IllegalStateException(source + " has no value for " + key + ", and " + member
                    + " is not static, so its default needs an instance; read it from an instance after "
                    + "Tuned.apply(instance), or add " + key + " to the file");
        }
        return (T) member.readDefault();
    }

    /**
     * The tuned value of knob {@code name} of study {@code study}: one the study's {@code @Tune} method
     * suggests through its {@code Trial} ({@code trial.suggestInt("rounds", 1, 50)}), or one of its
     * parameters, keyed {@code <study>.<name>}. A study is named by the binary name of its class and
     * its method's name ({@code com.acme.BoostTuning.accuracy}); production code names it so because
     * the tuning class lives in the test sources.
     *
     * <pre>{@code
     * int rounds = values.value("com.acme.BoostTuning.accuracy", "rounds", int.class);
     * }</pre>
     *
     * @param type the value's type: {@code double}, {@code float}, {@code int}, {@code long},
     *     {@code boolean} (or boxed), {@code String} or an enum
     * @throws IllegalStateException if there is no value (the message names the key, the file and the
     *     fix), or the value is not of {@code type}
     */
    @SuppressWarnings("unchecked")
    public <T> T value(String study, String name, Class<T> type) {
        String key = StudyKnob.key(study, name);
        String text = properties.getProperty(key);
        if (text == null) {
            return (T) bare(List.of(key), name, type).orElseThrow(() -> missing(List.of(key), name));
        }
        return (T) TypedValue.parse(text, type, null, key, source);
    }

    /**
     * The tuned value of knob {@code name} of a study of {@code studyClass}, the class that declares
     * (or inherits) the {@code @Tune} method: as {@link #value(String, String, Class)}, for code that
     * sees the tuning class, with the study found among its {@code @Tune} methods.
     *
     * @throws IllegalArgumentException if the class has no {@code @Tune} method
     * @throws IllegalStateException if there is no value, several of its studies have one (then name
     *     the study), or the value is not of {@code type}
     */
    @SuppressWarnings("unchecked")
    public <T> T value(Class<?> studyClass, String name, Class<T> type) {
        List<String> keys = StudyKnob.keys(studyClass, name);
        List<String> present = keys.stream().filter(properties::containsKey).toList();
        if (present.size() > 1) {
            throw new IllegalStateException(source + " holds knob '" + name + "' of several studies of "
                    + studyClass.getName() + " (" + String.join(", ", present) + "); name the study: Tuned.value(\""
                    + present.get(0).substring(0, present.get(0).length() - name.length() - 1) + "\", \"" + name
                    + "\", " + type.getSimpleName() + ".class)");
        }
        if (present.isEmpty()) {
            return (T) bare(keys, name, type).orElseThrow(() -> missing(keys, name));
        }
        return (T) TypedValue.parse(properties.getProperty(present.get(0)), type, null, present.get(0), source);
    }

    /** The value of the bare key Tuner 0.1 wrote for a suggested knob, with a warning, if the file has one. */
    private Optional<Object> bare(List<String> keys, String name, Class<?> type) {
        String text = StudyKnob.mayBeBare(name) ? properties.getProperty(name) : null;
        if (text == null) {
            return Optional.empty();
        }
        if (warnedBare.add(name)) {
            warnBare(keys, name);
        }
        return Optional.of(TypedValue.parse(text, type, null, name, source));
    }

    private void warnBare(List<String> keys, String name) {
        System.getLogger(TunedValues.class.getName()).log(System.Logger.Level.WARNING, source + " names knob '" + name
                + "' by its bare name, as Tuner 0.1 wrote the knobs a @Tune method suggests, so that two studies"
                + " suggesting one name clash; it is read as " + String.join(" or ", keys) + " until Tuner "
                + StudyKnob.LAST_RELEASE_READING_BARE_KEYS + ". Regenerate the file with mvn tuner:tune, or rename"
                + " the key to " + keys.get(0));
    }

    private IllegalStateException missing(List<String> keys, String name) {
        return new IllegalStateException("no tuned value of knob '" + name + "': looked for " + String.join(", ", keys)
                + " in " + source + "; run mvn tuner:tune and put its values where Tuned reads them (copy"
                + " target/tuner/<study>.properties to src/main/resources/" + Tuned.RESOURCE + ", or run with"
                + " -Dtuner.output.file=src/main/resources/" + Tuned.RESOURCE + "), or check the study's and the"
                + " knob's names");
    }

    private Object convert(Field field, String key, String text) {
        return TypedValue.parse(text, field.getType(), KnobMembers.knobAnnotation(field), key, source);
    }

    private void set(Field field, Object target, Object value) {
        try {
            field.setAccessible(true);
            field.set(target, value);
        } catch (IllegalAccessException | RuntimeException refused) {
            throw new IllegalStateException("could not set " + field.getDeclaringClass().getName() + "."
                    + field.getName() + " from " + source + ": " + refused.getMessage()
                    + "; a static final field cannot be set, so drop its final modifier", refused);
        }
    }
}
