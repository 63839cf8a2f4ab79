package dev.tuner.examples.selection;

import dev.tuner.examples.data.Dataset;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * How the features are scaled before a model sees them. Each way is fitted on the training part
 * only and then applied, unchanged, to both parts: the validation rows never shape the scaling,
 * as they would not in production.
 *
 * <p>As a knob, {@code @Choice Scaling scaling} picks one of the constants per trial.
 */
public enum Scaling {

    /** Each feature minus its training mean, divided by its training standard deviation (scikit-learn's StandardScaler). */
    STANDARDIZE,

    /** Each feature mapped so that its training range becomes [0, 1] (scikit-learn's MinMaxScaler); validation values may fall outside. */
    MIN_MAX;

    /** The value subtracted from a feature, from its training values. */
    private double shift(SummaryStatistics column) {
        return switch (this) {
            case STANDARDIZE -> column.getMean();
            case MIN_MAX -> column.getMin();
        };
    }

    /** The value a shifted feature is divided by, from its training values. */
    private double width(SummaryStatistics column) {
        return switch (this) {
            case STANDARDIZE -> Math.sqrt(column.getPopulationVariance());
            case MIN_MAX -> column.getMax() - column.getMin();
        };
    }

    /** The data with both parts scaled by this way, fitted on {@code data.train()} alone. */
    public Dataset scale(Dataset data) {
        Scaler scaler = fit(data.train().features());
        return new Dataset(data.name(), data.featureNames(), data.classes(),
                scaler.apply(data.train()), scaler.apply(data.valid()));
    }

    /** This way's shift and width of each column of {@code rows}. */
    Scaler fit(double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] shifts = new double[columns];
        double[] widths = new double[columns];
        for (int column = 0; column < columns; column++) {
            SummaryStatistics statistics = new SummaryStatistics();
            for (double[] row : rows) {
                statistics.addValue(row[column]);
            }
            shifts[column] = shift(statistics);
            double width = width(statistics);
            // a constant column carries no information: shifted to 0, left unstretched
            widths[column] = width > 0 ? width : 1;
        }
        return new Scaler(shifts, widths);
    }

    /** A fitted scaling: {@code (x − shift) / width}, column by column. */
    record Scaler(double[] shifts, double[] widths) {

        Dataset.Part apply(Dataset.Part part) {
            double[][] scaled = Arrays.stream(part.features()).map(this::apply).toArray(double[][]::new);
            return new Dataset.Part(scaled, part.labels());
        }

        double[] apply(double[] row) {
            double[] scaled = new double[row.length];
            for (int column = 0; column < row.length; column++) {
                scaled[column] = (row[column] - shifts[column]) / widths[column];
            }
            return scaled;
        }
    }
}
