package dev.tuner.core.inject;

import java.util.Optional;
import net.bytebuddy.asm.MemberSubstitution;

/**
 * Where the {@link TunerAgent} sends reads of annotated fields and returns of annotated methods:
 * inside a trial each returns the trial's value of the knob, outside a trial the value the code
 * would have seen. Instrumented code calls these methods; they are not meant to be called by hand.
 *
 * <p>Each field read is rewritten to: read the field as before, then call the method of this
 * class for the field's type with that value, the field and the object read from.
 */
public final class KnobReads {

    private KnobReads() {}

    /** A read of an annotated {@code double} field. */
    public static double readDouble(@MemberSubstitution.Current double current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : ((Number) value).doubleValue();
    }

    /** A read of an annotated {@code float} field. */
    public static float readFloat(@MemberSubstitution.Current float current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : ((Number) value).floatValue();
    }

    /** A read of an annotated {@code long} field. */
    public static long readLong(@MemberSubstitution.Current long current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : ((Number) value).longValue();
    }

    /** A read of an annotated {@code int} field. */
    public static int readInt(@MemberSubstitution.Current int current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : ((Number) value).intValue();
    }

    /** A read of an annotated {@code short} field. */
    public static short readShort(@MemberSubstitution.Current short current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : ((Number) value).shortValue();
    }

    /** A read of an annotated {@code byte} field. */
    public static byte readByte(@MemberSubstitution.Current byte current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : ((Number) value).byteValue();
    }

    /** A read of an annotated {@code char} field. */
    public static char readChar(@MemberSubstitution.Current char current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : (Character) value;
    }

    /** A read of an annotated {@code boolean} field. */
    public static boolean readBoolean(@MemberSubstitution.Current boolean current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : (Boolean) value;
    }

    /** A read of an annotated field of a reference type: boxed, {@code String}, enum, sealed type. */
    public static Object readObject(@MemberSubstitution.Current Object current,
            @MemberSubstitution.Origin String field, @MemberSubstitution.Origin Class<?> owner,
            @MemberSubstitution.This(optional = true) Object instance) {
        Object value = fieldValue(owner, field, instance);
        return value == null ? current : value;
    }

    /**
     * The return of an annotated method {@code owner.method()}: {@code returned} outside a trial,
     * the knob's value inside one.
     */
    public static Object methodReturn(Object returned, Class<?> owner, String method, Object instance) {
        TrialContext.Binding binding = TrialContext.binding();
        if (binding == null || binding.isBuilt(instance)) {
            return returned;
        }
        Optional<KnobValue> knob = KnobRegistry.method(owner, method);
        return knob.isPresent() ? binding.value(knob.get()) : returned;
    }

    /** The knob value of the field inside a trial, or null when the read keeps its own value. */
    private static Object fieldValue(Class<?> owner, String field, Object instance) {
        TrialContext.Binding binding = TrialContext.binding();
        if (binding == null || binding.isBuilt(instance)) {
            return null;
        }
        Optional<KnobValue> knob = KnobRegistry.field(owner, field);
        return knob.isPresent() ? binding.value(knob.get()) : null;
    }
}
