package dev.tuner.runtime;

/**
 * Applies tuned values to production code: the best parameters that {@code mvn tuner:tune} wrote,
 * with no agent and no Tuner engine on the classpath.
 *
 * <pre>{@code
 * public class Classifier {
 *     @LogUniform(min = 1e-4, max = 1e-1) double learningRate = 1e-2;
 *     @IntUniform(min = 1, max = 8)        int layers = 2;
 *
 *     public Classifier() {
 *         Tuned.apply(this);   // tuned values if there are any, else the declared defaults
 *     }
 * }
 * int batchSize = Tuned.value(Classifier.class, "batchSize");
 * }</pre>
 *
 * <p>The values come from the file named by the system property {@value #FILE_PROPERTY}, else
 * from the classpath resource {@value #RESOURCE} (copy the chosen {@code target/tuner/*.properties}
 * file there), else nowhere: then every member keeps its declared default, exactly as without
 * Tuner. Use {@link TunedValues} to read another file.
 */
public final class Tuned {

    /** System property naming a properties file of tuned values: {@value}. */
    public static final String FILE_PROPERTY = "tuner.properties";

    /** Classpath resource read when {@value #FILE_PROPERTY} is not set: {@value}. */
    public static final String RESOURCE = "tuner.properties";

    private Tuned() {}

    /**
     * Sets every knob-annotated field of {@code target} (instance and static, declared in its class
     * or a superclass) that the tuned values name; others keep their values.
     *
     * @throws IllegalStateException if a value does not fit its member's type or declared range
     */
    public static void apply(Object target) {
        DefaultValues.get().apply(target);
    }

    /**
     * The tuned value of a knob-annotated field or method of {@code type}; without a tuned value,
     * its declared default (a static field's value, or a static method's result).
     *
     * @throws IllegalArgumentException if {@code type} has no knob member of that name
     * @throws IllegalStateException if a value does not fit, or an instance member has no tuned value
     */
    public static <T> T value(Class<?> type, String member) {
        return DefaultValues.get().value(type, member);
    }

    /** The values {@link #apply(Object)} and {@link #value(Class, String)} use, read once. */
    public static TunedValues values() {
        return DefaultValues.get();
    }

    /** Reads the default values once, on first use. */
    private static final class DefaultValues {

        private static final TunedValues VALUES = TunedValues.loadDefault();

        static TunedValues get() {
            return VALUES;
        }
    }
}
