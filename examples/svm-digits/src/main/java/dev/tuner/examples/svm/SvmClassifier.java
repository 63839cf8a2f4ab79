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
 * A support vector classifier from libsvm, fitted the way scikit-learn's {@code SVC} fits one, so
 * that it reaches the same accuracies: libsvm numbers classes by their first appearance and
 * scikit-learn's copy in ascending order, so the training rows are sorted by label first.
 *
 * <pre>{@code
 * svm_parameter parameters = SvmClassifier.parameters(10.0);      // C = 10, scikit-learn's other settings
 * parameters.kernel_type = svm_parameter.LINEAR;
 * double accuracy = SvmClassifier.fit(data.train(), parameters).accuracy(data.valid());
 * }</pre>
 */
public final class SvmClassifier {

    static {
        // libsvm prints its optimizer's progress to stdout unless told otherwise
        svm.svm_set_print_string_function(message -> { });
    }

    private final svm_model model;

    private SvmClassifier(svm_model model) {
        this.model = model;
    }

    /**
     * libsvm's settings as scikit-learn's {@code SVC} sets them: a C-SVC with penalty {@code c},
     * tolerance 1e-3, shrinking and a 200 MB kernel cache. The kernel is RBF until the caller sets
     * {@code kernel_type}, {@code gamma}, {@code degree} and {@code coef0} (libsvm's names).
     */
    public static svm_parameter parameters(double c) {
        svm_parameter parameters = new svm_parameter();
        parameters.svm_type = svm_parameter.C_SVC;
        parameters.kernel_type = svm_parameter.RBF;
        parameters.C = c;
        parameters.degree = 3;
        parameters.coef0 = 0;
        parameters.eps = 1e-3;
        parameters.cache_size = 200;
        parameters.shrinking = 1;
        parameters.probability = 0;
        parameters.nr_weight = 0;
        parameters.weight_label = new int[0];
        parameters.weight = new double[0];
        return parameters;
    }

    /**
     * Fits on {@code train}.
     *
     * @throws IllegalArgumentException if libsvm rejects {@code parameters} (its reason is in the message)
     */
    public static SvmClassifier fit(Dataset.Part train, svm_parameter parameters) {
        svm_problem problem = problem(train);
        String rejected = svm.svm_check_parameter(problem, parameters);
        if (rejected != null) {
            throw new IllegalArgumentException("libsvm rejects the settings C=" + parameters.C + ", kernel type "
                    + parameters.kernel_type + ", gamma=" + parameters.gamma + ", degree=" + parameters.degree
                    + ": " + rejected);
        }
        return new SvmClassifier(svm.svm_train(problem, parameters));
    }

    /** The class this classifier gives {@code features}. */
    public int predict(double[] features) {
        return (int) svm.svm_predict(model, nodes(features));
    }

    /** The share of {@code part}'s rows whose class this classifier gives right. */
    public double accuracy(Dataset.Part part) {
        int correct = 0;
        for (int i = 0; i < part.size(); i++) {
            if (predict(part.features()[i]) == part.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / part.size();
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
