package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.core.study.Objective;
import java.util.Optional;
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

    /**
     * The name under which a reference file may list this problem: its {@link #name()}, unless
     * the problem says otherwise (a {@code @Tune} method {@code quad1} of an objective class is
     * {@code quad1} in the reference, {@code MyProblems.quad1} in the results).
     */
    default String referenceName() {
        return name();
    }

    /**
     * The half of the training/validation split the problem belongs to; empty for the test sets
     * (the public suite, svm-digits, objective classes), which no default is chosen by.
     */
    default Optional<Half> half() {
        return Optional.empty();
    }

    /**
     * The group the report breaks scores down by: a BBOB function class ({@code bbob separable}),
     * a synthetic family; empty for problems of no group.
     */
    default Optional<String> group() {
        return Optional.empty();
    }

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
