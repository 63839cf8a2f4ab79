package dev.tuner.core.plan;

import java.util.Map;
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
 * @param pruner the pruner's name
 * @param settings every {@code tuner.*} setting of the run, by full key; the plan takes the
 *     sampler's options from those named {@code tuner.<sampler>.<option>}, and the pruner's from
 *     {@code tuner.<pruner>.<option>}
 */
public record StudyOverrides(OptionalInt trials, OptionalLong seed, Optional<String> sampler,
        Optional<String> pruner, Map<String, String> settings) {

    public StudyOverrides {
        settings = Map.copyOf(settings);
    }

    /** Overrides that leave the pruner to the annotation. */
    public StudyOverrides(OptionalInt trials, OptionalLong seed, Optional<String> sampler,
            Map<String, String> settings) {
        this(trials, seed, sampler, Optional.empty(), settings);
    }

    /** Overrides without sampler options. */
    public StudyOverrides(OptionalInt trials, OptionalLong seed, Optional<String> sampler) {
        this(trials, seed, sampler, Map.of());
    }

    /** No overrides: the annotation decides. */
    public static StudyOverrides none() {
        return new StudyOverrides(OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
    }
}
