package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A positive real-valued knob whose logarithm is uniform on {@code [log min, log max]}: each
 * decade of the range is equally likely, as suits learning rates, regularization strengths and
 * kernel widths.
 *
 * <pre>{@code
 * @Tune double svm(@LogUniform(min = 1e-3, max = 1e3) double c) { ... }
 * }</pre>
 *
 * <p>Applies to {@code double}, {@code float} and their boxed types. {@code min} must be positive
 * and less than {@code max}; otherwise discovery fails naming the member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface LogUniform {

    /** Lower bound, inclusive; positive, finite and less than {@link #max()}. */
    double min();

    /** Upper bound, inclusive; finite and greater than {@link #min()}. */
    double max();
}
