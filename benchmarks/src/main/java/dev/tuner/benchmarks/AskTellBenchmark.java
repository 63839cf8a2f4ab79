package dev.tuner.benchmarks;

import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core ask/tell loop in memory: one trial of the quad1 problem (one knob) with the random
 * sampler, per operation. Target (../shared/bench/README.md §3): at most 10 µs per trial; Optuna's
 * in-memory loop takes about 85 µs.
 *
 * <p>A fresh study every 10,000 trials keeps the history, which the random sampler does not
 * read, from growing without bound over a long run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AskTellBenchmark {

    private static final int TRIALS_PER_STUDY = 10_000;

    private Study study;
    private int trialsInStudy;

    @Setup(Level.Iteration)
    public void newStudy() {
        study = Study.builder("quad1").sampler(new RandomSampler(1)).storage(new InMemoryStorage()).build();
        trialsInStudy = 0;
    }

    @Benchmark
    public double askTellOneTrial() {
        if (++trialsInStudy > TRIALS_PER_STUDY) {
            newStudy();
        }
        Trial trial = study.ask();
        double x = trial.suggestFloat("x", -10, 10);
        double value = x * x - x + 1;
        study.tell(trial, value);
        return value;
    }
}
