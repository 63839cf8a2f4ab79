package dev.tuner.examples.svm;

import dev.tuner.examples.data.Dataset;
import libsvm.svm_parameter;

/**
 * An RBF-kernel support vector classifier from libsvm, set up as scikit-learn's {@code SVC}
 * (see {@link SvmClassifier}) so that it reaches exactly the same accuracies.
 *
 * <pre>{@code
 * double accuracy = RbfSvm.validationAccuracy(Datasets.digits(), 10.0, 1e-3);
 * }</pre>
 */
public final class RbfSvm {

    private RbfSvm() {}

    /** Fits on the training part with penalty {@code c} and kernel width {@code gamma}; the validation accuracy. */
    public static double validationAccuracy(Dataset dataset, double c, double gamma) {
        if (!(c > 0) || !(gamma > 0)) {
            throw new IllegalArgumentException("C and gamma must be positive, not " + c + " and " + gamma);
        }
        svm_parameter parameters = SvmClassifier.parameters(c);
        parameters.kernel_type = svm_parameter.RBF;
        parameters.gamma = gamma;
        return SvmClassifier.fit(dataset.train(), parameters).accuracy(dataset.valid());
    }
}
