package dev.tuner.benchmarks.speed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Suggestion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import joptsimple.OptionSpec;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Suggestion latency of any sampler {@link Samplers#create(String, long, Map)} knows (so a sampler
 * merged later, gp or cmaes, is measured without a change here): the time to propose one whole
 * levy10 trial given N completed random trials, as {@link ProposalBenchmark} measures TPE, in two
 * ways (bench README §2):
 *
 * <ul>
 *   <li>{@code n<N>_ms}: one sampler, the history fixed at N; the median of up to
 *       {@code --reps} proposals after warm-up proposals (at least {@value #WARMUP} and
 *       {@value #WARMUP_MS} ms of them, at most 10 × {@code --reps}).</li>
 *   <li>{@code grown_n<N>_ms}: the same sampler, one completed trial added to the history before
 *       each proposal, as a real loop does, so a sampler cannot reuse what it fitted last.</li>
 * </ul>
 *
 * <p><b>What is skipped.</b> Sizes run in increasing order. A size is {@code skipped} when the
 * previous size's median, scaled linearly in N, exceeds {@code --max-ms}, or when its first
 * proposal does; every larger size is skipped too. A size that runs takes as many proposals as fit
 * in 20 × {@code --max-ms} (between 3 and {@code --reps}). Plain timing with {@link System#nanoTime()}
 * rather than JMH, because a proposal of a Gaussian process at N = 1,000 takes seconds and JMH's
 * fixed iteration times would take minutes per size.
 *
 * <pre>
 * benchmarks/run speed --sampler tpe [--sizes 100,1000,10000] [--max-ms 1000] [--reps 20] [--option key=value]
 * </pre>
 */
public final class SamplerSpeed {

    static final int WARMUP = 3;
    static final double WARMUP_MS = 500;

    private SamplerSpeed() {}

    /** Command-line options of a {@code --sampler} run. */
    record Options(String sampler, Map<String, String> samplerOptions, List<Integer> sizes, double maxMs, int reps,
            Path out, String commit) {

        static final CommandLine COMMAND = new CommandLine("benchmarks/run speed --sampler NAME [options]: any"
                + " sampler's time to propose one levy10 trial, the history fixed at N and grown by one trial before"
                + " each proposal");
        private static final OptionSpec<String> SAMPLER = COMMAND.text("sampler", "NAME",
                "the sampler measured, any name Samplers.create knows: " + String.join(", ", Samplers.names()));
        private static final OptionSpec<String> SAMPLER_OPTIONS = COMMAND.repeatable("option", "key=value",
                "an option of the sampler, e.g. multivariate=false; may be repeated");
        private static final OptionSpec<List<Integer>> SIZES = COMMAND.numbers("sizes",
                "the history sizes N, measured in increasing order", 1, List.of(100, 1000, 10000));
        private static final OptionSpec<Double> MAX_MS = COMMAND.decimal("max-ms", "a size is skipped when its first"
                + " proposal, or the previous size's median scaled linearly in N, takes longer, and so are larger ones",
                1000);
        private static final OptionSpec<Integer> REPS = COMMAND.number("reps", "proposals measured per size, at most",
                20);
        private static final OptionSpec<Path> OUT = COMMAND.out("speed.json");
        private static final OptionSpec<String> COMMIT = COMMAND.commit();
        // accepted for benchmarks/run, which passes the JMH run's; Optuna has no figure per sampler to print beside
        private static final OptionSpec<Path> REFERENCE = COMMAND.file("reference",
                "not read with --sampler (benchmarks/run passes the JMH run's)");

        static Options parse(String... args) {
            CommandLine.Values given = COMMAND.parse(args);
            String sampler = given.find(SAMPLER).map(String::strip).orElseThrow(() -> new IllegalArgumentException(
                    "--sampler is missing; give one of " + Samplers.names()));
            Map<String, String> samplerOptions = new LinkedHashMap<>();
            for (String option : given.all(SAMPLER_OPTIONS)) {
                String value = option.strip();
                int eq = value.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--option " + value + " must read key=value, e.g. "
                            + "multivariate=false");
                }
                samplerOptions.put(value.substring(0, eq), value.substring(eq + 1));
            }
            List<Integer> sizes = given.get(SIZES).stream().sorted().toList();
            double maxMs = given.get(MAX_MS);
            int reps = given.get(REPS);
            if (reps < 1 || maxMs <= 0) {
                throw new IllegalArgumentException("--reps and --max-ms must be positive");
            }
            return new Options(sampler, samplerOptions, sizes, maxMs, reps, given.get(OUT), given.get(COMMIT));
        }
    }

    public static void main(String[] args) throws IOException {
        if (Options.COMMAND.shouldHelp(args)) {
            Options.COMMAND.showHelp(System.out);
            return;
        }
        run(Options.parse(args), System.out);
    }

    /** Measures, prints the table and the RESULT line, writes the JSON; returns the RESULT line. */
    static String run(Options options, PrintStream out) throws IOException {
        // fails now, with the names it knows, rather than after building a history
        Samplers.create(options.sampler(), 1, options.samplerOptions());
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> headline = new LinkedHashMap<>();
        double previousMs = Double.NaN;
        int previousN = 0;
        boolean skipping = false;
        for (int n : options.sizes()) {
            if (!skipping && predictedTooSlow(previousMs, previousN, n, options.maxMs())) {
                skipping = true;
            }
            if (skipping) {
                headline.put("n" + n + "_ms", "skipped");
                headline.put("grown_n" + n + "_ms", "skipped");
                continue;
            }
            System.err.printf("speed: %s with %d completed trials%n", options.sampler(), n);
            Optional<double[]> fixed = measure(options, n, false);
            if (fixed.isEmpty()) {
                skipping = true;
                headline.put("n" + n + "_ms", "skipped");
                headline.put("grown_n" + n + "_ms", "skipped");
                continue;
            }
            Optional<double[]> grown = measure(options, n, true);
            rows.add(row(options, n, "fixed", fixed.get()));
            headline.put("n" + n + "_ms", format(median(fixed.get())));
            if (grown.isPresent()) {
                rows.add(row(options, n, "grown", grown.get()));
                headline.put("grown_n" + n + "_ms", format(median(grown.get())));
            } else {
                headline.put("grown_n" + n + "_ms", "skipped");
            }
            previousMs = median(fixed.get());
            previousN = n;
        }

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("space", "levy10 (10 x float uniform [-10,10])");
        meta.put("note", "plain nanoTime timing; fixed = history stays at N, grown = one trial added before each "
                + "proposal; skipped sizes are absent (see SamplerSpeed)");
        meta.put("sampler", options.sampler());
        meta.put("sampler_options", options.samplerOptions());
        meta.put("max_ms", options.maxMs());
        meta.put("git_commit", options.commit());
        meta.put("versions", Map.of("java", System.getProperty("java.version"), "cpu_count",
                Runtime.getRuntime().availableProcessors()));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta);
        document.put("results", rows);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), document);

        out.printf(Locale.ROOT, "%nMedian time to propose one levy10 trial (ms), sampler %s %s%n", options.sampler(),
                options.samplerOptions().isEmpty() ? "" : options.samplerOptions());
        out.printf(Locale.ROOT, "%8s %8s %10s %10s %10s %6s%n", "N", "history", "median", "min", "max", "reps");
        for (Map<String, Object> row : rows) {
            out.printf(Locale.ROOT, "%8d %8s %10.3f %10.3f %10.3f %6d%n", row.get("n_history"), row.get("mode"),
                    (Double) row.get("median_s") * 1e3, (Double) row.get("min_s") * 1e3,
                    (Double) row.get("max_s") * 1e3, row.get("reps"));
        }
        out.println("results written to " + options.out());
        StringBuilder line = new StringBuilder("RESULT speed sampler=" + options.sampler());
        for (int n : options.sizes()) {
            line.append(" n").append(n).append("_ms=").append(headline.get("n" + n + "_ms"));
        }
        for (int n : options.sizes()) {
            line.append(" grown_n").append(n).append("_ms=").append(headline.get("grown_n" + n + "_ms"));
        }
        out.println(line);
        return line.toString();
    }

    /**
     * Whether a size is skipped without trying: the previous size's median, scaled linearly in N
     * (no sampler gets cheaper with more history), exceeds the limit. No previous size (NaN) never is.
     */
    static boolean predictedTooSlow(double previousMs, int previousN, int n, double maxMs) {
        return !Double.isNaN(previousMs) && previousMs * n / previousN > maxMs;
    }

    /**
     * The milliseconds of each measured proposal at history size {@code n}, or empty when the first
     * proposal already exceeds {@code --max-ms}.
     */
    static Optional<double[]> measure(Options options, int n, boolean grown) {
        InMemoryStorage storage = new InMemoryStorage();
        Study random = Study.builder("levy10").sampler(new RandomSampler(7)).storage(storage).build();
        ProposalBenchmark.addRandomTrials(random, n);
        Sampler sampler = Samplers.create(options.sampler(), 1, options.samplerOptions());
        Study study = Study.builder("levy10").sampler(sampler).storage(storage).build();
        int history = n;
        double first = time(sampler, study, history);
        if (first > options.maxMs()) {
            return Optional.empty();
        }
        int reps = (int) Math.max(3, Math.min(options.reps(), Math.floor(20 * options.maxMs() / Math.max(first, 1e-3))));
        // warms the JIT: at least WARMUP proposals and WARMUP_MS of them, at most 10 × reps
        double warm = first;
        for (int w = 1; (w < WARMUP || warm < WARMUP_MS) && w < 10 * options.reps(); w++) {
            if (grown) {
                ProposalBenchmark.addRandomTrials(random, 1);
                history++;
            }
            warm += time(sampler, study, history);
        }
        double[] times = new double[reps];
        for (int r = 0; r < reps; r++) {
            if (grown) {
                ProposalBenchmark.addRandomTrials(random, 1);
                history++;
            }
            times[r] = time(sampler, study, history);
        }
        return Optional.of(times);
    }


    /** Milliseconds to propose one whole trial: the joint step, then every knob it left out. */
    private static double time(Sampler sampler, Study study, int number) {
        long started = System.nanoTime();
        Map<String, Suggestion> joint = sampler.sampleRelative(study, number);
        double sum = 0;
        for (String knob : ProposalBenchmark.KNOBS) {
            Suggestion s = joint.get(knob);
            sum += s != null ? s.internal() : sampler.sample(study, number, knob, ProposalBenchmark.RANGE);
        }
        double ms = (System.nanoTime() - started) / 1e6;
        if (Double.isNaN(sum)) {
            throw new IllegalStateException(sampler + " proposed NaN");
        }
        return ms;
    }

    private static Map<String, Object> row(Options options, int n, String mode, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("optimizer", "tuner_" + options.sampler());
        row.put("n_history", n);
        row.put("mode", mode);
        row.put("reps", times.length);
        row.put("median_s", median(times) / 1e3);
        row.put("min_s", sorted[0] / 1e3);
        row.put("max_s", sorted[sorted.length - 1] / 1e3);
        return row;
    }

    static double median(double[] values) {
        return new Median().evaluate(values);
    }

    private static String format(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }
}
