package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A categorical knob whose options come in order of preference, most preferred first. As a prior
 * every option is equally likely, as with {@link Choice}; the order matters when a search space is
 * narrowed around a best guess: the guess moves to the front and only the first options are kept.
 *
 * <pre>{@code
 * @PriorityChoice({"adam", "sgd", "rmsprop"}) String optimizer = "adam";
 * @Tune double solve(@PriorityChoice({"LBFGS", "NEWTON", "SAG"}) Solver solver) { ... }
 * }</pre>
 *
 * <p>Applies to the same types as {@link Choice}, with the same parsing of the options: strings,
 * enums (all constants, in declaration order, when {@link #value()} is empty), sealed types,
 * numbers and booleans. An invalid declaration fails discovery naming the member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface PriorityChoice {

    /**
     * The options, most preferred first, in the member's type's text form. Default: empty, allowed
     * only on an enum or a sealed type.
     */
    String[] value() default {};
}
