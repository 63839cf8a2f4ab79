package dev.tuner.examples.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import org.junit.jupiter.api.Test;

class MlpTest {

    private static final Dataset DIGITS = Datasets.digits();

    @Test
    void learnsDigitsToAboveNinetyFivePercentInAFewEpochs() {
        Mlp mlp = Mlp.builder(64, 10).hidden(64, 0.0).learningRate(0.05).seed(1).build();
        double before = mlp.accuracy(DIGITS.valid());

        double firstLoss = mlp.trainEpoch(DIGITS.train());
        double lastLoss = firstLoss;
        for (int epoch = 1; epoch < 8; epoch++) {
            lastLoss = mlp.trainEpoch(DIGITS.train());
        }

        assertThat(before).isLessThan(0.3);
        assertThat(lastLoss).isLessThan(firstLoss);
        assertThat(mlp.accuracy(DIGITS.valid())).isGreaterThan(0.95);
    }

    @Test
    void everyActivationAndDropoutLearns() {
        for (Activation activation : Activation.values()) {
            Mlp mlp = Mlp.builder(64, 10).hidden(48, 0.2).hidden(32, 0.1).activation(activation)
                    .learningRate(activation == Activation.SIGMOID ? 0.5 : 0.05).seed(2).build();
            for (int epoch = 0; epoch < 10; epoch++) {
                mlp.trainEpoch(DIGITS.train());
            }
            assertThat(mlp.accuracy(DIGITS.valid())).as("%s", activation).isGreaterThan(0.85);
        }
    }

    @Test
    void aTooLargeLearningRateDoesWorseThanAGoodOne() {
        Mlp good = Mlp.builder(64, 10).hidden(32, 0.0).learningRate(0.05).seed(3).build();
        Mlp wild = Mlp.builder(64, 10).hidden(32, 0.0).learningRate(20).seed(3).build();
        for (int epoch = 0; epoch < 3; epoch++) {
            good.trainEpoch(DIGITS.train());
            wild.trainEpoch(DIGITS.train());
        }

        assertThat(good.accuracy(DIGITS.valid())).isGreaterThan(wild.accuracy(DIGITS.valid()) + 0.2);
    }

    @Test
    void sameSeedSameModel() {
        double first = trainedAccuracy(7);
        double second = trainedAccuracy(7);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void countsTheWeightsAndBiasesOfEveryLayer() {
        // 64 inputs → 16 → 8 → 10 classes: (64·16 + 16) + (16·8 + 8) + (8·10 + 10)
        Mlp mlp = Mlp.builder(64, 10).hidden(16, 0.1).hidden(8, 0.0).build();

        assertThat(mlp.parameterCount()).isEqualTo(1040 + 136 + 90);
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> Mlp.builder(64, 10).hidden(0, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> Mlp.builder(64, 10).hidden(8, 1.0));
        assertThatIllegalArgumentException().isThrownBy(() -> Mlp.builder(64, 10).learningRate(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Mlp.builder(64, 1));
    }

    private static double trainedAccuracy(long seed) {
        Mlp mlp = Mlp.builder(64, 10).hidden(16, 0.3).seed(seed).build();
        mlp.trainEpoch(DIGITS.train());
        return mlp.accuracy(DIGITS.valid());
    }
}
