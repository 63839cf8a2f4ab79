package dev.tuner.core.inject;

import dev.tuner.core.space.Distribution;

/**
 * A knob declared by an annotation: its full name, its distribution, and the Java type the
 * member expects.
 *
 * @param name the full name, e.g. {@code com.acme.QuadraticTuning.quad1.x}
 * @param distribution the range and prior the annotation declares
 * @param type the member's type; {@link #convert(Object)} turns a drawn value into it
 */
record Knob(String name, Distribution distribution, Class<?> type) {

    /**
     * A value {@code distribution} produced, as the member's type needs it: a {@code Double} as a
     * {@code float}, a whole {@code Double} (of a quantized real) or a {@code Long} as an
     * {@code int} or {@code long}; a {@code Class} option that is a subtype of the member's type (a
     * branch of a sealed type, which the caller instantiates) and other values as they are.
     *
     * @throws IllegalStateException if the value cannot be held by the member's type
     */
    public Object convert(Object value) {
        Class<?> target = boxed(type);
        if (target.isInstance(value)) {
            return value;
        }
        if (value instanceof Class<?> branch && type.isAssignableFrom(branch)) {
            // a branch of a sealed type: the caller builds the instance
            return value;
        }
        if (value instanceof Number number) {
            if (target == Float.class) {
                return number.floatValue();
            }
            if (target == Double.class) {
                return number.doubleValue();
            }
            if (target == Long.class) {
                return whole(number);
            }
            if (target == Integer.class) {
                long whole = whole(number);
                if (whole == (int) whole) {
                    return (int) whole;
                }
            }
        }
        throw new IllegalStateException("knob '" + name + "' drew " + value + " from " + distribution
                + ", which a " + type.getName() + " cannot hold; declare the member with a type that fits");
    }

    private long whole(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double real = number.doubleValue();
            if (real != Math.rint(real) || Math.abs(real) > 0x1p53) {
                throw new IllegalStateException("knob '" + name + "' drew " + real + " from " + distribution
                        + ", which is not a whole number for a " + type.getName() + "; quantize with a whole q");
            }
            return (long) real;
        }
        return number.longValue();
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
