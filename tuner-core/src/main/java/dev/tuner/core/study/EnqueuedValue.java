package dev.tuner.core.study;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.PriorityChoice;

/**
 * Turns a value given for an enqueued trial into text, as the storage keeps it, and that text into
 * the internal value of the knob's distribution once the trial reads the knob. Values come as the
 * objective receives them or as text, as a properties file of best parameters holds them
 * ({@code 0.5}, {@code 12}, {@code true}, {@code relu}, an enum constant's or a sealed branch's
 * simple name).
 */
final class EnqueuedValue {

    private EnqueuedValue() {}

    /**
     * The text a value is stored as: a real number as {@link Double#toString} writes its
     * {@code double} (so that it reads back as the same {@code double}; a {@code float} as the
     * {@code double} it widens to), another number, a boolean or a string as it is, an enum
     * constant by its name, a sealed branch by its class's binary name; another object by its
     * {@code toString()}, which must then tell it from the knob's other options.
     */
    static String textOf(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        return text(value);
    }

    /**
     * The internal value of {@code given} for {@code knob}.
     *
     * @throws IllegalArgumentException if no value of the distribution matches {@code given}
     */
    static double internalOf(String knob, Distribution distribution, Object given) {
        try {
            return distribution.toInternal(given);
        } catch (IllegalArgumentException | ClassCastException notAsGiven) {
            String text = text(given).strip();
            if (hasFewValues(distribution)) {
                for (double internal = distribution.low(); internal <= distribution.high(); internal++) {
                    if (matches(distribution.toExternal(internal), text)) {
                        return internal;
                    }
                }
            } else {
                for (Object candidate : numbers(text)) {
                    try {
                        return distribution.toInternal(candidate);
                    } catch (IllegalArgumentException | ClassCastException notThisType) {
                        // try the next reading of the text
                    }
                }
            }
            throw new IllegalArgumentException("the value '" + text + "' enqueued for knob '" + knob
                    + "' is not a value of " + distribution + " (" + notAsGiven.getMessage()
                    + "); give a value inside the knob's range, or leave the knob out to let the sampler choose");
        }
    }

    /** Distributions whose internal values are the indices of a short list of options. */
    private static boolean hasFewValues(Distribution distribution) {
        return distribution instanceof Choice || distribution instanceof PriorityChoice
                || distribution instanceof Bool || distribution instanceof Fixed;
    }

    private static boolean matches(Object option, String text) {
        if (option instanceof Class<?> branch) {
            return branch.getSimpleName().equals(text) || branch.getName().equals(text);
        }
        if (option instanceof Double || option instanceof Float) {
            try {
                return Double.parseDouble(text) == ((Number) option).doubleValue();
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return text(option).equals(text);
    }

    /** The numbers {@code text} may mean: a real and, when it is whole, also an integer. */
    private static Object[] numbers(String text) {
        try {
            double real = Double.parseDouble(text);
            boolean whole = real == Math.rint(real) && Math.abs(real) < 0x1p53;
            return whole ? new Object[] {real, (long) real} : new Object[] {real};
        } catch (NumberFormatException notANumber) {
            return new Object[0];
        }
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Class<?> branch) {
            return branch.getName();
        }
        return String.valueOf(value);
    }
}
