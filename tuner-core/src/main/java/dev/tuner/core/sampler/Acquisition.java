package dev.tuner.core.sampler;

/**
 * What {@link AcquisitionOptimizer} maximizes over the GP's inputs: a value at a batch of points
 * (one batched prediction per model), and at one point with its gradient in the inputs (for the
 * local search).
 */
interface Acquisition {

    /** The acquisition at each of {@code points}. */
    double[] evaluate(double[][] points);

    /**
     * The acquisition at {@code point}, with its gradient in every input written into
     * {@code gradient} (0 for categorical inputs, which the local search leaves alone).
     */
    double valueAndGradient(double[] point, double[] gradient);
}
