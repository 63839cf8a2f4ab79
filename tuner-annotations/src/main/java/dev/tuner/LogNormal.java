package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A positive real-valued knob whose logarithm is normal with the given {@link #mean()} and
 * {@link #sd()} (Hyperopt's {@code lognormal}, and {@code qlognormal} with {@link #q()}),
 * optionally clipped to {@code [min, max]}.
 *
 * <pre>{@code
 * @LogNormal(mean = 0, sd = 1) double c = 1.0;                      // median e^0 = 1
 * @LogNormal(mean = 4, sd = 1, min = 1, max = 1000, q = 1) int units() { return 64; }
 * }</pre>
 *
 * <p>Clipping is truncation, as for {@link Normal}: the distribution of {@code log x} is the
 * normal restricted to {@code [log min, log max]}.
 *
 * <p>Applies to {@code double}, {@code float} and their boxed types; with a whole-number
 * {@code q} and a finite {@code max}, also to {@code int}, {@code long} and their boxed types. An
 * invalid declaration fails discovery naming the member, the rule and the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface LogNormal {

    /** Mean of {@code log x}; finite. */
    double mean();

    /** Standard deviation of {@code log x}; positive and finite. */
    double sd();

    /** Lower clip bound, inclusive; at least 0 and less than {@link #max()}. Default: 0, no bound. */
    double min() default 0;

    /** Upper clip bound, inclusive; greater than {@link #min()}. Default: {@code +∞}, no bound. */
    double max() default Double.POSITIVE_INFINITY;

    /**
     * Quantization step: values are {@code round(x / q) · q}, kept inside {@code [min, max]}.
     * Positive. Default: {@code NaN}, no quantization.
     */
    double q() default Double.NaN;
}
