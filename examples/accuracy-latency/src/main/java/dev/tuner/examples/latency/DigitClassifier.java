package dev.tuner.examples.latency;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.mlp.Activation;
import dev.tuner.examples.mlp.Mlp;
import dev.tuner.runtime.Tuned;
import dev.tuner.runtime.TunedValues;

/**
 * The digit classifier production ships: a multilayer perceptron ({@link Mlp}) whose shape and
 * learning rate are knobs declared on its fields. While {@code mvn tuner:tune} runs a trial, each
 * read of a field returns that trial's value; in production the constructor applies the values the
 * search picked (the file {@link Tuned} finds), or keeps the declared ones when there is none.
 *
 * <pre>{@code
 * Mlp model = new DigitClassifier().train(Datasets.digits());   // the picked shape, trained
 * int digit = model.predict(pixels);
 * }</pre>
 */
public final class DigitClassifier {

    /** Epochs every network trains for: the good ones pass 0.96 on the digits by then. */
    public static final int EPOCHS = 10;

    /** Seed of the initial weights and the shuffling, so that the knobs alone decide a network. */
    public static final long SEED = 1;

    /** Hidden layers, all of {@link #units} units. */
    @IntUniform(min = 1, max = 3)
    int hiddenLayers = 1;

    /** Units of each hidden layer: the accuracy, the latency and the size all grow with it. */
    @IntUniform(min = 4, max = 128, log = true)
    int units = 32;

    /** The hidden layers' nonlinearity: {@code tanh} and the sigmoid cost more per unit than ReLU. */
    @Choice
    Activation activation = Activation.TANH;

    /** The SGD step size (the sigmoid learns best at larger steps than ReLU and tanh). */
    @LogUniform(min = 0.005, max = 0.5)
    double learningRate = 0.05;

    /** A classifier of the tuned shape: the values {@link Tuned} reads, else the declared ones. */
    public DigitClassifier() {
        this(Tuned.values());
    }

    /** A classifier of the shape these values give; the knobs they do not name keep their declared values. */
    public DigitClassifier(TunedValues values) {
        values.apply(this);
    }

    /** A network of this shape trained for {@link #EPOCHS} epochs on the data set's training part. */
    public Mlp train(Dataset data) {
        Mlp.Builder network = Mlp.builder(data.featureCount(), data.classes())
                .activation(activation)
                .learningRate(learningRate)
                .seed(SEED);
        for (int layer = 0; layer < hiddenLayers; layer++) {
            network.hidden(units, 0);
        }
        Mlp mlp = network.build();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            mlp.trainEpoch(data.train());
        }
        return mlp;
    }

    /** What a network holds, in KiB: its weights and biases, each a {@code double}. */
    public static double sizeKb(Mlp mlp) {
        return mlp.parameterCount() * (double) Double.BYTES / 1024;
    }

    /** How many hidden layers this classifier builds. */
    public int hiddenLayers() {
        return hiddenLayers;
    }

    /** Units of each hidden layer. */
    public int units() {
        return units;
    }

    /** The hidden layers' activation. */
    public Activation activation() {
        return activation;
    }

    /** The learning rate of the training. */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String toString() {
        return hiddenLayers + "×" + units + " " + activation + ", learning rate " + learningRate;
    }
}
