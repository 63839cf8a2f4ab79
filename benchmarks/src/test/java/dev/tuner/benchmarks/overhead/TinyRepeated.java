package dev.tuner.benchmarks.overhead;

import org.junit.jupiter.api.RepeatedTest;

/** The Jupiter side of {@link OverheadBenchmarkTest}'s tiny run; not a test of this module (no Test suffix). */
public class TinyRepeated {

    static final int REPETITIONS = 6;

    @RepeatedTest(REPETITIONS)
    void trivial() {
        // nothing
    }
}
