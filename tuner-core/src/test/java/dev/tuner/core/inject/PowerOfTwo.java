package dev.tuner.core.inject;

import dev.tuner.KnobAnnotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's own knob annotation, as the SPI's documentation shows it: 1, 2, 4, ..., 2^maxExponent. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@KnobAnnotation(PowerOfTwoProvider.class)
@interface PowerOfTwo {

    /** The largest exponent; 1..62. */
    int maxExponent();
}
