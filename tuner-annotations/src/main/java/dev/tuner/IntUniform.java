package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer knob drawn uniformly from {@code min, min + step, ..., max}, both bounds inclusive
 * (Hyperopt's {@code randint}, Optuna's {@code suggest_int}); with {@link #log()}, spread evenly on
 * the log scale.
 *
 * <pre>{@code
 * @Tune double forest(@IntUniform(min = 10, max = 500) int trees) { ... }
 *
 * @IntUniform(min = 2, max = 64, step = 2) int heads = 8;      // 2, 4, ..., 64
 * @IntUniform(min = 1, max = 1024, log = true) int units = 64;  // 1..1024, small ones likelier
 * }</pre>
 *
 * <p>Applies to {@code int}, {@code long} and their boxed types. The range must fit the member's
 * type. An invalid declaration fails discovery naming the member, the rule and the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface IntUniform {

    /** Lower bound, inclusive; less than {@link #max()}; at least 1 with {@link #log()}. */
    long min();

    /** Upper bound, inclusive; greater than {@link #min()}, and {@code max − min} a multiple of {@link #step()}. */
    long max();

    /** Distance between neighbouring values; at least 1, and exactly 1 with {@link #log()}. Default: 1. */
    long step() default 1;

    /**
     * Whether values spread evenly on the log scale: {@code P(k) ∝ log(k + ½) − log(k − ½)}. Needs
     * {@code min ≥ 1} and {@code step = 1}. Default: {@code false}, every value equally likely.
     */
    boolean log() default false;
}
