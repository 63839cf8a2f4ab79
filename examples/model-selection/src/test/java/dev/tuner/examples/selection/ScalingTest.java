package dev.tuner.examples.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScalingTest {

    /** One feature (plus a constant one): training values 0, 2, 4; validation values far outside. */
    private static final Dataset TINY = new Dataset("tiny", List.of("x", "constant"), 2,
            new Dataset.Part(new double[][] {{0, 3}, {2, 3}, {4, 3}}, new int[] {0, 1, 0}),
            new Dataset.Part(new double[][] {{100, 5}, {-4, 3}}, new int[] {1, 0}));

    @Test
    void standardizingUsesTheTrainingMeanAndDeviationForBothParts() {
        Dataset scaled = Scaling.STANDARDIZE.scale(TINY);

        double sd = Math.sqrt(8.0 / 3);   // population deviation of 0, 2, 4
        assertThat(column(scaled.train(), 0)).containsExactly(new double[] {-2 / sd, 0, 2 / sd}, within(1e-12));
        // had the validation rows been part of the fit, 100 would not land at (100 − 2) / sd
        assertThat(column(scaled.valid(), 0)).containsExactly(new double[] {98 / sd, -6 / sd}, within(1e-12));
    }

    @Test
    void minMaxMapsTheTrainingRangeToZeroOneAndLetsValidationValuesFallOutside() {
        Dataset scaled = Scaling.MIN_MAX.scale(TINY);

        assertThat(column(scaled.train(), 0)).containsExactly(0, 0.5, 1);
        assertThat(column(scaled.valid(), 0)).containsExactly(25, -1);
    }

    @Test
    void aConstantTrainingColumnIsShiftedButNotStretched() {
        for (Scaling scaling : Scaling.values()) {
            Dataset scaled = scaling.scale(TINY);

            assertThat(column(scaled.train(), 1)).as("%s", scaling).containsExactly(0, 0, 0);
            assertThat(column(scaled.valid(), 1)).as("%s", scaling).containsExactly(2, 0);
        }
    }

    @Test
    void scalingKeepsTheLabelsAndTheInputUntouched() {
        Dataset scaled = Scaling.STANDARDIZE.scale(TINY);

        assertThat(scaled.train().labels()).containsExactly(0, 1, 0);
        assertThat(scaled.valid().labels()).containsExactly(1, 0);
        assertThat(TINY.valid().features()[0]).containsExactly(100, 5);
    }

    @Test
    void onTheBreastCancerDataOnlyTheTrainingColumnsComeOutExactlyStandardized() {
        Dataset data = Datasets.breastCancer();
        Dataset scaled = Scaling.STANDARDIZE.scale(data);

        for (int feature = 0; feature < data.featureCount(); feature++) {
            assertThat(mean(column(scaled.train(), feature))).isCloseTo(0, within(1e-9));
        }
        // fitted on the validation rows too, their means would be pulled to 0 with the training ones
        assertThat(IntStream.range(0, data.featureCount()).mapToDouble(f -> Math.abs(mean(column(scaled.valid(), f)))).max()
                .orElseThrow()).isGreaterThan(0.01);
    }

    private static double[] column(Dataset.Part part, int feature) {
        return IntStream.range(0, part.size()).mapToDouble(row -> part.features()[row][feature]).toArray();
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
