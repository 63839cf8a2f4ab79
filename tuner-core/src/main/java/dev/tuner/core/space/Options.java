package dev.tuner.core.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The rules for the options of {@link Choice}, {@link PriorityChoice} and the value of {@link Fixed}. */
final class Options {

    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Byte.class, Double.class, Float.class);

    private Options() {}

    /** An immutable copy of {@code options}, checked: non-empty, no nulls, no duplicates, known types. */
    static List<Object> copyOf(String kind, List<?> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " needs at least one option; list the options to choose from");
        }
        // immutable lists throw on contains(null), so look for a null by hand
        if (options.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a " + kind + " cannot hold null, but its options are " + options);
        }
        if (new HashSet<>(options).size() != options.size()) {
            throw new IllegalArgumentException(
                    "the options of a " + kind + " must be distinct, but they are " + options + "; remove the duplicates");
        }
        options.forEach(option -> requireValueType(kind, option));
        return List.copyOf(new ArrayList<>(options));
    }

    /** Strings, numbers, booleans, enum constants and classes: what text and JSON can name again. */
    static void requireValueType(String kind, Object option) {
        boolean known = VALUE_TYPES.contains(option.getClass()) || option instanceof Enum<?> || option instanceof Class<?>;
        if (!known) {
            throw new IllegalArgumentException("a " + kind + " holds strings, numbers, booleans, enum constants or "
                    + "classes, but " + option + " is a " + option.getClass().getName()
                    + "; choose among names (strings or an enum) and build the object from the chosen one");
        }
    }

    static boolean isIndex(List<Object> options, double internal) {
        return internal >= 0 && internal < options.size() && internal == Math.rint(internal);
    }

    static Object option(Distribution distribution, List<Object> options, double internal) {
        if (!isIndex(options, internal)) {
            throw new IllegalArgumentException(internal + " is not an option index of " + distribution);
        }
        return options.get((int) internal);
    }

    static double index(List<Object> options, Object external) {
        // immutable lists throw on indexOf(null)
        int index = external == null ? -1 : options.indexOf(external);
        if (index < 0) {
            throw new IllegalArgumentException(external + " is not one of the options " + options);
        }
        return index;
    }

    static double logDensity(List<Object> options, double internal) {
        return isIndex(options, internal) ? -Math.log(options.size()) : Double.NEGATIVE_INFINITY;
    }
}
