package dev.tuner.runtime;

import dev.tuner.Tune;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A knob that belongs to a study rather than to a member of production code: one a {@code @Tune}
 * method suggests through its {@code Trial} ({@code trial.suggestInt("rounds", 1, 50)}), or one of
 * its parameters. Its key is the study's name and its own, {@code <study>.<name>}; a study's name is
 * the binary name of the class the {@code @Tune} method runs on and the method's name
 * ({@code com.acme.BoostTuning.accuracy.rounds}).
 */
final class StudyKnob {

    /** The last Tuner release that reads the bare keys Tuner 0.1 wrote for suggested knobs. */
    static final String LAST_RELEASE_READING_BARE_KEYS = "0.2";

    private StudyKnob() {}

    /** The key of knob {@code name} of study {@code study}. */
    static String key(String study, String name) {
        return study + "." + name;
    }

    /**
     * The keys knob {@code name} may have in the studies of {@code studyClass}: one per {@code @Tune}
     * method it declares or inherits, as the engine names them.
     *
     * @throws IllegalArgumentException if the class has no {@code @Tune} method
     */
    static List<String> keys(Class<?> studyClass, String name) {
        Set<String> methods = new LinkedHashSet<>();
        for (Class<?> current = studyClass; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Tune.class)) {
                    methods.add(method.getName());
                }
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(studyClass.getName() + " has no @Tune method, so it names no study"
                    + " whose knob '" + name + "' could be read; pass the class that declares the @Tune method, or"
                    + " the study's name: Tuned.value(\"<class>.<method>\", \"" + name + "\", type)");
        }
        List<String> keys = new ArrayList<>();
        methods.forEach(method -> keys.add(key(studyClass.getName() + "." + method, name)));
        return keys;
    }

    /** Whether {@code name} could be a bare key of Tuner 0.1: one without a dot, as no full name is. */
    static boolean mayBeBare(String name) {
        return name.indexOf('.') < 0;
    }
}
