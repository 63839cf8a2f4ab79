package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The range and prior of one knob. Every distribution represents its values internally as a
 * {@code double} (a categorical value as the index of its option), which is what samplers see and
 * storages keep; {@link #toExternal(double)} turns it into the value the objective receives.
 *
 * <p>Distributions are immutable values; their factories reject invalid parameters with an
 * {@link IllegalArgumentException} that says which rule was broken.
 *
 * <pre>{@code
 * Distribution lr = LogUniform.of(1e-5, 1e-1);
 * double internal = lr.sample(rng);
 * double value = (Double) lr.toExternal(internal);
 * }</pre>
 */
public sealed interface Distribution permits Uniform, LogUniform, IntUniform, Choice {

    /** Draws an internal value from this distribution's prior. */
    double sample(UniformRandomProvider rng);

    /** Whether an internal value lies in this distribution's range. */
    boolean contains(double internal);

    /** The value an objective receives for an internal value. */
    Object toExternal(double internal);

    /**
     * The internal value of an external one, as given by {@link #toExternal(double)}.
     *
     * @throws IllegalArgumentException if the value is of the wrong type or outside the range
     */
    double toInternal(Object external);
}
