package dev.tuner.examples.mlp;

import java.util.SplittableRandom;

/**
 * One fully connected layer: weights, biases, their accumulated gradients and momentum, and what
 * the last training forward pass keeps for the backward one. A hidden layer has an activation and
 * may drop units; the output layer has neither and yields logits.
 */
final class Layer {

    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final double dropout;
    private final double[] weights;
    private final double[] biases;
    private final double[] weightGradients;
    private final double[] biasGradients;
    private final double[] weightVelocity;
    private final double[] biasVelocity;

    private double[] lastInput;
    private double[] lastActivated;
    private double[] lastMask;

    Layer(int inputs, int outputs, Activation activation, double dropout, SplittableRandom random) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.dropout = dropout;
        this.weights = new double[inputs * outputs];
        this.biases = new double[outputs];
        this.weightGradients = new double[weights.length];
        this.biasGradients = new double[outputs];
        this.weightVelocity = new double[weights.length];
        this.biasVelocity = new double[outputs];
        // Glorot-uniform initial weights keep the activations' scale steady across layers
        double limit = Math.sqrt(6.0 / (inputs + outputs));
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (random.nextDouble() * 2 - 1) * limit;
        }
    }

    /** The weights and biases this layer holds. */
    int parameterCount() {
        return weights.length + biases.length;
    }

    double[] forward(double[] input, boolean training, SplittableRandom random) {
        double[] output = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = biases[o];
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) {
                sum += weights[row + i] * input[i];
            }
            output[o] = activation == null ? sum : activation.apply(sum);
        }
        if (!training) {
            return output;
        }
        lastInput = input;
        lastActivated = output.clone();
        lastMask = null;
        if (dropout > 0) {
            // inverted dropout: scale the kept units so that inference needs no correction
            lastMask = new double[outputs];
            double keep = 1 - dropout;
            for (int o = 0; o < outputs; o++) {
                lastMask[o] = random.nextDouble() < keep ? 1 / keep : 0;
                output[o] *= lastMask[o];
            }
        }
        return output;
    }

    /**
     * Accumulates the gradients for the error {@code delta} at this layer's output (after dropout)
     * and returns the error at its input.
     */
    double[] backward(double[] delta) {
        for (int o = 0; o < outputs; o++) {
            if (lastMask != null) {
                delta[o] *= lastMask[o];
            }
            if (activation != null) {
                delta[o] *= activation.derivativeAtOutput(lastActivated[o]);
            }
        }
        double[] inputDelta = new double[inputs];
        for (int o = 0; o < outputs; o++) {
            double d = delta[o];
            if (d == 0) {
                continue;
            }
            biasGradients[o] += d;
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) {
                weightGradients[row + i] += d * lastInput[i];
                inputDelta[i] += d * weights[row + i];
            }
        }
        return inputDelta;
    }

    /** One SGD-with-momentum step on the accumulated gradients, which it then clears. */
    void step(double scale, double momentum) {
        for (int i = 0; i < weights.length; i++) {
            weightVelocity[i] = momentum * weightVelocity[i] - scale * weightGradients[i];
            weights[i] += weightVelocity[i];
            weightGradients[i] = 0;
        }
        for (int o = 0; o < outputs; o++) {
            biasVelocity[o] = momentum * biasVelocity[o] - scale * biasGradients[o];
            biases[o] += biasVelocity[o];
            biasGradients[o] = 0;
        }
    }
}
