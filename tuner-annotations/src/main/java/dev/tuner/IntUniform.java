package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer knob drawn uniformly from {@code min..max}, both inclusive.
 *
 * <pre>{@code
 * @Tune double forest(@IntUniform(min = 10, max = 500) int trees) { ... }
 * }</pre>
 *
 * <p>Applies to {@code int}, {@code long} and their boxed types. {@code min} must be less than
 * {@code max}, and the range must fit the member's type; otherwise discovery fails naming the
 * member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface IntUniform {

    /** Lower bound, inclusive; less than {@link #max()}. */
    long min();

    /** Upper bound, inclusive; greater than {@link #min()}. */
    long max();
}
