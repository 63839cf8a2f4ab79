package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A positive real-valued knob whose logarithm is uniform on {@code [log min, log max]}: each
 * decade of the range is equally likely, as suits learning rates, regularization strengths and
 * kernel widths. Optionally quantized to the multiples of {@link #q()} (Hyperopt's
 * {@code qloguniform}).
 *
 * <pre>{@code
 * @Tune double svm(@LogUniform(min = 1e-3, max = 1e3) double c) { ... }
 *
 * @LogUniform(min = 16, max = 4096, q = 16) int batchSize() { return 128; }   // 16, 32, ..., 4096
 * }</pre>
 *
 * <p>Applies to {@code double}, {@code float} and their boxed types; with a whole-number
 * {@code q}, also to {@code int}, {@code long} and their boxed types. An invalid declaration fails
 * discovery naming the member, the rule and the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface LogUniform {

    /** Lower bound, inclusive; positive, finite and less than {@link #max()}. */
    double min();

    /** Upper bound, inclusive; finite and greater than {@link #min()}. */
    double max();

    /**
     * Quantization step: values are {@code round(x / q) · q}, kept on the multiples of {@code q}
     * inside {@code [min, max]}. Positive, with at least one multiple in the range. Default:
     * {@code NaN}, no quantization.
     */
    double q() default Double.NaN;
}
