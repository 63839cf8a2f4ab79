package dev.tuner.examples.selection;

import dev.tuner.Choice;
import dev.tuner.LogUniform;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.svm.SvmClassifier;
import libsvm.svm_parameter;

/**
 * A support vector classifier (libsvm, set up as scikit-learn's {@code SVC}).
 *
 * @param c the penalty on margin violations: small C gives a wide, forgiving margin, large C fits
 *          the training rows hard
 * @param kernel the kernel and its own knobs; a nested choice, so the RBF width is tuned only
 *               when the RBF kernel is chosen
 */
public record Svm(@LogUniform(min = 1e-3, max = 1e3) double c,
                  @Choice Kernel kernel) implements Model {

    @Override
    public double validationAccuracy(Dataset data) {
        svm_parameter parameters = SvmClassifier.parameters(c);
        kernel.configure(parameters);
        return SvmClassifier.fit(data.train(), parameters).accuracy(data.valid());
    }
}
