package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.Suggestion;
import dev.tuner.core.study.Trial;
import java.util.Arrays;
import java.util.Map;

/**
 * A minimal measurement of CMA-ES's proposal latency on the protocol of the suggestion-latency
 * benchmark (shared/bench/README.md §2): the levy10 space, a history of N completed trials with
 * random parameters, the time of one whole proposal (the relative step, then every knob it did not
 * cover), median of 20 after warm-up. Not a test; run by hand (see docs/samplers.md):
 *
 * <pre>{@code java -cp <test classpath> dev.tuner.core.sampler.CmaEsLatency 10000}</pre>
 *
 * <p>"static" proposes again and again for trial N on the same history, as {@code ProposalBenchmark}
 * does; "grown" asks, proposes and tells a trial each time, so the replay reads one more finished
 * trial per proposal (timed: the study's ask and the ten reads, storage writes included); "first" is the first proposal on the history, which replays it all (a resumed
 * study, or a new worker).
 */
final class CmaEsLatency {

    static final int DIMS = 10;
    static final Distribution RANGE = Uniform.of(-10, 10);

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        for (int round = 0; round < 3; round++) {
            InMemoryStorage storage = new InMemoryStorage();
            Study random = Study.builder("levy10").sampler(new RandomSampler(7)).storage(storage).build();
            for (int t = 0; t < n; t++) {
                Trial trial = random.ask();
                random.tell(trial, levy(read(trial)));
            }
            CmaEsSampler sampler = CmaEsSampler.builder().seed(1).warmStart(args.length < 2 || Boolean.parseBoolean(args[1])).build();
            Study study = Study.builder("levy10").sampler(sampler).storage(storage).build();

            long start = System.nanoTime();
            propose(sampler, study, n);
            double first = (System.nanoTime() - start) / 1e6;

            double[] still = new double[20];
            for (int warm = 0; warm < 200; warm++) {
                propose(sampler, study, n);
            }
            for (int k = 0; k < still.length; k++) {
                long t0 = System.nanoTime();
                propose(sampler, study, n);
                still[k] = (System.nanoTime() - t0) / 1e6;
            }

            double[] grown = new double[20];
            for (int k = 0; k < 200 + grown.length; k++) {
                long t0 = System.nanoTime();
                Trial trial = study.ask(); // runs sampleRelative
                double[] x = read(trial);  // takes the proposals, and records them in the storage
                double ms = (System.nanoTime() - t0) / 1e6;
                study.tell(trial, levy(x));
                if (k >= 200) {
                    grown[k - 200] = ms;
                }
            }
            System.out.printf("N=%d round %d: first %.3f ms, static median %.4f ms (max %.4f), grown median %.4f ms"
                    + " (max %.4f), generations told %d%n", n, round, first, median(still), max(still), median(grown),
                    max(grown), sampler.history(study).generationsTold());
        }
    }

    private static double propose(Sampler sampler, Study study, int number) {
        Map<String, Suggestion> joint = sampler.sampleRelative(study, number);
        double sum = 0;
        for (int i = 0; i < DIMS; i++) {
            Suggestion s = joint.get("x" + i);
            sum += s != null ? s.internal() : sampler.sample(study, number, "x" + i, RANGE);
        }
        return sum;
    }

    private static double[] read(Trial trial) {
        double[] x = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            x[i] = (Double) trial.suggest("x" + i, RANGE);
        }
        return x;
    }

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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
