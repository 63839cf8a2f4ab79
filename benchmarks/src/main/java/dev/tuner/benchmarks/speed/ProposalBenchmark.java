package dev.tuner.benchmarks.speed;

import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.sampler.TpeSampler;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Suggestion latency (../shared/bench/README.md §2): the time TPE takes to propose one whole
 * trial, all ten knobs of the levy10 space, given a history of N completed trials with random
 * parameters and their levy10 values. Each operation is the relative (joint) step of a new trial
 * followed by a proposal for every knob it did not cover, as {@code Study.ask} and
 * {@code Trial.suggest} do; the history stays at N because the proposal is not recorded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ProposalBenchmark {

    static final int DIMS = 10;
    static final Distribution RANGE = Uniform.of(-10, 10);
    static final String[] KNOBS = new String[DIMS];

    static {
        for (int i = 0; i < DIMS; i++) {
            KNOBS[i] = "x" + i;
        }
    }

    @Param({"100", "1000", "3000", "10000"})
    public int history;

    @Param({"false", "true"})
    public boolean multivariate;

    private Study study;
    private Sampler sampler;

    @Setup(Level.Trial)
    public void buildHistory() {
        study = history(history, TpeSampler.builder().seed(1).multivariate(multivariate));
        sampler = study.sampler();
        // the first proposal reads the whole history once; later ones only what changed
        proposeOneTrial();
    }

    /** A study of {@code n} completed levy10 trials with random parameters, proposed next by the given sampler. */
    static Study history(int n, TpeSampler.Builder next) {
        InMemoryStorage storage = new InMemoryStorage();
        Study random = Study.builder("levy10").sampler(new RandomSampler(7)).storage(storage).build();
        addRandomTrials(random, n);
        return Study.builder("levy10").sampler(next.build()).storage(storage).build();
    }

    /** Adds {@code count} completed levy10 trials, drawn by {@code random}'s sampler, to its study. */
    static void addRandomTrials(Study random, int count) {
        double[] x = new double[DIMS];
        for (int t = 0; t < count; t++) {
            Trial trial = random.ask();
            for (int i = 0; i < DIMS; i++) {
                x[i] = (Double) trial.suggest(KNOBS[i], RANGE);
            }
            random.tell(trial, levy(x));
        }
    }

    /** levy10, as ../shared/bench/README.md §2 gives it. */
    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double f = Math.pow(Math.sin(Math.PI * w[0]), 2);
        for (int i = 0; i < d - 1; i++) {
            f += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
        }
        f += (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
        return f;
    }

    @Benchmark
    public double proposeOneTrial() {
        int number = history;
        Map<String, Suggestion> joint = sampler.sampleRelative(study, number);
        double sum = 0;
        for (String knob : KNOBS) {
            Suggestion s = joint.get(knob);
            sum += s != null ? s.internal() : sampler.sample(study, number, knob, RANGE);
        }
        return sum;
    }
}
