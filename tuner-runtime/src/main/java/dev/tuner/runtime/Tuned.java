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
 * int rounds = Tuned.value("com.acme.BoostTuning.accuracy", "rounds", int.class);  // a knob the study suggests
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

    /**
     * The tuned value of knob {@code name} of study {@code study}: one its {@code @Tune} method
     * suggests through its {@code Trial}, or one of its parameters. The study is named by its class's
     * binary name and its method's name, as {@code mvn tuner:tune} names it:
     *
     * <pre>{@code
     * // in the test sources: @Tune double accuracy(Trial trial) { int rounds = trial.suggestInt("rounds", 1, 50); ... }
     * int rounds = Tuned.value("com.acme.BoostTuning.accuracy", "rounds", int.class);
     * }</pre>
     *
     * @throws IllegalStateException if there is no tuned value (there is no declared default to fall
     *     back on), or it is not of {@code type}
     * @see TunedValues#value(String, String, Class)
     */
    public static <T> T value(String study, String name, Class<T> type) {
        return DefaultValues.get().value(study, name, type);
    }

    /**
     * The tuned value of knob {@code name} of a study of {@code studyClass}, the class of the
     * {@code @Tune} method, for code that sees that class (the tuning class usually lives in the test
     * sources; production code names the study instead, with {@link #value(String, String, Class)}).
     *
     * <pre>{@code
     * int rounds = Tuned.value(BoostTuning.class, "rounds", int.class);
     * }</pre>
     *
     * @throws IllegalArgumentException if the class has no {@code @Tune} method
     * @throws IllegalStateException if there is no tuned value, several of its studies have one, or it
     *     is not of {@code type}
     * @see TunedValues#value(Class, String, Class)
     */
    public static <T> T value(Class<?> studyClass, String name, Class<T> type) {
        return DefaultValues.get().value(studyClass, name, type);
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
