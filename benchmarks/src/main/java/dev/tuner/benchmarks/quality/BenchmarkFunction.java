package dev.tuner.benchmarks.quality;

import dev.tuner.core.trial.Trial;
import java.util.Map;

/**
 * One problem of the public benchmark suite ({@code shared/bench/functions.md}), minimized. The
 * space is declared define-by-run: {@link #evaluate(Trial)} suggests exactly the knobs that are
 * active, then computes {@link #value(Map)}.
 */
interface BenchmarkFunction {

    /** The function's name in the suite, e.g. {@code branin}. */
    String name();

    /** The global minimum. */
    double optimum();

    /** Suggests the active knobs from {@code trial} and returns the function's value there. */
    double evaluate(Trial trial);

    /** The function's value at a point, given as knob name → value. */
    double value(Map<String, Object> point);
}
