package dev.tuner.benchmarks.speed;

import dev.tuner.core.sampler.GpSampler;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Suggestion;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The GP sampler's time to propose one levy10 trial after N random completed trials, the
 * protocol of {@code ../shared/bench/README.md} §2, in two ways: <b>fresh</b>, a new sampler for
 * each proposal, so that nothing of an earlier fit is reused (the targets), and
 * <b>grown</b>, one sampler whose history gains one random trial before each proposal, as in a
 * real loop (its fit is warm-started). A plain loop rather than JMH: each proposal takes
 * milliseconds, and the median of 20 after 5 warm-up proposals is stable to a few percent.
 *
 * <pre>java [-Dcpu=true] -cp benchmarks/target/classes:$(cat cp) dev.tuner.benchmarks.speed.GpLatency 100 1000</pre>
 */
public final class GpLatency {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** With {@code -Dcpu=true}, the proposing thread's CPU time rather than wall time: steadier on a shared machine. */
    private static final boolean CPU_TIME = Boolean.getBoolean("cpu");

    private GpLatency() {}

    /** Measures at each history size given as an argument (default 100 and 1,000) and prints one line per size. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100, 1000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            InMemoryStorage storage = new InMemoryStorage();
            Study random = Study.builder("levy10").sampler(new RandomSampler(7)).storage(storage).build();
            ProposalBenchmark.addRandomTrials(random, n);
            double[] fresh = new double[WARM_UP + MEASURED];
            for (int r = 0; r < fresh.length; r++) {
                Study study = Study.builder("levy10").sampler(GpSampler.builder().seed(r).build()).storage(storage).build();
                fresh[r] = timeOneProposal(study, n);
            }
            Study grown = Study.builder("levy10").sampler(GpSampler.builder().seed(1).build()).storage(storage).build();
            double[] grownTimes = new double[WARM_UP + MEASURED];
            for (int r = 0; r < grownTimes.length; r++) {
                ProposalBenchmark.addRandomTrials(random, 1);
                grownTimes[r] = timeOneProposal(grown, n + r + 1);
            }
            System.out.printf(Locale.ROOT, "N=%d  fresh: median %.1f ms (min %.1f, max %.1f)   grown: median %.1f ms (min %.1f, max %.1f)%n",
                    n, median(fresh), min(fresh), max(fresh), median(grownTimes), min(grownTimes), max(grownTimes));
        }
    }


    /** Milliseconds to propose every knob of trial {@code number}: the relative step, then any knob it left. */
    private static double timeOneProposal(Study study, int number) {
        Sampler sampler = study.sampler();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Map<String, Suggestion> joint = sampler.sampleRelative(study, number);
        for (String knob : ProposalBenchmark.KNOBS) {
            if (!joint.containsKey(knob)) {
                sampler.sample(study, number, knob, ProposalBenchmark.RANGE);
            }
        }
        long wall = System.nanoTime() - start;
        return (CPU_TIME ? THREADS.getCurrentThreadCpuTime() - cpu : wall) / 1e6;
    }

    private static double median(double[] times) {
        double[] measured = Arrays.copyOfRange(times, WARM_UP, times.length);
        Arrays.sort(measured);
        return 0.5 * (measured[(measured.length - 1) / 2] + measured[measured.length / 2]);
    }

    private static double min(double[] times) {
        return Arrays.stream(times, WARM_UP, times.length).min().orElse(Double.NaN);
    }

    private static double max(double[] times) {
        return Arrays.stream(times, WARM_UP, times.length).max().orElse(Double.NaN);
    }
}
