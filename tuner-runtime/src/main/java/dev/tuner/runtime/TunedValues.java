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
import java.util.Properties;

/**
 * Tuned values read from one properties file, keyed by each knob's full name
 * ({@code com.acme.Classifier.learningRate}), as {@code mvn tuner:tune} writes them.
 *
 * <pre>{@code
 * TunedValues values = TunedValues.load(Path.of("target/tuner/com.acme.ClassifierTuning.accuracy.properties"));
 * values.apply(classifier);
 * }</pre>
 */
public final class TunedValues {

    private final Properties properties;
    private final String source;

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
                return none();
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
        return fromClasspath(Tuned.RESOURCE, loader != null ? loader : Tuned.class.getClassLoader());
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
