package dev.tuner.core.inject;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the text options of a {@code @Choice} or {@code @PriorityChoice} into values of the
 * member's type: strings as they are, enum constants by name, permitted subclasses of a sealed type
 * by simple name, numbers and booleans parsed.
 */
final class ChoiceOptions {

    private ChoiceOptions() {}

    static List<Object> of(String annotation, String[] texts, Class<?> type, String where) {
        if (type.isEnum()) {
            return enumOptions(annotation, type, texts, where);
        }
        if (type.isSealed()) {
            if (!annotation.equals("@Choice")) {
                throw new InvalidDeclarationException(where, annotation + " cannot choose among the subclasses of the "
                        + "sealed type " + type.getName() + "; use @Choice, which builds the chosen branch from its knobs");
            }
            return sealedOptions(annotation, type, texts, where);
        }
        if (texts.length == 0) {
            throw new InvalidDeclarationException(where, annotation + " has no options; list them, e.g. "
                    + annotation + "({\"a\", \"b\"}), or declare the member as an enum or a sealed type to choose among "
                    + "its constants or subclasses");
        }
        List<Object> options = new ArrayList<>();
        for (String text : texts) {
            options.add(parse(annotation, text, type, where));
        }
        return options;
    }

    private static List<Object> enumOptions(String annotation, Class<?> type, String[] names, String where) {
        Object[] constants = type.getEnumConstants();
        if (names.length == 0) {
            return Arrays.asList(constants);
        }
        List<Object> options = new ArrayList<>();
        for (String name : names) {
            Object constant = Arrays.stream(constants)
                    .filter(candidate -> ((Enum<?>) candidate).name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidDeclarationException(where, annotation + " option '" + name
                            + "' is not a constant of " + type.getName() + "; use one of "
                            + Arrays.toString(constants)));
            options.add(constant);
        }
        return options;
    }

    /** The concrete classes a sealed type permits, at any depth, in declaration order. */
    private static List<Object> sealedOptions(String annotation, Class<?> type, String[] names, String where) {
        List<Class<?>> leaves = new ArrayList<>();
        collectLeaves(annotation, type, leaves, where);
        if (names.length == 0) {
            return new ArrayList<>(leaves);
        }
        List<Object> options = new ArrayList<>();
        for (String name : names) {
            Class<?> leaf = leaves.stream()
                    .filter(candidate -> candidate.getSimpleName().equals(name) || candidate.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidDeclarationException(where, annotation + " option '" + name
                            + "' is not a permitted subclass of " + type.getName() + "; use one of "
                            + leaves.stream().map(Class::getSimpleName).collect(Collectors.toList())));
            options.add(leaf);
        }
        return options;
    }

    private static void collectLeaves(String annotation, Class<?> type, List<Class<?>> leaves, String where) {
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            boolean isAbstract = permitted.isInterface() || Modifier.isAbstract(permitted.getModifiers());
            if (permitted.isSealed()) {
                if (!isAbstract) {
                    leaves.add(permitted);
                }
                collectLeaves(annotation, permitted, leaves, where);
            } else if (isAbstract) {
                throw new InvalidDeclarationException(where, annotation + " on sealed " + type.getName()
                        + " cannot list the implementations of " + permitted.getName()
                        + ", which is abstract and not sealed; make it sealed, or final");
            } else {
                leaves.add(permitted);
            }
        }
    }

    private static Object parse(String annotation, String text, Class<?> type, String where) {
        try {
            if (type == String.class) {
                return text;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(text.trim());
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(text.trim());
            }
            if (type == double.class || type == Double.class) {
                return Double.valueOf(text.trim());
            }
            if (type == float.class || type == Float.class) {
                return Float.valueOf(text.trim());
            }
            if (type == boolean.class || type == Boolean.class) {
                return parseBoolean(text.trim());
            }
        } catch (NumberFormatException notANumber) {
            throw new InvalidDeclarationException(where, annotation + " option '" + text + "' is not a valid "
                    + type.getSimpleName() + "; write it as " + ("aeiou".indexOf(type.getSimpleName().charAt(0)) >= 0
                            ? "an " : "a ") + type.getSimpleName() + " literal");
        }
        throw new InvalidDeclarationException(where, annotation + " cannot produce values of type " + type.getName()
                + "; use String, an enum, a sealed type, int, long, double, float or boolean");
    }

    private static Boolean parseBoolean(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new NumberFormatException(text);
    }
}
