package dev.tuner.core.optuna;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.PriorityChoice;
import java.util.Arrays;
import java.util.Optional;

/** A value Optuna gave (a real, an integer, a string or a boolean) as the internal value of a Tuner knob's distribution. */
final class KnobValues {

    private KnobValues() {}

    /** The internal value of {@code value} in {@code distribution}, or empty if it is none of its values. */
    static Optional<Double> internalOf(Distribution distribution, Object value) {
        try {
            return Optional.of(distribution.toInternal(value));
        } catch (IllegalArgumentException | ClassCastException notAsGiven) {
            // an option named by text (an enum constant, a sealed branch), or a number of another type
        }
        if (distribution instanceof Choice || distribution instanceof PriorityChoice || distribution instanceof Bool
                || distribution instanceof Fixed) {
            for (double internal = distribution.low(); internal <= distribution.high(); internal++) {
                if (names(distribution.toExternal(internal), value)) {
                    return Optional.of(internal);
                }
            }
            return Optional.empty();
        }
        if (value instanceof Number number) {
            double real = number.doubleValue();
            for (Object candidate : new Object[] {real, (long) real}) {
                try {
                    return Optional.of(distribution.toInternal(candidate));
                } catch (IllegalArgumentException | ClassCastException notThisType) {
                    // try the other reading
                }
            }
        }
        return Optional.empty();
    }

    private static boolean names(Object option, Object value) {
        if (option instanceof Class<?> branch) {
            return branch.getSimpleName().equals(value) || branch.getName().equals(value);
        }
        if (option instanceof Enum<?> constant) {
            return constant.name().equals(value);
        }
        if (option instanceof Number number && value instanceof Number given) {
            return number.doubleValue() == given.doubleValue();
        }
        return option.equals(value) || option.toString().equals(String.valueOf(value));
    }

    /**
     * Whether {@code fullName} names a field or a method of a class the thread's class loader finds
     * ({@code com.acme.Classifier.learningRate}): a knob the agent reads, which no list holds before its
     * trial reads it.
     */
    static boolean isMember(String fullName) {
        int dot = fullName.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        String member = fullName.substring(dot + 1);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> owner = Class.forName(fullName.substring(0, dot), false, loader == null
                    ? KnobValues.class.getClassLoader() : loader);
            return Arrays.stream(owner.getDeclaredFields()).anyMatch(field -> field.getName().equals(member))
                    || Arrays.stream(owner.getDeclaredMethods()).anyMatch(method -> method.getName().equals(member));
        } catch (ClassNotFoundException | LinkageError notAClass) {
            return false;
        }
    }
}
