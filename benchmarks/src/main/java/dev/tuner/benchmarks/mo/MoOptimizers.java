package dev.tuner.benchmarks.mo;

import java.util.List;

/** The optimizers {@code benchmarks/run mo --optimizers} knows, by name: {@code random}, and any core sampler as {@code study:<sampler spec>}. */
final class MoOptimizers {

    /** The default {@code --optimizers}; any {@code study:<sampler spec>} works too. */
    static final List<String> NAMES = List.of("study:auto", "random");

    private MoOptimizers() {}

    /**
     * A fresh optimizer for one run.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static MoOptimizer create(String name, long seed) {
        if (name.startsWith(StudyMoOptimizer.PREFIX)) {
            return new StudyMoOptimizer(name.substring(StudyMoOptimizer.PREFIX.length()), seed);
        }
        return switch (name) {
            case "random" -> new RandomMoOptimizer(seed);
            default -> throw new IllegalArgumentException("no multi-objective optimizer " + name + "; use 'random' or"
                    + " study:<sampler spec> (a core sampler through a Study, e.g. study:tpe or study:tpe+gamma=0.15)"
                    + " in --optimizers");
        };
    }
}
