package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boolean knob: {@code true} or {@code false}, each equally likely a priori.
 *
 * <pre>{@code
 * @Bool boolean shuffle = true;
 * @Tune double train(@Bool boolean earlyStopping) { ... }
 * }</pre>
 *
 * <p>Applies to {@code boolean} and {@code Boolean}; on any other type discovery fails naming the
 * member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Bool {
}
