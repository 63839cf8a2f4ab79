package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.core.study.Objective;
import java.util.OptionalDouble;

/**
 * One problem the quality benchmark runs: a function of the public suite, or a {@code @Tune}
 * method of an objective class given by name ({@link ObjectiveClasses}).
 */
interface Problem {

    /** The problem's name in the results: {@code branin}, or {@code <SimpleClass>.<method>}. */
    String name();

    /** Whether smaller or larger values are better. */
    Direction direction();

    /** The best value the problem can reach, when known; gaps are computed only then. */
    OptionalDouble optimum();

    /**
     * The objective of one seeded run of {@code trials} trials with the sampler named
     * {@code samplerName} (the base name of the harness's sampler, options stripped).
     */
    Objective objective(String samplerName, long seed, int trials);

    /** A function of the public suite: minimized, with a known optimum. */
    static Problem of(BenchmarkFunction function) {
        return new Problem() {
            @Override
            public String name() {
                return function.name();
            }

            @Override
            public Direction direction() {
                return Direction.MINIMIZE;
            }

            @Override
            public OptionalDouble optimum() {
                return OptionalDouble.of(function.optimum());
            }

            @Override
            public Objective objective(String samplerName, long seed, int trials) {
                return function::evaluate;
            }
        };
    }
}
