package dev.tuner.core.sampler;

import java.util.List;

/** Creates samplers by the names that {@code @Tune(sampler = ...)} and {@code tuner.sampler} use. */
public final class Samplers {

    /** The sampler used when none is named. */
    public static final String DEFAULT = "random";

    private static final List<String> NAMES = List.of("random");

    private Samplers() {}

    /** The names {@link #create(String, long)} knows. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A new sampler of the given name, seeded.
     *
     * @throws IllegalArgumentException if no sampler has that name
     */
    public static Sampler create(String name, long seed) {
        switch (name) {
            case "random":
                return new RandomSampler(seed);
            default:
                throw new IllegalArgumentException(
                        "unknown sampler '" + name + "'; use one of " + String.join(", ", NAMES));
        }
    }
}
