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
 * @Choice({"16", "32", "64"}) int batch = 32;             // options parsed as the member's type
 * @Tune double fit(@Choice Model model) { ... }           // a sealed type: its permitted subclasses
 * }</pre>
 *
 * <p>On a {@code String} the options are the given values. On an enum they are the named
 * constants, or all constants when {@link #value()} is empty. On a sealed interface or abstract
 * class they are its permitted concrete subclasses (as {@code Class} options, in declaration
 * order), or those named by simple name. On {@code int}, {@code long}, {@code double},
 * {@code float}, {@code boolean} (and boxed) each option is parsed as that type. The options must
 * be non-empty (except for enums and sealed types), distinct, and valid for the member's type;
 * otherwise discovery fails naming the member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Choice {

    /**
     * The options, in the member's type's text form. Default: empty, allowed only on an enum or a
     * sealed type, where it means every constant or permitted subclass.
     */
    String[] value() default {};
}
