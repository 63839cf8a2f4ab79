package dev.tuner.core.inject;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The knobs of the fields and methods that instrumented code reads, looked up once per member
 * and kept per class (a {@link ClassValue}, so unloading a class frees its entry). A member whose
 * declaration is invalid keeps its error, and every read of it in a trial throws that error.
 */
final class KnobRegistry {

    private static final ClassValue<Map<String, Resolved>> MEMBERS = new ClassValue<>() {
        @Override
        protected Map<String, Resolved> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private KnobRegistry() {}

    /**
     * The knob of the field that {@code origin} names ({@code double com.acme.Classifier.lr}, as
     * {@link java.lang.reflect.Field#toString()} writes it), declared in {@code owner} or a supertype.
     */
    static Optional<KnobValue> field(Class<?> owner, String origin) {
        return MEMBERS.get(owner).computeIfAbsent(origin, key -> resolveField(owner, key)).get();
    }

    /** The knob of the method {@code name()} that {@code owner} declares. */
    static Optional<KnobValue> method(Class<?> owner, String name) {
        return MEMBERS.get(owner).computeIfAbsent(name + "()", key -> resolveMethod(owner, name)).get();
    }

    private static Resolved resolveField(Class<?> owner, String origin) {
        String qualified = origin.substring(origin.lastIndexOf(' ') + 1);
        String declaringClass = qualified.substring(0, qualified.lastIndexOf('.'));
        String fieldName = qualified.substring(qualified.lastIndexOf('.') + 1);
        try {
            Field field = findField(owner, declaringClass, fieldName);
            return field == null ? Resolved.NONE : new Resolved(MemberKnobs.field(field), null);
        } catch (InvalidDeclarationException invalid) {
            return new Resolved(Optional.empty(), invalid);
        }
    }

    private static Resolved resolveMethod(Class<?> owner, String name) {
        try {
            Method method = owner.getDeclaredMethod(name);
            return new Resolved(MemberKnobs.method(method), null);
        } catch (NoSuchMethodException missing) {
            return Resolved.NONE;
        } catch (InvalidDeclarationException invalid) {
            return new Resolved(Optional.empty(), invalid);
        }
    }

    private static Field findField(Class<?> type, String declaringClass, String name) {
        if (type == null) {
            return null;
        }
        if (type.getName().equals(declaringClass)) {
            try {
                return type.getDeclaredField(name);
            } catch (NoSuchFieldException missing) {
                return null;
            }
        }
        Field found = findField(type.getSuperclass(), declaringClass, name);
        for (Class<?> implemented : type.getInterfaces()) {
            if (found == null) {
                found = findField(implemented, declaringClass, name);
            }
        }
        return found;
    }

    /** A looked-up member: its knob, none, or the error its declaration gives. */
    private record Resolved(Optional<KnobValue> knob, InvalidDeclarationException error) {

        static final Resolved NONE = new Resolved(Optional.empty(), null);

        Optional<KnobValue> get() {
            if (error != null) {
                // a fresh exception, so each failed trial shows where its own read happened
                throw new InvalidDeclarationException(error);
            }
            return knob;
        }
    }
}
