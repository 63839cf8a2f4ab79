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
public record Knob(String name, Distribution distribution, Class<?> type) {

    /** A value {@code distribution} produced, as the member's type needs it. */
    public Object convert(Object value) {
        if ((type == float.class || type == Float.class) && value instanceof Double) {
            return ((Double) value).floatValue();
        }
        if ((type == int.class || type == Integer.class) && value instanceof Long) {
            return Math.toIntExact((Long) value);
        }
        return value;
    }
}
