package dev.tuner.examples.mlp;

import dev.tuner.examples.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron for classification, in plain Java: fully connected hidden layers with an
 * activation and inverted dropout, a softmax output, cross-entropy loss, and minibatch SGD with
 * momentum. Small and deterministic for a seed, so that a tuning study can train many of them and
 * stop the hopeless ones early, epoch by epoch.
 *
 * <pre>{@code
 * Mlp mlp = Mlp.builder(64, 10).hidden(128, 0.1).hidden(64, 0.0)
 *         .activation(Activation.RELU).learningRate(0.05).seed(1).build();
 * for (int epoch = 0; epoch < 20; epoch++) {
 *     mlp.trainEpoch(digits.train());
 *     double accuracy = mlp.accuracy(digits.valid());
 * }
 * }</pre>
 */
public final class Mlp {

    private final Layer[] layers;
    private final double learningRate;
    private final double momentum;
    private final int batchSize;
    private final SplittableRandom random;

    private Mlp(Builder builder) {
        Activation activation = builder.activation;
        this.learningRate = builder.learningRate;
        this.momentum = builder.momentum;
        this.batchSize = builder.batchSize;
        this.random = new SplittableRandom(builder.seed);
        List<Layer> built = new ArrayList<>();
        int inputs = builder.inputs;
        for (int i = 0; i < builder.units.size(); i++) {
            built.add(new Layer(inputs, builder.units.get(i), activation, builder.dropouts.get(i), random));
            inputs = builder.units.get(i);
        }
        built.add(new Layer(inputs, builder.classes, null, 0, random));
        this.layers = built.toArray(Layer[]::new);
    }

    /** Starts a network with {@code inputs} features and {@code classes} outputs. */
    public static Builder builder(int inputs, int classes) {
        return new Builder(inputs, classes);
    }

    /**
     * One pass of minibatch SGD over the rows, in a shuffled order.
     *
     * @return the mean cross-entropy loss over the epoch
     */
    public double trainEpoch(Dataset.Part part) {
        int[] order = shuffledIndices(part.size());
        double loss = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            for (int i = start; i < end; i++) {
                loss += accumulate(part.features()[order[i]], part.labels()[order[i]]);
            }
            for (Layer layer : layers) {
                layer.step(learningRate / (end - start), momentum);
            }
        }
        return loss / part.size();
    }

    /** The share of rows whose most probable class is their label. */
    public double accuracy(Dataset.Part part) {
        int correct = 0;
        for (int i = 0; i < part.size(); i++) {
            if (predict(part.features()[i]) == part.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / part.size();
    }

    /** The most probable class of one row. */
    public int predict(double[] features) {
        double[] output = forward(features, false);
        int best = 0;
        for (int k = 1; k < output.length; k++) {
            if (output[k] > output[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The weights and biases of every layer: what a trained network stores, so its size in memory or
     * on disk is this many numbers.
     */
    public long parameterCount() {
        long count = 0;
        for (Layer layer : layers) {
            count += layer.parameterCount();
        }
        return count;
    }

    private double accumulate(double[] features, int label) {
        double[] probabilities = softmax(forward(features, true));
        double[] delta = probabilities.clone();
        delta[label] -= 1;
        for (int l = layers.length - 1; l >= 0; l--) {
            delta = layers[l].backward(delta);
        }
        return -Math.log(Math.max(probabilities[label], 1e-12));
    }

    private double[] forward(double[] features, boolean training) {
        double[] values = features;
        for (Layer layer : layers) {
            values = layer.forward(values, training, random);
        }
        return values;
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        double[] probabilities = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = Math.exp(logits[k] - max);
            sum += probabilities[k];
        }
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] /= sum;
        }
        return probabilities;
    }

    private int[] shuffledIndices(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Builds an {@link Mlp}; hidden layers are added in order. */
    public static final class Builder {

        private final int inputs;
        private final int classes;
        private final List<Integer> units = new ArrayList<>();
        private final List<Double> dropouts = new ArrayList<>();
        private Activation activation = Activation.RELU;
        private double learningRate = 0.05;
        private double momentum = 0.9;
        private int batchSize = 32;
        private long seed;

        private Builder(int inputs, int classes) {
            if (inputs < 1 || classes < 2) {
                throw new IllegalArgumentException("an MLP needs at least 1 input and 2 classes, not "
                        + inputs + " and " + classes);
            }
            this.inputs = inputs;
            this.classes = classes;
        }

        /** Adds a hidden layer of {@code units} units whose outputs are dropped with probability {@code dropout}. */
        public Builder hidden(int units, double dropout) {
            if (units < 1 || dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("a hidden layer needs units ≥ 1 and dropout in [0, 1), not "
                        + units + " and " + dropout);
            }
            this.units.add(units);
            this.dropouts.add(dropout);
            return this;
        }

        /** The hidden layers' activation; default {@link Activation#RELU}. */
        public Builder activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** The SGD step size; positive; default 0.05. */
        public Builder learningRate(double learningRate) {
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("the learning rate must be positive, not " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /** The momentum of SGD, in [0, 1); default 0.9. */
        public Builder momentum(double momentum) {
            if (momentum < 0 || momentum >= 1) {
                throw new IllegalArgumentException("momentum must be in [0, 1), not " + momentum);
            }
            this.momentum = momentum;
            return this;
        }

        /** Rows per SGD step; default 32. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Seed of the initial weights, the shuffling and the dropout masks. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Mlp build() {
            return new Mlp(this);
        }
    }
}
