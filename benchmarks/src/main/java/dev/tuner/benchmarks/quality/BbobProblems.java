package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.core.study.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The BBOB problems of the quality benchmark: each {@link BbobFunction} instance as a problem named
 * {@code bbob-f07-d5-i2}, its D knobs {@code x1..xD} uniform floats in [-5, 5], minimized, its
 * optimum {@code f_opt}.
 *
 * <p><b>The split.</b> BBOB groups its functions in five classes (separable f1–f5, moderate
 * f6–f9, ill-conditioned f10–f14, multi-modal with adequate structure f15–f19, multi-modal with
 * weak structure f20–f24). The odd-numbered functions are the {@link Half#TRAINING training}
 * half, the even ones the {@link Half#VALIDATION validation} half: within every class the
 * functions alternate, so each half has 12 functions and members of all five classes, and every
 * instance and dimension of a function stays in its function's half (a default chosen on f3 is
 * checked on f4, not on another instance of f3).
 */
final class BbobProblems {

    /** The dimensions run unless {@code --dims} says otherwise. */
    static final List<Integer> DIMENSIONS = List.of(2, 5, 10);

    /**
     * The instances run unless {@code --instances} says otherwise: three, so that a 20-seed ×
     * 100-trial run of the default sampler on one half (12 functions × 3 dimensions × 3 instances
     * = 108 problems) stays within minutes.
     */
    static final List<Integer> INSTANCES = List.of(1, 2, 3);

    private BbobProblems() {}

    /** BBOB's five function classes, by their first and last function. */
    private static final String[] GROUPS = {"separable f1-5", "moderate f6-9", "ill-conditioned f10-14",
        "multi-modal f15-19", "weakly structured f20-24"};
    private static final int[] GROUP_ENDS = {5, 9, 14, 19, 24};

    /** The BBOB class of a function: {@code separable f1-5}, {@code moderate f6-9}, ... */
    static String group(int function) {
        for (int g = 0; g < GROUP_ENDS.length; g++) {
            if (function <= GROUP_ENDS[g]) {
                return GROUPS[g];
            }
        }
        throw new IllegalArgumentException("BBOB has functions f1..f24, not f" + function);
    }

    /** The half a BBOB function belongs to: odd functions train, even ones validate. */
    static Half half(int function) {
        return function % 2 == 1 ? Half.TRAINING : Half.VALIDATION;
    }

    /** The problems of the given functions × dimensions × instances, in that order. */
    static List<Problem> problems(List<Integer> functions, List<Integer> dimensions, List<Integer> instances) {
        List<Problem> problems = new ArrayList<>();
        for (int function : functions) {
            for (int dimension : dimensions) {
                for (int instance : instances) {
                    problems.add(of(BbobFunction.of(function, dimension, instance)));
                }
            }
        }
        return problems;
    }

    /**
     * The bbob-mixint problems of the given functions × dimensions × instances; dimensions that are
     * not multiples of 5 are left out (bbob-mixint has none).
     */
    static List<Problem> mixint(List<Integer> functions, List<Integer> dimensions, List<Integer> instances) {
        List<Problem> problems = new ArrayList<>();
        for (int function : functions) {
            for (int dimension : dimensions) {
                if (dimension % 5 != 0) {
                    continue;
                }
                for (int instance : instances) {
                    problems.add(of(BbobMixint.of(function, dimension, instance)));
                }
            }
        }
        return problems;
    }

    /**
     * The BBOB function number a {@code --functions} entry names ({@code f7}, {@code f07},
     * {@code bbob-f07}), or empty when the entry names no BBOB function.
     */
    static Optional<Integer> functionNumber(String name) {
        String digits = name.strip();
        if (digits.startsWith("bbob-")) {
            digits = digits.substring("bbob-".length());
        }
        if (!digits.matches("[fF][0-9]{1,2}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(digits.substring(1));
        if (number < 1 || number > BbobFunction.COUNT) {
            throw new IllegalArgumentException("--functions " + name + ": BBOB has functions f1..f24");
        }
        return Optional.of(number);
    }

    /**
     * A bbob-mixint problem: knobs {@code x1..xD}, the integer ones ints in 0..n-1, the continuous
     * ones floats in [-5, 5]; minimized, its optimum the scaled {@code f_opt}, its half its BBOB
     * function's.
     */
    static Problem of(BbobMixint function) {
        int d = function.dimension();
        return minimized(function.name(), function.fopt(), function.function(), "mixint", trial -> {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                int n = function.cardinality(i);
                x[i] = n == 0 ? trial.suggestFloat("x" + (i + 1), -5, 5) : trial.suggestInt("x" + (i + 1), 0, n - 1);
            }
            return function.value(x);
        });
    }

    /** One instance as a problem: knobs {@code x1..xD}, floats in [-5, 5]. */
    static Problem of(BbobFunction function) {
        int d = function.dimension();
        return minimized(function.name(), function.fopt(), function.function(), "bbob", trial -> {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = trial.suggestFloat("x" + (i + 1), -5, 5);
            }
            return function.value(x);
        });
    }

    /** A minimized problem of BBOB function {@code bbobFunction}'s half and group, with a known optimum. */
    private static Problem minimized(String name, double optimum, int bbobFunction, String suite, Objective objective) {
        return new Problem() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Direction direction() {
                return Direction.MINIMIZE;
            }

            @Override
            public OptionalDouble optimum() {
                return OptionalDouble.of(optimum);
            }

            @Override
            public Optional<Half> half() {
                return Optional.of(BbobProblems.half(bbobFunction));
            }

            @Override
            public Optional<String> group() {
                return Optional.of(suite + " " + BbobProblems.group(bbobFunction));
            }

            @Override
            public Objective objective(String samplerName, long seed, int trials) {
                return objective;
            }
        };
    }
}
