package dev.tuner.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sizes and class counts as shared/data/datasets.json records them. */
class DatasetsTest {

    @Test
    void digitsHasItsSplitAndClassCountsWithPixelsScaledToOne() {
        Dataset digits = Datasets.digits();

        assertThat(digits.featureCount()).isEqualTo(64);
        assertThat(digits.classes()).isEqualTo(10);
        assertThat(digits.train().size()).isEqualTo(1257);
        assertThat(digits.valid().size()).isEqualTo(540);
        assertThat(digits.train().classCounts(10)).containsExactly(124, 127, 124, 128, 127, 127, 127, 125, 122, 126);
        assertThat(digits.valid().classCounts(10)).containsExactly(54, 55, 53, 55, 54, 55, 54, 54, 52, 54);
        double max = Arrays.stream(digits.train().features()).flatMapToDouble(Arrays::stream).max().orElseThrow();
        double min = Arrays.stream(digits.train().features()).flatMapToDouble(Arrays::stream).min().orElseThrow();
        assertThat(max).isEqualTo(1.0);
        assertThat(min).isEqualTo(0.0);
        assertThat(digits.featureNames().get(0)).isEqualTo("pixel_0_0");
    }

    @Test
    void breastCancerAndWineHaveTheirSplits() {
        Dataset cancer = Datasets.breastCancer();
        Dataset wine = Datasets.wine();

        assertThat(cancer.featureCount()).isEqualTo(30);
        assertThat(cancer.train().classCounts(2)).containsExactly(148, 250);
        assertThat(cancer.valid().classCounts(2)).containsExactly(64, 107);
        assertThat(cancer.featureNames()).contains("mean radius").doesNotContain("split", "label");
        assertThat(wine.featureCount()).isEqualTo(13);
        assertThat(wine.train().classCounts(3)).containsExactly(41, 50, 33);
        assertThat(wine.valid().classCounts(3)).containsExactly(18, 21, 15);
        // the first row of wine.csv, unscaled
        assertThat(wine.valid().features()[0][0]).isEqualTo(14.23);
        assertThat(wine.valid().features()[0][12]).isEqualTo(1065.0);
    }

    @Test
    void aMalformedFileNamesTheLine() {
        String csv = "a,b,split,label\n1,2,train,0\n1,2,test,1\n";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Datasets.parse("toy", new BufferedReader(new StringReader(csv)), 1))
                .withMessageContaining("toy.csv line 3")
                .withMessageContaining("'test'");
    }

    @Test
    void anUnknownDataSetIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Datasets.load("iris", 1))
                .withMessageContaining("no data set 'iris'");
    }
}
