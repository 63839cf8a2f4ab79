package dev.tuner.examples.svm;

import dev.tuner.examples.data.Dataset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * An RBF-kernel support vector classifier from libsvm, set up as scikit-learn's {@code SVC}
 * (tolerance 1e-3, shrinking, 200 MB kernel cache) so that it reaches exactly the same accuracies.
 * libsvm numbers classes by their first appearance and scikit-learn's copy in ascending order, so
 * the training rows are sorted by label first.
 *
 * <pre>{@code
 * double accuracy = RbfSvm.validationAccuracy(Datasets.digits(), 10.0, 1e-3);
 * }</pre>
 */
public final class RbfSvm {

    static {
        // libsvm prints its optimizer's progress to stdout unless told otherwise
        svm.svm_set_print_string_function(message -> { });
    }

    private RbfSvm() {}

    /** Fits on the training part with penalty {@code c} and kernel width {@code gamma}; the validation accuracy. */
    public static double validationAccuracy(Dataset dataset, double c, double gamma) {
        svm_model model = svm.svm_train(problem(dataset.train()), parameters(c, gamma));
        Dataset.Part valid = dataset.valid();
        int correct = 0;
        for (int i = 0; i < valid.size(); i++) {
            if ((int) svm.svm_predict(model, nodes(valid.features()[i])) == valid.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / valid.size();
    }

    private static svm_problem problem(Dataset.Part train) {
        Integer[] byLabel = IntStream.range(0, train.size()).boxed().toArray(Integer[]::new);
        // a stable sort keeps the file's order within each class, as scikit-learn's copy does
        Arrays.sort(byLabel, Comparator.comparingInt(row -> train.labels()[row]));
        svm_problem problem = new svm_problem();
        problem.l = train.size();
        problem.y = new double[problem.l];
        problem.x = new svm_node[problem.l][];
        for (int i = 0; i < problem.l; i++) {
            problem.y[i] = train.labels()[byLabel[i]];
            problem.x[i] = nodes(train.features()[byLabel[i]]);
        }
        return problem;
    }

    private static svm_parameter parameters(double c, double gamma) {
        if (!(c > 0) || !(gamma > 0)) {
            throw new IllegalArgumentException("C and gamma must be positive, not " + c + " and " + gamma);
        }
        svm_parameter parameters = new svm_parameter();
        parameters.svm_type = svm_parameter.C_SVC;
        parameters.kernel_type = svm_parameter.RBF;
        parameters.C = c;
        parameters.gamma = gamma;
        parameters.eps = 1e-3;
        parameters.cache_size = 200;
        parameters.shrinking = 1;
        parameters.probability = 0;
        parameters.nr_weight = 0;
        parameters.weight_label = new int[0];
        parameters.weight = new double[0];
        return parameters;
    }

    /** A row as libsvm's sparse nodes; zeros are left out, which changes no kernel value. */
    private static svm_node[] nodes(double[] features) {
        return IntStream.range(0, features.length)
                .filter(index -> features[index] != 0)
                .mapToObj(index -> {
                    svm_node node = new svm_node();
                    node.index = index + 1;
                    node.value = features[index];
                    return node;
                })
                .toArray(svm_node[]::new);
    }
}
