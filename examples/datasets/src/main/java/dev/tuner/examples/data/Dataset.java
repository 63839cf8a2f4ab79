package dev.tuner.examples.data;

import java.util.Arrays;
import java.util.List;

/**
 * A classification data set split into a training and a validation part.
 *
 * @param name the data set's name, e.g. {@code digits}
 * @param featureNames the feature columns, in order
 * @param classes how many classes the labels take (labels are 0 .. classes − 1)
 * @param train the rows to fit on
 * @param valid the rows to score on
 */
public record Dataset(String name, List<String> featureNames, int classes, Part train, Part valid) {

    /** The number of features per row. */
    public int featureCount() {
        return featureNames.size();
    }

    /**
     * Some rows of a data set.
     *
     * @param features one array of feature values per row
     * @param labels each row's class, 0 .. classes − 1
     */
    public record Part(double[][] features, int[] labels) {

        /** The number of rows. */
        public int size() {
            return labels.length;
        }

        /** How many rows each class has. */
        public int[] classCounts(int classes) {
            int[] counts = new int[classes];
            Arrays.stream(labels).forEach(label -> counts[label]++);
            return counts;
        }
    }
}
