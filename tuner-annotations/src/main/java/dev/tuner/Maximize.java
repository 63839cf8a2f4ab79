package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of the record a {@link Tune} method returns as an objective to maximize: the
 * study has one objective per component marked {@code @Maximize} or {@link Minimize}, in the order
 * of the record's components, each named by its component.
 *
 * <pre>{@code
 * record Outcome(@Maximize double accuracy, @Minimize @AtMost(20) double latencyMs) {}
 *
 * @Tune(trials = 100)
 * Outcome accuracyAndLatency(@LogUniform(min = 1e-4, max = 1e-1) double lr) { ... }
 * }</pre>
 *
 * <p>The component must be numeric (a primitive number or a {@link Number}); a component may also
 * carry a constraint ({@link AtMost}, {@link AtLeast}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Maximize {
}
