package dev.tuner.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the example data sets shipped with this module. Each file has one header row, the
 * feature columns, a {@code split} column ({@code train} or {@code valid}) and a {@code label}
 * column last.
 *
 * <pre>{@code
 * Dataset digits = Datasets.digits();   // pixels scaled to [0, 1]
 * double[][] x = digits.train().features();
 * }</pre>
 */
public final class Datasets {

    private static final String SPLIT = "split";
    private static final String LABEL = "label";

    private Datasets() {}

    /** Handwritten digits, 8×8 pixels with values 0..16 divided by 16; 10 classes. */
    public static Dataset digits() {
        return load("digits", 16);
    }

    /** Breast cancer diagnosis from 30 cell-nucleus measurements, unscaled; 2 classes (0 = malignant). */
    public static Dataset breastCancer() {
        return load("breast_cancer", 1);
    }

    /** Wine cultivar from 13 chemical measurements, unscaled; 3 classes. */
    public static Dataset wine() {
        return load("wine", 1);
    }

    /** A data set shipped as {@code <name>.csv} beside this class, every feature divided by {@code divisor}. */
    static Dataset load(String name, double divisor) {
        String resource = name + ".csv";
        try (InputStream stream = Datasets.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalArgumentException("no data set '" + name + "': " + resource
                        + " is not beside " + Datasets.class.getName() + " on the classpath");
            }
            return parse(name, new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)), divisor);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read data set " + resource + ": " + failed.getMessage(), failed);
        }
    }

    static Dataset parse(String name, BufferedReader reader, double divisor) throws IOException {
        List<String> header = Arrays.asList(reader.readLine().split(",", -1));
        int split = header.indexOf(SPLIT);
        int label = header.indexOf(LABEL);
        if (split < 0 || label != header.size() - 1) {
            throw new IllegalArgumentException("data set " + name + " needs a 'split' column and 'label' last, but its "
                    + "header is " + header);
        }
        List<String> features = new ArrayList<>(header.subList(0, header.size() - 1));
        features.remove(SPLIT);
        Rows train = new Rows();
        Rows valid = new Rows();
        int classes = 0;
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(name + ".csv line " + lineNumber + " has " + cells.length
                        + " cells, the header " + header.size());
            }
            double[] row = new double[features.size()];
            for (int column = 0, feature = 0; column < label; column++) {
                if (column != split) {
                    row[feature++] = Double.parseDouble(cells[column]) / divisor;
                }
            }
            int labelValue = Integer.parseInt(cells[label]);
            classes = Math.max(classes, labelValue + 1);
            switch (cells[split]) {
                case "train" -> train.add(row, labelValue);
                case "valid" -> valid.add(row, labelValue);
                default -> throw new IllegalArgumentException(name + ".csv line " + lineNumber
                        + " has split '" + cells[split] + "'; expected train or valid");
            }
        }
        return new Dataset(name, List.copyOf(features), classes, train.toPart(), valid.toPart());
    }

    /** Rows collected while reading. */
    private static final class Rows {
        private final List<double[]> features = new ArrayList<>();
        private final List<Integer> labels = new ArrayList<>();

        void add(double[] row, int label) {
            features.add(row);
            labels.add(label);
        }

        Dataset.Part toPart() {
            return new Dataset.Part(features.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
