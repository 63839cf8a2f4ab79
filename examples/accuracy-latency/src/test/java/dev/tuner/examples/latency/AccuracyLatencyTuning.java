package dev.tuner.examples.latency;

import dev.tuner.AtLeast;
import dev.tuner.AtMost;
import dev.tuner.Maximize;
import dev.tuner.Minimize;
import dev.tuner.Tune;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.mlp.Mlp;

/**
 * How much accuracy does each microsecond of inference buy? Each trial trains the
 * {@link DigitClassifier} of that trial's knobs (declared on its fields), then measures three things:
 * its validation accuracy, its inference latency per digit, and its size. The first two are the
 * objectives; the size is a bound, a model over {@value #MAX_SIZE_KB} KiB does not ship, and so is
 * the accuracy, a model below {@value #MIN_ACCURACY} does not either. Run
 * {@code mvn tuner:tune} here: the Pareto set goes to {@code target/tuner/<study>.pareto.csv}, and
 * the knee of it to {@code target/tuner/<study>.properties}, which {@code DigitClassifier} reads.
 */
class AccuracyLatencyTuning {

    /** The largest model that ships, in KiB of weights and biases (4,096 doubles). */
    static final double MAX_SIZE_KB = 32;

    /** The least accuracy worth shipping: a model that misreads more than 1 digit in 10 is no trade-off. */
    static final double MIN_ACCURACY = 0.9;

    /** Passes over the validation digits whose median is the latency. */
    static final int LATENCY_PASSES = 5;

    private static final Dataset DIGITS = Datasets.digits();

    private static final InferenceLatency LATENCY = InferenceLatency.medianOf(LATENCY_PASSES);

    /**
     * What a trial measured.
     *
     * @param accuracy the share of the 540 validation digits the network gets right: an objective,
     *                 and a bound below which a trial is infeasible
     * @param latencyMicros the median time of one prediction, in microseconds
     * @param sizeKb the weights and biases the network holds, in KiB
     */
    record Outcome(@Maximize @AtLeast(MIN_ACCURACY) double accuracy,
                   @Minimize double latencyMicros,
                   @AtMost(MAX_SIZE_KB) double sizeKb) {}

    @Tune(trials = 100)
    Outcome accuracyAndLatency() {
        Mlp mlp = new DigitClassifier().train(DIGITS);
        double accuracy = mlp.accuracy(DIGITS.valid());   // also warms up predict for the timing
        return new Outcome(accuracy,
                LATENCY.microsPerRow(mlp::predict, DIGITS.valid()),
                DigitClassifier.sizeKb(mlp));
    }
}
