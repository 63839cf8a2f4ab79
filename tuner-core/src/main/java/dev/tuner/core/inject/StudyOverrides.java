package dev.tuner.core.inject;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Settings given for one run ({@code -Dtuner.trials=500}) that take precedence over the
 * {@code @Tune} annotation's attributes.
 *
 * @param trials the trial budget
 * @param seed the sampler's seed
 * @param sampler the sampler's name
 */
public record StudyOverrides(OptionalInt trials, OptionalLong seed, Optional<String> sampler) {

    /** No overrides: the annotation decides. */
    public static StudyOverrides none() {
        return new StudyOverrides(OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
    }
}
