package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A constraint on a component of the record a {@link Tune} method returns: a trial is feasible only
 * when the component is at most {@link #value()}. Infeasible trials are kept and shown
 * ({@code ✗ latencyMs > 20}) but are never best, never on the Pareto set and never picked for
 * production. The trial records the constraint under the component's name with the value
 * {@code component - value}, at most 0 when feasible, as {@code trial.constrain(name, value)} does.
 *
 * <pre>{@code
 * record Outcome(@Maximize double accuracy, @Minimize @AtMost(20) double latencyMs, @AtMost(50) double sizeMb) {}
 * }</pre>
 *
 * <p>A component may be an objective ({@link Maximize}, {@link Minimize}) and a constraint at once,
 * or a constraint alone. It must be numeric.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AtMost {

    /** The largest feasible value of the component; a finite number. */
    double value();
}
