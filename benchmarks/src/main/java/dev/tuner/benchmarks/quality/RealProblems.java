package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.core.space.Scale;
import dev.tuner.core.study.Objective;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.svm.RbfSvm;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Real model tuning on data shipped with the examples, as problems of the quality benchmark (the
 * {@code real} suite; a test set, in neither half of the split).
 *
 * <ul>
 *   <li>{@code svm-digits}: the RBF SVM of {@code examples/svm-digits} on digits, C log-uniform in
 *       [1e-3, 1e3], gamma log-uniform in [1e-6, 1e1], maximize validation accuracy; its optimum,
 *       0.99630 (538 of 540), is the best accuracy any point reaches ({@code svm_digits.json}).
 *       About 0.4 s a trial on a 2-core machine, so 20 seeds × 100 trials take some 13 minutes a
 *       sampler: {@code --seeds 10 --trials 50} is the protocol of {@code svm_digits.json}.</li>
 * </ul>
 *
 * <p>The MLP of {@code examples/mlp-digits} is not here: at 20 epochs a trial it takes seconds, so
 * a 20-seed × 100-trial run would take hours (the pruning benchmark runs it at 30 trials).
 */
final class RealProblems {

    /** The problems, by the name {@code --functions} uses. */
    static final List<String> NAMES = List.of("svm-digits");

    /** The best validation accuracy any (C, gamma) reaches on digits: 538 / 540. */
    static final double SVM_DIGITS_OPTIMUM = 538.0 / 540.0;

    private RealProblems() {}

    static List<Problem> problems(List<String> names) {
        return names.stream().map(RealProblems::of).toList();
    }

    static Problem of(String name) {
        if (!name.equals("svm-digits")) {
            throw new IllegalArgumentException("no real problem '" + name + "'; use one of " + NAMES);
        }
        return new Problem() {
            private Dataset digits;

            @Override
            public String name() {
                return name;
            }

            @Override
            public Direction direction() {
                return Direction.MAXIMIZE;
            }

            @Override
            public OptionalDouble optimum() {
                return OptionalDouble.of(SVM_DIGITS_OPTIMUM);
            }

            @Override
            public Objective objective(String samplerName, long seed, int trials) {
                if (digits == null) {
                    digits = Datasets.digits();
                }
                Dataset data = digits;
                return trial -> RbfSvm.validationAccuracy(data,
                        trial.suggestFloat("C", 1e-3, 1e3, Scale.LOG),
                        trial.suggestFloat("gamma", 1e-6, 1e1, Scale.LOG));
            }
        };
    }
}
