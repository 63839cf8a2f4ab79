package dev.tuner.benchmarks.mo;

import java.util.List;

/** The optimizers {@code benchmarks/run mo --optimizers} knows, by name. */
final class MoOptimizers {

    static final List<String> NAMES = List.of("random");

    private MoOptimizers() {}

    /**
     * A fresh optimizer for one run.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static MoOptimizer create(String name, long seed) {
        return switch (name) {
            case "random" -> new RandomMoOptimizer(seed);
            default -> throw new IllegalArgumentException("no multi-objective optimizer " + name + "; use one of "
                    + NAMES + " in --optimizers (the core's samplers join when its multi-objective study lands)");
        };
    }
}
