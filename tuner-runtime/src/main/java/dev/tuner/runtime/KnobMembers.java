package dev.tuner.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Finds the members of a class that carry a knob annotation, and names them as Tuner does. */
final class KnobMembers {

    private static final String ANNOTATION_PACKAGE = "dev.tuner";
    private static final String CUSTOM_MARKER = "dev.tuner.KnobAnnotation";
    private static final String OBJECTIVE = "dev.tuner.Tune";

    private KnobMembers() {}

    /** Knob-annotated fields of {@code type} and its superclasses. */
    static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (knobAnnotation(field) != null) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The knob field or parameterless knob method of that name, in {@code type} or a superclass. */
    static KnobMember find(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (field.getName().equals(name) && knobAnnotation(field) != null) {
                    return KnobMember.of(field);
                }
            }
            for (Method method : current.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0 && knobAnnotation(method) != null) {
                    return KnobMember.of(method);
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no knob field or method named '" + name
                + "'; name a field or parameterless method that carries a knob annotation such as @Uniform, or,"
                + " for a knob a @Tune method suggests through its Trial or declares as a parameter, give its type:"
                + " Tuned.value(<study class or name>, \"" + name + "\", int.class)");
    }

    /** A field's or method's knob name: its declaring class's binary name and its own name. */
    static String name(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }

    /** The member's knob annotation, or null: one of Tuner's, or one meta-annotated as a custom knob. */
    static Annotation knobAnnotation(java.lang.reflect.AnnotatedElement member) {
        for (Annotation annotation : member.getAnnotations()) {
            if (isKnobAnnotation(annotation.annotationType())) {
                return annotation;
            }
        }
        return null;
    }

    private static boolean isKnobAnnotation(Class<? extends Annotation> type) {
        if (type.getPackageName().equals(ANNOTATION_PACKAGE)) {
            return !type.getName().equals(OBJECTIVE);
        }
        for (Annotation meta : type.getAnnotations()) {
            if (meta.annotationType().getName().equals(CUSTOM_MARKER)) {
                return true;
            }
        }
        return false;
    }
}
