package dev.tuner.examples.svm;

import dev.tuner.Direction;
import dev.tuner.LogUniform;
import dev.tuner.Tune;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;

/**
 * The classic SVM search: the penalty C and the RBF kernel width gamma, both log-uniform, for the
 * best validation accuracy on the digits. {@code mvn tuner:tune} here runs it; the best C and gamma
 * land in {@code target/tuner/}.
 */
class SvmDigitsTuning {

    private static final Dataset DIGITS = Datasets.digits();

    @Tune(trials = 50, direction = Direction.MAXIMIZE)
    double validationAccuracy(@LogUniform(min = 1e-3, max = 1e3) double c,
                              @LogUniform(min = 1e-6, max = 1e1) double gamma) {
        return RbfSvm.validationAccuracy(DIGITS, c, gamma);
    }
}
