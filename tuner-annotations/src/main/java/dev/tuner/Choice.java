package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A categorical knob: one of a fixed set of options, each equally likely a priori.
 *
 * <pre>{@code
 * @Tune double net(@Choice({"relu", "tanh", "elu"}) String activation) { ... }
 * @Tune double sort(@Choice Algorithm algorithm) { ... }   // every constant of an enum
 * }</pre>
 *
 * <p>On a {@code String} the options are the given values. On an enum they are the named
 * constants, or all constants when {@link #value()} is empty. On {@code int}, {@code long},
 * {@code double}, {@code boolean} (and boxed) each option is parsed as that type. The options must
 * be non-empty (except for enums), distinct, and valid for the member's type; otherwise discovery
 * fails naming the member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Choice {

    /** The options, in the member's type's text form. Empty (the default) only on an enum. */
    String[] value() default {};
}
