package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A real-valued knob drawn uniformly from {@code [min, max]}, optionally quantized to the
 * multiples of {@link #q()} (Hyperopt's {@code uniform} and {@code quniform}).
 *
 * <pre>{@code
 * @Tune double quad1(@Uniform(min = -10, max = 10) double x) { return x * x - x + 1; }
 *
 * @Uniform(min = 0, max = 0.5, q = 0.05) double dropout = 0.1;   // 0, 0.05, ..., 0.5
 * @Uniform(min = 1, max = 10, q = 1) int depth() { return 3; }      // whole q: int works too
 * }</pre>
 *
 * <p>Applies to {@code double}, {@code float} and their boxed types; with a whole-number
 * {@code q}, whose multiples are whole, also to {@code int}, {@code long} and their boxed types.
 * An invalid declaration fails discovery naming the member, the rule and the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Uniform {

    /** Lower bound, inclusive; finite and less than {@link #max()}. */
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
