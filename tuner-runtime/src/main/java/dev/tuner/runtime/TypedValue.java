package dev.tuner.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Turns a tuned value's text into the member's type and checks it against the range its
 * annotation declares, so that a stale or edited file cannot put a value the search never
 * allowed into production.
 */
final class TypedValue {

    private TypedValue() {}

    /**
     * {@code text} as a value of {@code type}, checked against the range {@code knob} declares; a
     * null {@code knob} declares none.
     */
    static Object parse(String text, Class<?> type, Annotation knob, String key, String source) {
        Object value;
        try {
            value = convert(text.trim(), type);
        } catch (IllegalArgumentException | ArithmeticException wrongType) {
            throw new IllegalStateException("tuned value " + key + "=" + text + " in " + source + " is not a valid "
                    + type.getSimpleName() + "; correct the value or rerun tuner:tune", wrongType);
        }
        String outside = outsideDeclaredRange(value, knob);
        if (outside != null) {
            throw new IllegalStateException("tuned value " + key + "=" + text + " in " + source + " lies outside "
                    + "the declared " + outside + "; the annotation changed since the search: rerun tuner:tune, "
                    + "or correct the value");
        }
        return value;
    }

    private static Object convert(String text, Class<?> type) {
        if (type == double.class || type == Double.class) {
            return Double.valueOf(text);
        }
        if (type == float.class || type == Float.class) {
            return Float.valueOf(text);
        }
        if (type == int.class || type == Integer.class) {
            return Math.toIntExact(wholeNumber(text));
        }
        if (type == long.class || type == Long.class) {
            return wholeNumber(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("not true or false: " + text);
            }
            return Boolean.valueOf(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type.isEnum()) {
            return enumConstant(type, text);
        }
        throw new IllegalArgumentException("Tuned cannot set members of type " + type.getName());
    }

    /** A whole number, also when written as a double with no fraction ({@code 16.0}). */
    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notALong) {
            double value = Double.parseDouble(text);
            if (value != Math.rint(value) || Math.abs(value) > 1L << 53) {
                throw new NumberFormatException("not a whole number: " + text);
            }
            return (long) value;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    /** A description of the declared range the value lies outside, or null if it fits or none is declared. */
    private static String outsideDeclaredRange(Object value, Annotation knob) {
        if (knob == null) {
            return null;  // a knob a @Tune method suggests: its range is in the tuning code only
        }
        String[] options = attribute(knob, "value", String[].class);
        if (options != null && options.length > 0) {
            String text = value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
            boolean listed = Arrays.stream(options).anyMatch(option -> sameOption(option.trim(), text, value));
            return listed ? null : "options " + Arrays.toString(options);
        }
        if (!(value instanceof Number number)) {
            return null;
        }
        Double min = number(knob, "min");
        Double max = number(knob, "max");
        double actual = number.doubleValue();
        if ((min != null && actual < min) || (max != null && actual > max)) {
            return "range [" + min + ", " + max + "]";
        }
        return null;
    }

    private static boolean sameOption(String option, String text, Object value) {
        if (value instanceof Number number) {
            try {
                return Double.parseDouble(option) == number.doubleValue();
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return option.equals(text);
    }

    private static Double number(Annotation knob, String name) {
        Object value = attribute(knob, name, Object.class);
        return value instanceof Number number ? number.doubleValue() : null;
    }

    /** An annotation attribute read by name, or null: works for any knob annotation, custom ones too. */
    private static <T> T attribute(Annotation annotation, String name, Class<T> type) {
        try {
            Method attribute = annotation.annotationType().getMethod(name);
            Object value = attribute.invoke(annotation);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }
}
