package dev.tuner.core.inject;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Uniform;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads knob annotations into distributions and checks them against the member they annotate.
 * Every rule that fails is reported with the member and the fix, before any trial runs.
 */
public final class AnnotationSpace {

    private static final Set<Class<?>> REAL_TYPES = Set.of(double.class, Double.class, float.class, Float.class);
    private static final Set<Class<?>> INT_TYPES = Set.of(int.class, Integer.class, long.class, Long.class);
    private static final List<Class<? extends Annotation>> KNOB_ANNOTATIONS = List.of(
            dev.tuner.Uniform.class, dev.tuner.LogUniform.class, dev.tuner.IntUniform.class, dev.tuner.Choice.class);

    private AnnotationSpace() {}

    /**
     * The knob a member declares, or empty if it carries no knob annotation.
     *
     * @param member the annotated parameter, field, method or record component
     * @param type the Java type the member produces: a parameter's or field's type, a method's
     *     return type
     * @param name the knob's full name
     * @param where the member as error messages name it
     * @throws InvalidDeclarationException if the annotation is invalid or does not fit the type
     */
    public static Optional<Knob> knob(AnnotatedElement member, Class<?> type, String name, String where) {
        List<Annotation> found = new ArrayList<>();
        for (Class<? extends Annotation> annotationType : KNOB_ANNOTATIONS) {
            Annotation annotation = member.getAnnotation(annotationType);
            if (annotation != null) {
                found.add(annotation);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new InvalidDeclarationException(where, "carries " + found.size()
                    + " knob annotations; keep exactly one of @Uniform, @LogUniform, @IntUniform, @Choice");
        }
        return Optional.of(new Knob(name, distribution(found.get(0), type, where), type));
    }

    /** Whether the annotation type is one of the knob annotations this class reads. */
    public static boolean isKnobAnnotation(Class<? extends Annotation> type) {
        return KNOB_ANNOTATIONS.contains(type);
    }

    private static Distribution distribution(Annotation annotation, Class<?> type, String where) {
        String simpleName = "@" + annotation.annotationType().getSimpleName();
        try {
            if (annotation instanceof dev.tuner.Uniform uniform) {
                requireType(simpleName, type, REAL_TYPES, "double or float", where);
                return Uniform.of(uniform.min(), uniform.max());
            }
            if (annotation instanceof dev.tuner.LogUniform logUniform) {
                requireType(simpleName, type, REAL_TYPES, "double or float", where);
                return LogUniform.of(logUniform.min(), logUniform.max());
            }
            if (annotation instanceof dev.tuner.IntUniform intUniform) {
                requireType(simpleName, type, INT_TYPES, "int or long", where);
                IntUniform distribution = IntUniform.of(intUniform.min(), intUniform.max());
                requireFitsInt(distribution, type, where);
                return distribution;
            }
            return ChoiceOptions.of((dev.tuner.Choice) annotation, type, where);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidDeclarationException(where, simpleName + " is invalid: " + invalid.getMessage());
        }
    }

    private static void requireType(String annotation, Class<?> type, Set<Class<?>> allowed, String allowedText,
            String where) {
        if (!allowed.contains(type)) {
            throw new InvalidDeclarationException(where, annotation + " produces " + allowedText
                    + " values, but the type is " + type.getName()
                    + "; change the type to " + allowedText + ", or use a knob annotation that fits "
                    + type.getSimpleName());
        }
    }

    private static void requireFitsInt(IntUniform distribution, Class<?> type, String where) {
        boolean isInt = type == int.class || type == Integer.class;
        if (isInt && (distribution.min() < Integer.MIN_VALUE || distribution.max() > Integer.MAX_VALUE)) {
            throw new InvalidDeclarationException(where, "@IntUniform range " + distribution.min() + ".."
                    + distribution.max() + " does not fit an int; narrow the range or declare the member long");
        }
    }

    /** Turns a {@code @Choice}'s text options into values of the member's type. */
    static final class ChoiceOptions {

        private ChoiceOptions() {}

        static Choice of(dev.tuner.Choice choice, Class<?> type, String where) {
            String[] texts = choice.value();
            if (type.isEnum()) {
                return Choice.of(enumOptions(type, texts, where));
            }
            if (texts.length == 0) {
                throw new InvalidDeclarationException(where, "@Choice has no options; list them, e.g. "
                        + "@Choice({\"a\", \"b\"}), or declare the member as an enum to choose among its constants");
            }
            List<Object> options = new ArrayList<>();
            for (String text : texts) {
                options.add(parse(text, type, where));
            }
            return Choice.of(options);
        }

        private static List<Object> enumOptions(Class<?> type, String[] names, String where) {
            Object[] constants = type.getEnumConstants();
            if (names.length == 0) {
                return Arrays.asList(constants);
            }
            List<Object> options = new ArrayList<>();
            for (String name : names) {
                Object constant = Arrays.stream(constants)
                        .filter(candidate -> ((Enum<?>) candidate).name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new InvalidDeclarationException(where, "@Choice option '" + name
                                + "' is not a constant of " + type.getName() + "; use one of "
                                + Arrays.toString(constants)));
                options.add(constant);
            }
            return options;
        }

        private static Object parse(String text, Class<?> type, String where) {
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
                throw new InvalidDeclarationException(where, "@Choice option '" + text + "' is not a valid "
                        + type.getSimpleName() + "; write it as a " + type.getSimpleName() + " literal");
            }
            throw new InvalidDeclarationException(where, "@Choice cannot produce values of type " + type.getName()
                    + "; use String, an enum, int, long, double, float or boolean");
        }

        private static Boolean parseBoolean(String text) {
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            throw new NumberFormatException(text);
        }
    }
}
