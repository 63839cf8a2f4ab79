package dev.tuner.core.inject;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the knobs that fields, methods and record components declare, by the rules of DESIGN §3:
 * a member's knob is named {@code <declaring class binary name>.<member name>}; a field must not be
 * a compile-time constant; a method takes no parameters and returns the knob's value.
 */
final class MemberKnobs {

    private MemberKnobs() {}

    /**
     * The knob an annotated field declares, named {@code com.acme.Classifier.learningRate}.
     *
     * @throws InvalidDeclarationException if the field cannot be a knob
     */
    static Optional<KnobValue> field(Field field) {
        String name = field.getDeclaringClass().getName() + "." + field.getName();
        String where = "field " + name;
        Optional<KnobValue> knob = KnobValue.of(field, field.getType(), name, where);
        if (knob.isPresent()) {
            rejectConstant(field, where);
        }
        return knob;
    }

    /**
     * The knob an annotated method declares through its return value, named
     * {@code com.acme.Classifier.batchSize}.
     *
     * @throws InvalidDeclarationException if the method cannot be a knob
     */
    static Optional<KnobValue> method(Method method) {
        String name = method.getDeclaringClass().getName() + "." + method.getName();
        String where = "method " + name + "()";
        if (method.getReturnType() == void.class) {
            if (hasKnobAnnotation(method)) {
                throw new InvalidDeclarationException(where, "returns void, but a knob method's return value "
                        + "is the knob; return the value, or move the annotation to a field");
            }
            return Optional.empty();
        }
        Optional<KnobValue> knob = KnobValue.of(method, method.getReturnType(), name, where);
        if (knob.isEmpty()) {
            return knob;
        }
        if (method.getParameterCount() > 0) {
            throw new InvalidDeclarationException(where.replace("()", "(…)"), "takes " + method.getParameterCount()
                    + " parameter(s), but a knob method's return value is the knob and cannot depend on "
                    + "arguments; remove the parameters, or annotate a field or a method without parameters");
        }
        if (Modifier.isAbstract(method.getModifiers())) {
            throw new InvalidDeclarationException(where, "is abstract, so it has no body whose return Tuner can "
                    + "redirect; annotate the implementing method instead");
        }
        return knob;
    }

    /**
     * The knob a record component declares, named {@code com.acme.Svm.c}, read from the component
     * or, when the annotation targets parameters only, from the canonical constructor's parameter.
     */
    static Optional<KnobValue> recordComponent(RecordComponent component) {
        Class<?> record = component.getDeclaringRecord();
        String name = record.getName() + "." + component.getName();
        String where = "record component " + name;
        AnnotatedElement annotated = hasAnnotations(component) ? component : canonicalParameter(component);
        return KnobValue.of(annotated, component.getType(), name, where);
    }

    /**
     * Every knob {@code type} declares itself, on fields, methods and record components (the
     * accessor and field of a record component count once, as the component).
     *
     * @throws InvalidDeclarationException naming the first member that cannot be a knob
     */
    static List<KnobValue> declaredBy(Class<?> type) {
        List<KnobValue> knobs = new ArrayList<>();
        List<String> components = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                components.add(component.getName());
                recordComponent(component).ifPresent(knobs::add);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            boolean componentField = !Modifier.isStatic(field.getModifiers()) && components.contains(field.getName());
            if (!field.isSynthetic() && !componentField) {
                field(field).ifPresent(knobs::add);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            boolean accessor = method.getParameterCount() == 0 && components.contains(method.getName());
            if (!method.isSynthetic() && !method.isBridge() && !accessor) {
                method(method).ifPresent(knobs::add);
            }
        }
        return knobs;
    }

    /**
     * The first knob of {@code type} that only the agent can hand a trial's value: a knob method, a
     * static knob field, and (unless Tuner builds the class as a {@code @Choice} branch, setting them
     * itself) an instance knob field or record component. Named as messages name it.
     *
     * @param builtByTuner whether Tuner builds the instances that trials read, as a branch
     */
    static Optional<String> readByAgent(Class<?> type, boolean builtByTuner) {
        List<String> components = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                components.add(component.getName());
                if (!builtByTuner && recordComponent(component).isPresent()) {
                    return Optional.of("record component " + type.getName() + "." + component.getName());
                }
            }
        }
        for (Field field : type.getDeclaredFields()) {
            boolean instance = !Modifier.isStatic(field.getModifiers());
            boolean componentField = instance && components.contains(field.getName());
            if (!field.isSynthetic() && !componentField && !(builtByTuner && instance) && field(field).isPresent()) {
                return Optional.of("field " + type.getName() + "." + field.getName());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            boolean accessor = method.getParameterCount() == 0 && components.contains(method.getName());
            if (!method.isSynthetic() && !method.isBridge() && !accessor && method(method).isPresent()) {
                return Optional.of("method " + type.getName() + "." + method.getName() + "()");
            }
        }
        return Optional.empty();
    }

    /** A member below a {@code @Choice} branch: a knob, or a deeper tree. */
    static Optional<KnobValue> nested(AnnotatedElement member, Class<?> type, String name, String where,
            List<Class<?>> path) {
        if (ChoiceTree.applies(member, type)) {
            return Optional.of(ChoiceTree.of(member, type, name, where, path));
        }
        return AnnotationSpace.knob(member, type, name, where).map(KnobValue.Plain::new);
    }

    /**
     * Rejects a field that javac inlines: a final primitive or {@code String} with a constant
     * initializer. Its readers hold the constant, not a read of the field, so no read can be redirected.
     */
    static void rejectConstant(Field field, String where) {
        if (ConstantFields.isConstant(field)) {
            String example = field.getType() == String.class ? "String.valueOf(\"…\")" : "Double.valueOf(…)";
            throw new InvalidDeclarationException(where, "is a compile-time constant (final with a constant "
                    + "initializer), which javac copies into every reader, so Tuner cannot redirect its reads; "
                    + "drop final, or initialize it from a method call (e.g. = " + example
                    + ") or in a constructor or static block");
        }
    }

    static boolean hasAnnotations(AnnotatedElement element) {
        return element.getAnnotations().length > 0;
    }

    private static boolean hasKnobAnnotation(AnnotatedElement element) {
        for (var annotation : element.getAnnotations()) {
            if (AnnotationSpace.isKnobAnnotation(annotation.annotationType())) {
                return true;
            }
        }
        return false;
    }

    private static AnnotatedElement canonicalParameter(RecordComponent component) {
        Class<?> record = component.getDeclaringRecord();
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        int index = 0;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (components[i].getName().equals(component.getName())) {
                index = i;
            }
        }
        try {
            return record.getDeclaredConstructor(types).getParameters()[index];
        } catch (NoSuchMethodException impossible) {
            return component;
        }
    }
}
