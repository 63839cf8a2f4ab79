package dev.tuner.core.inject;

import dev.tuner.KnobAnnotation;
import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads knob annotations into distributions and checks them against the member they annotate.
 * Every rule that fails is reported with the member and the fix, before any trial runs.
 *
 * <p>The knob annotations are {@link dev.tuner.Uniform @Uniform}, {@link dev.tuner.LogUniform
 * @LogUniform}, {@link dev.tuner.Normal @Normal}, {@link dev.tuner.LogNormal @LogNormal},
 * {@link dev.tuner.IntUniform @IntUniform}, {@link dev.tuner.Bool @Bool}, {@link dev.tuner.Choice
 * @Choice}, {@link dev.tuner.PriorityChoice @PriorityChoice}, and any user annotation
 * meta-annotated with {@link KnobAnnotation @KnobAnnotation}. A member carries at most one.
 */
final class AnnotationSpace {

    private static final List<Class<? extends Annotation>> BUILT_IN = List.of(
            dev.tuner.Uniform.class, dev.tuner.LogUniform.class, dev.tuner.Normal.class, dev.tuner.LogNormal.class,
            dev.tuner.IntUniform.class, dev.tuner.Bool.class, dev.tuner.Choice.class, dev.tuner.PriorityChoice.class);

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
        List<Annotation> found = knobAnnotations(member);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new InvalidDeclarationException(where, "carries " + found.size() + " knob annotations; keep exactly one of "
                    + found.stream().map(AnnotationSpace::simpleName).collect(Collectors.joining(", ")));
        }
        return Optional.of(new Knob(name, distribution(found.get(0), type, where), type));
    }

    /**
     * Whether the annotation type is a knob annotation: a built-in one, or one meta-annotated with
     * {@link KnobAnnotation}.
     */
    public static boolean isKnobAnnotation(Class<? extends Annotation> type) {
        return BUILT_IN.contains(type) || type.isAnnotationPresent(KnobAnnotation.class);
    }

    private static List<Annotation> knobAnnotations(AnnotatedElement member) {
        List<Annotation> found = new ArrayList<>();
        for (Annotation annotation : member.getAnnotations()) {
            if (isKnobAnnotation(annotation.annotationType())) {
                found.add(annotation);
            }
        }
        return found;
    }

    static String simpleName(Annotation annotation) {
        return "@" + annotation.annotationType().getSimpleName();
    }

    private static Distribution distribution(Annotation annotation, Class<?> type, String where) {
        if (!BUILT_IN.contains(annotation.annotationType())) {
            return CustomKnobs.distribution(annotation, type, where);
        }
        String simpleName = simpleName(annotation);
        Distribution distribution;
        try {
            distribution = builtIn(annotation, type, where);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidDeclarationException(where, simpleName + " is invalid: " + invalid.getMessage());
        }
        KnobTypes.requireFits(simpleName, distribution, type, where);
        return distribution;
    }

    private static Distribution builtIn(Annotation annotation, Class<?> type, String where) {
        if (annotation instanceof dev.tuner.Uniform uniform) {
            return new Uniform(uniform.min(), uniform.max(), uniform.q());
        }
        if (annotation instanceof dev.tuner.LogUniform logUniform) {
            return new LogUniform(logUniform.min(), logUniform.max(), logUniform.q());
        }
        if (annotation instanceof dev.tuner.Normal normal) {
            return new Normal(normal.mean(), normal.sd(), normal.min(), normal.max(), normal.q());
        }
        if (annotation instanceof dev.tuner.LogNormal logNormal) {
            return new LogNormal(logNormal.mean(), logNormal.sd(), logNormal.min(), logNormal.max(), logNormal.q());
        }
        if (annotation instanceof dev.tuner.IntUniform intUniform) {
            KnobTypes.requireType("@IntUniform", type, KnobTypes.INTEGERS, where);
            return new IntUniform(intUniform.min(), intUniform.max(), intUniform.step(), intUniform.log());
        }
        if (annotation instanceof dev.tuner.Bool) {
            KnobTypes.requireType("@Bool", type, KnobTypes.BOOLEANS, where);
            return Bool.of();
        }
        if (annotation instanceof dev.tuner.Choice choice) {
            return Choice.of(ChoiceOptions.of("@Choice", choice.value(), type, where));
        }
        dev.tuner.PriorityChoice priorityChoice = (dev.tuner.PriorityChoice) annotation;
        return PriorityChoice.of(ChoiceOptions.of("@PriorityChoice", priorityChoice.value(), type, where));
    }
}
