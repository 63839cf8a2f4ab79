package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A real-valued knob drawn from a normal distribution, optionally clipped to {@code [min, max]}
 * and quantized to the multiples of {@link #q()} (Hyperopt's {@code normal} and {@code qnormal}).
 *
 * <pre>{@code
 * @Normal(mean = 0.5, sd = 0.2, min = 0, max = 1) double dropout = 0.3;
 * @Tune double shift(@Normal(mean = 0, sd = 1) double x) { ... }
 * }</pre>
 *
 * <p>Clipping is truncation: values outside {@code [min, max]} are never drawn (as if drawn again),
 * rather than piled up on the bounds, so the prior stays a smooth density. The range must hold a
 * noticeable part (at least 10<sup>-10</sup>) of the normal's mass.
 *
 * <p>Applies to {@code double}, {@code float} and their boxed types; with a whole-number
 * {@code q} and finite bounds, also to {@code int}, {@code long} and their boxed types. An invalid
 * declaration fails discovery naming the member, the rule and the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Normal {

    /** Mean of the normal distribution; finite. */
    double mean();

    /** Standard deviation; positive and finite. */
    double sd();

    /** Lower clip bound, inclusive; less than {@link #max()}. Default: {@code -∞}, no bound. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Upper clip bound, inclusive; greater than {@link #min()}. Default: {@code +∞}, no bound. */
    double max() default Double.POSITIVE_INFINITY;

    /**
     * Quantization step: values are {@code round(x / q) · q}, kept inside {@code [min, max]}.
     * Positive. Default: {@code NaN}, no quantization.
     */
    double q() default Double.NaN;
}
