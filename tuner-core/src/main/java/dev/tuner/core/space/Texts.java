package dev.tuner.core.space;

import java.util.List;
import java.util.stream.Collectors;

/** The canonical text forms of numbers and options. */
final class Texts {

    private Texts() {}

    /** {@code 10}, {@code -0.5}, {@code 1e-05} → {@code 1.0E-5}: whole numbers without a fraction. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** An option as a literal: strings quoted, enum constants and classes by their simple names. */
    static String option(Object option) {
        if (option instanceof String string) {
            return '"' + string.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (option instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        if (option instanceof Class<?> type) {
            return type.getSimpleName() + ".class";
        }
        if (option instanceof Long) {
            return option + "L";
        }
        if (option instanceof Float) {
            return option + "f";
        }
        return String.valueOf(option);
    }

    static String options(List<Object> options) {
        return options.stream().map(Texts::option).collect(Collectors.joining(", "));
    }
}
