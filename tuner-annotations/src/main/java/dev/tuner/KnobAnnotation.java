package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a user's own annotation a knob annotation, naming the class that turns it into a
 * distribution; as JUnit's {@code @ArgumentsSource} names an {@code ArgumentsProvider}. Annotations
 * stay data; the provider is the behaviour.
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
 * @PowerOfTwo(maxExponent = 20) long cacheBytes = 1 << 16;
 * }</pre>
 *
 * <p>The named class implements {@code dev.tuner.core.space.DistributionProvider<A>} for the
 * annotation type {@code A}, and has a constructor without arguments (public or package-private).
 * The user annotation needs {@code RUNTIME} retention. A member carries at most one knob
 * annotation, built-in or user-made.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface KnobAnnotation {

    /** The provider class: a {@code dev.tuner.core.space.DistributionProvider} with a no-argument constructor. */
    Class<?> value();
}
