package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A real-valued knob drawn uniformly from {@code [min, max]}.
 *
 * <pre>{@code
 * @Tune double quad1(@Uniform(min = -10, max = 10) double x) { return x * x - x + 1; }
 * }</pre>
 *
 * <p>Applies to {@code double}, {@code float} and their boxed types. {@code min} must be less than
 * {@code max}, and both finite; otherwise discovery fails naming the member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Uniform {

    /** Lower bound, inclusive; finite and less than {@link #max()}. */
    double min();

    /** Upper bound, inclusive; finite and greater than {@link #min()}. */
    double max();
}
