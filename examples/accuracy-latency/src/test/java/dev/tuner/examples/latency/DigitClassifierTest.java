package dev.tuner.examples.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.mlp.Activation;
import dev.tuner.examples.mlp.Mlp;
import dev.tuner.runtime.TunedValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitClassifierTest {

    private static final Dataset DIGITS = Datasets.digits();
    private static final String CLASS = DigitClassifier.class.getName();

    @Test
    void withoutTunedValuesItKeepsTheDeclaredShape() {
        DigitClassifier classifier = new DigitClassifier(TunedValues.none());

        assertThat(classifier.hiddenLayers()).isEqualTo(1);
        assertThat(classifier.units()).isEqualTo(32);
        assertThat(classifier.activation()).isEqualTo(Activation.TANH);
        assertThat(classifier.learningRate()).isEqualTo(0.05);
    }

    @Test
    void takesTheShapeAFileOfTunedValuesGives(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("tuner.properties"), String.join("\n",
                CLASS + ".hiddenLayers=2",
                CLASS + ".units=12",
                CLASS + ".activation=RELU",
                CLASS + ".learningRate=0.08"));

        DigitClassifier classifier = new DigitClassifier(TunedValues.load(file));
        Mlp mlp = classifier.train(DIGITS);

        assertThat(classifier).hasToString("2×12 RELU, learning rate 0.08");
        // 64 pixels → 12 → 12 → 10 digits, weights and biases
        assertThat(mlp.parameterCount()).isEqualTo((64 * 12 + 12) + (12 * 12 + 12) + (12 * 10 + 10));
        assertThat(DigitClassifier.sizeKb(mlp)).isEqualTo(mlp.parameterCount() * 8 / 1024.0);
    }

    @Test
    void refusesAValueOutsideTheRangeItsFieldDeclares(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("tuner.properties"), CLASS + ".units=512\n");

        assertThatThrownBy(() -> new DigitClassifier(TunedValues.load(file)))
                .hasMessageContaining(CLASS + ".units");
    }

    @Test
    void theDeclaredShapeLearnsTheDigitsAndTheSameKnobsGiveTheSameNetwork() {
        Mlp first = new DigitClassifier(TunedValues.none()).train(DIGITS);
        Mlp second = new DigitClassifier(TunedValues.none()).train(DIGITS);

        assertThat(first.accuracy(DIGITS.valid())).isGreaterThan(0.95)
                .isEqualTo(second.accuracy(DIGITS.valid()));
        assertThat(DigitClassifier.sizeKb(first)).isLessThan(AccuracyLatencyTuning.MAX_SIZE_KB);
    }
}
