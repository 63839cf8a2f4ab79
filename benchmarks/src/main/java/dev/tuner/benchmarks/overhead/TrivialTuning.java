package dev.tuner.benchmarks.overhead;

import dev.tuner.Tune;
import dev.tuner.Uniform;

/**
 * The Tuner side of the overhead benchmark: a study of 20,000 trials of an objective that costs
 * nothing, with the random sampler, so that its time is the engine's, the storage's and the
 * launcher's. Run by {@link OverheadBenchmark} through the ConsoleLauncher, never by Surefire (it is
 * in the main sources).
 */
public class TrivialTuning {

    /** Trials of the study, as many as {@link TrivialRepeated} has repetitions. */
    public static final int TRIALS = 20_000;

    @Tune(trials = TRIALS, sampler = "random", seed = 1)
    double trivial(@Uniform(min = -10, max = 10) double x) {
        return x * x;
    }
}
