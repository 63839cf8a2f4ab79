package dev.tuner.benchmarks.overhead;

import org.junit.jupiter.api.RepeatedTest;

/**
 * The Jupiter side of the overhead benchmark: {@code @RepeatedTest(20000)} with a body that does
 * nothing, run by {@link OverheadBenchmark} in the same ConsoleLauncher process as
 * {@link TrivialTuning}.
 */
public class TrivialRepeated {

    @RepeatedTest(TrivialTuning.TRIALS)
    void trivial() {
        // nothing: the time is the engine's
    }
}
