package dev.tuner.examples.selection;

import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Uniform;
import libsvm.svm_parameter;

/**
 * The SVM's kernel, each with its own knobs. As a knob, {@code @Choice Kernel kernel} picks one per
 * trial: {@code Svm.kernel=Rbf} with {@code Svm.kernel.Rbf.gamma}, and so on.
 */
public sealed interface Kernel permits Kernel.Rbf, Kernel.Linear, Kernel.Poly {

    /** Sets libsvm's kernel type and this kernel's settings on {@code parameters}. */
    void configure(svm_parameter parameters);

    /**
     * The Gaussian kernel exp(−gamma·|x − y|²).
     *
     * @param gamma the inverse width: large gamma lets each training row matter only near itself.
     *              scikit-learn's default on standardized data with 30 features is 1/30.
     */
    record Rbf(@LogUniform(min = 1e-4, max = 1e1) double gamma) implements Kernel {
        @Override
        public void configure(svm_parameter parameters) {
            parameters.kernel_type = svm_parameter.RBF;
            parameters.gamma = gamma;
        }
    }

    /** The plain dot product x·y: a separating hyperplane in the feature space itself; no knobs. */
    record Linear() implements Kernel {
        @Override
        public void configure(svm_parameter parameters) {
            parameters.kernel_type = svm_parameter.LINEAR;
        }
    }

    /**
     * The polynomial kernel (gamma·x·y + coef0)^degree.
     *
     * @param gamma the scale of the dot product; kept below 1, since larger values on scaled data make
     *              kernel values explode with the degree and libsvm's solver slow
     * @param degree the polynomial's degree
     * @param coef0 the constant term: 0 keeps only the products of exactly {@code degree} features,
     *              larger values weigh in the lower-order ones
     */
    record Poly(@LogUniform(min = 1e-3, max = 1) double gamma,
                @IntUniform(min = 2, max = 4) int degree,
                @Uniform(min = 0, max = 1) double coef0) implements Kernel {
        @Override
        public void configure(svm_parameter parameters) {
            parameters.kernel_type = svm_parameter.POLY;
            parameters.gamma = gamma;
            parameters.degree = degree;
            parameters.coef0 = coef0;
        }
    }
}
