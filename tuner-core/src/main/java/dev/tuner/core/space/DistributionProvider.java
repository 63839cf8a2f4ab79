package dev.tuner.core.space;

import java.lang.annotation.Annotation;

/**
 * Creates the distribution that a user's own knob annotation declares: the behaviour behind an
 * annotation that is meta-annotated with {@link dev.tuner.KnobAnnotation @KnobAnnotation}, as
 * JUnit's {@code ArgumentsProvider} is behind {@code @ArgumentsSource}. Annotations are data,
 * providers behaviour.
 *
 * <pre>{@code
 * @Documented
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
 * @KnobAnnotation(PowerOfTwoProvider.class)
 * public @interface PowerOfTwo {
 *     int maxExponent();
 * }
 *
 * public class PowerOfTwoProvider implements DistributionProvider<PowerOfTwo> {
 *     public Distribution create(PowerOfTwo annotation, Class<?> memberType) {
 *         if (memberType != long.class && memberType != Long.class) {
 *             throw new IllegalArgumentException("@PowerOfTwo produces long values; declare the member long");
 *         }
 *         return new PowersOfTwo(annotation.maxExponent());   // a CustomDistribution
 *     }
 * }
 *
 * @Tune double cache(@PowerOfTwo(maxExponent = 20) long bytes) { ... }
 * }</pre>
 *
 * <p>The provider needs a public or package-private constructor without arguments; Tuner creates one
 * per annotated member when it reads the declaration. It may return any {@link Distribution}, a
 * built-in one or a {@link CustomDistribution}. An {@link IllegalArgumentException} it throws
 * (for an invalid attribute or a member type it cannot serve) fails discovery, with the member named
 * and the exception's message as the rule and the fix, so write it as such.
 *
 * @param <A> the annotation type it serves
 */
@FunctionalInterface
public interface DistributionProvider<A extends Annotation> {

    /**
     * The distribution {@code annotation} declares for a member of type {@code memberType}.
     *
     * @param annotation the annotation on the member
     * @param memberType the type the member produces: a parameter's or field's type, a method's
     *     return type, a record component's type
     * @throws IllegalArgumentException if the attributes are invalid or the type cannot be served
     */
    Distribution create(A annotation, Class<?> memberType);
}
