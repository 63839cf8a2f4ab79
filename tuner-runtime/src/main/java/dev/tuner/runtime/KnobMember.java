package dev.tuner.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** A knob-annotated field or parameterless method, with what {@link TunedValues#value} needs of it. */
final class KnobMember {

    private final Member member;
    private final Class<?> type;
    private final Annotation knobAnnotation;

    private KnobMember(Member member, Class<?> type, Annotation knobAnnotation) {
        this.member = member;
        this.type = type;
        this.knobAnnotation = knobAnnotation;
    }

    static KnobMember of(Field field) {
        return new KnobMember(field, field.getType(), KnobMembers.knobAnnotation(field));
    }

    static KnobMember of(Method method) {
        return new KnobMember(method, method.getReturnType(), KnobMembers.knobAnnotation(method));
    }

    String name() {
        return member.getDeclaringClass().getName() + "." + member.getName();
    }

    Class<?> type() {
        return type;
    }

    Annotation knobAnnotation() {
        return knobAnnotation;
    }

    boolean isStatic() {
        return Modifier.isStatic(member.getModifiers());
    }

    /** A static member's declared value: the field's, or what the method returns. */
    Object readDefault() {
        try {
            if (member instanceof Field field) {
                field.setAccessible(true);
                return field.get(null);
            }
            Method method = (Method) member;
            method.setAccessible(true);
            return method.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException failed) {
            throw new IllegalStateException("could not read the default of " + this + ": " + failed, failed);
        }
    }

    @Override
    public String toString() {
        return (member instanceof Method ? "method " : "field ") + name() + (member instanceof Method ? "()" : "");
    }
}
