package dev.tuner.examples.latency;

import dev.tuner.examples.data.Dataset;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Measures how long a model takes to answer: it predicts every row of a batch, a few times over, and
 * returns the median time per row. The median of a few passes shrugs off one pass the machine
 * interrupted (a garbage collection, another process), but the figure stays noisy on a busy machine.
 *
 * <pre>{@code
 * double micros = InferenceLatency.medianOf(5).microsPerRow(mlp::predict, digits.valid());
 * }</pre>
 */
public final class InferenceLatency {

    private final LongSupplier nanoTime;
    private final int passes;

    /** Left by every pass, so that the JIT cannot drop predictions nobody reads. */
    private volatile long sink;

    InferenceLatency(LongSupplier nanoTime, int passes) {
        if (passes < 1 || passes % 2 == 0) {
            throw new IllegalArgumentException("InferenceLatency needs an odd number of passes, so that one of them"
                    + " is the median, not " + passes + "; give 1, 3, 5...");
        }
        this.nanoTime = nanoTime;
        this.passes = passes;
    }

    /** Measures by the system's clock ({@link System#nanoTime()}), taking the median of this many passes (odd). */
    public static InferenceLatency medianOf(int passes) {
        return new InferenceLatency(System::nanoTime, passes);
    }

    /**
     * The median over the passes of the time {@code predict} took for the whole batch, divided by its
     * rows, in microseconds.
     */
    public double microsPerRow(ToIntFunction<double[]> predict, Dataset.Part batch) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("InferenceLatency.microsPerRow needs a batch of at least one row");
        }
        long[] nanos = new long[passes];
        long answers = 0;
        for (int pass = 0; pass < passes; pass++) {
            long start = nanoTime.getAsLong();
            for (double[] row : batch.features()) {
                answers += predict.applyAsInt(row);
            }
            nanos[pass] = nanoTime.getAsLong() - start;
        }
        sink = answers;
        Arrays.sort(nanos);
        return nanos[passes / 2] / 1_000.0 / batch.size();
    }
}
