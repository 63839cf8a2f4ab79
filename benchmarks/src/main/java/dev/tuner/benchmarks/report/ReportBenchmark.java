package dev.tuner.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.Direction;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.report.HtmlReport;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.space.Scale;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import joptsimple.OptionSpec;

/**
 * The cost of a study's HTML report at the end of a large study: {@code new HtmlReport(clock)
 * .write(directory, StudySnapshot.of(study))} for studies of 1,000, 20,000 and 100,000 trials in
 * memory. The engine writes the report once, at the end of a study, in a JVM where the report's code
 * has never run, so the figure that counts is the <em>cold</em> one: the first write in a fresh JVM
 * (one child JVM per measurement, the median of {@code --cold} of them). The <em>warm</em> figure is
 * the median of {@code --repeats} writes in the same child after {@code --warmup} more, once the JIT
 * compiled the code. The cold figure is also given as the CPU time of the writing thread, which a
 * busy machine disturbs less than the time on the clock (the JIT compiler's threads are not in it).
 *
 * <p>Each study has the knobs a user's model has: a log-scaled learning rate, an integer, a
 * categorical option, a float, and a knob that only one option reads (a conditional space). Half of
 * the trials report a learning curve of ten steps, and half of those are pruned after four; one in
 * fifty fails. The studies are sampled at random, seeded, so every run writes the same pages. With
 * {@code --objectives 2} the same knobs are tuned for two conflicting objectives with a constraint
 * ({@link #twoObjectives}), whose page draws the Pareto front and its hypervolume.
 *
 * <pre>
 * benchmarks/run report [--sizes 1000,20000,100000] [--objectives 1|2] [--cold 3] [--warmup 5] [--repeats 5] [--out FILE]
 * </pre>
 *
 * <p>{@code --child SIZE} is the child JVM: it builds the study (not timed), writes the report once
 * (cold), then {@code warmup + repeats} times more, and prints {@code cold_ms warm_ms page_bytes cold_cpu_ms}.
 */
public final class ReportBenchmark {

    static final CommandLine COMMAND = new CommandLine("benchmarks/run report [options]: the HTML report of a study in"
            + " memory, its first write in a fresh JVM (cold, as at the end of a study) and once compiled (warm)");
    static final OptionSpec<List<Integer>> SIZES = COMMAND.numbers("sizes", "the studies' trials", 1,
            List.of(1000, 20_000, 100_000));
    static final OptionSpec<Integer> COLD = COMMAND.number("cold", "fresh JVMs per size, the median of their cold writes", 3);
    static final OptionSpec<Integer> WARMUP = COMMAND.number("warmup", "writes before the warm ones, in the first JVM", 5);
    static final OptionSpec<Integer> REPEATS = COMMAND.number("repeats", "warm writes timed, their median", 5);
    static final OptionSpec<Integer> OBJECTIVES = COMMAND.number("objectives", "1: the study of one objective; 2: the same"
            + " knobs tuned for a value against a latency, with a constraint on size (the page of a Pareto front)", 1);
    static final OptionSpec<Path> OUT = COMMAND.out("report.json");
    static final OptionSpec<Integer> CHILD = COMMAND.number("child",
            "the child JVM this benchmark starts: builds a study of N trials and times writing its report");

    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        int cold = given.get(COLD);
        int warmup = given.get(WARMUP);
        int repeats = given.get(REPEATS);
        int objectives = given.get(OBJECTIVES);
        if (objectives != 1 && objectives != 2) {
            throw new IllegalArgumentException("--objectives " + objectives + ": give 1 (one objective) or 2 (value against"
                    + " latency, with a constraint)");
        }
        if (given.has(CHILD)) {
            child(given.get(CHILD), objectives, warmup, repeats);
            return;
        }
        if (cold < 1 || repeats < 1) {
            throw new IllegalArgumentException("--cold " + cold + " --repeats " + repeats + ": give at least 1 of each");
        }
        run(given.get(SIZES), objectives, cold, warmup, repeats, given.get(OUT));
    }

    private static void run(List<Integer> sizes, int objectives, int cold, int warmup, int repeats, Path out)
            throws IOException, InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode results = json.createObjectNode();
        ArrayNode studies = results.putArray("studies");
        StringBuilder line = new StringBuilder(objectives == 1 ? "RESULT report" : "RESULT report objectives=" + objectives);
        results.put("objectives", objectives);
        System.out.printf(Locale.ROOT, "HtmlReport.write(StudySnapshot.of(study)), memory storage, %s; cold: first write in"
                + " a fresh JVM, median of %d JVMs; warm: median of %d writes after %d more (load average %.2f)%n",
                objectives == 1 ? "one objective" : "two objectives and a constraint", cold, repeats, warmup, loadBefore);
        for (int size : sizes) {
            double[] colds = new double[cold];
            double[] coldCpus = new double[cold];
            double[] warms = new double[cold];
            long bytes = 0;
            for (int run = 0; run < cold; run++) {
                // the warm writes are measured in the first child only
                double[] measured = inChild(size, objectives, run == 0 ? warmup : 0, run == 0 ? repeats : 0);
                colds[run] = measured[0];
                warms[run] = measured[1];
                bytes = (long) measured[2];
                coldCpus[run] = measured[3];
            }
            double coldMs = median(colds);
            double coldCpuMs = median(coldCpus);
            double warmMs = warms[0];
            ObjectNode study = studies.addObject();
            study.put("trials", size);
            study.put("cold_ms", coldMs);
            study.put("cold_us_per_trial", coldMs * 1e3 / size);
            study.put("cold_cpu_ms", coldCpuMs);
            study.put("warm_ms", warmMs);
            study.put("page_bytes", bytes);
            study.putPOJO("cold_ms_each", colds);
            System.out.printf(Locale.ROOT, "%7d trials  cold %8.1f ms (%5.1f µs a trial; each %s; the writing thread's CPU %.1f ms)"
                    + "  warm %8.1f ms  page %,d bytes%n",
                    size, coldMs, coldMs * 1e3 / size, Arrays.toString(round(colds)), coldCpuMs, warmMs, bytes);
            line.append(String.format(Locale.ROOT, " cold_ms_%d=%.0f cold_cpu_ms_%d=%.0f warm_ms_%d=%.0f", size, coldMs, size,
                    coldCpuMs, size, warmMs));
        }
        results.put("load_average_before", loadBefore);
        results.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), results);
        System.out.println("results written to " + out);
        System.out.println(line);
    }

    /** {@code cold_ms warm_ms page_bytes cold_cpu_ms} of one child JVM. */
    private static double[] inChild(int size, int objectives, int warmup, int repeats) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReportBenchmark.class.getName(), "--child", String.valueOf(size),
                "--objectives", String.valueOf(objectives),
                "--warmup", String.valueOf(warmup), "--repeats", String.valueOf(repeats)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the report benchmark's child for " + size + " trials failed (exit value "
                    + child.exitValue() + "): " + output + "\ncommand: " + String.join(" ", command));
        }
        return Arrays.stream(output.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void child(int size, int objectives, int warmup, int repeats) throws IOException {
        Study study = objectives == 1 ? study(size) : twoObjectives(size);
        Path folder = Files.createTempDirectory("tuner-report-benchmark");
        try {
            HtmlReport report = new HtmlReport(Clock.systemUTC());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Path page = report.write(folder, StudySnapshot.of(study));
            double coldMs = (System.nanoTime() - start) / 1e6;
            double coldCpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            long bytes = Files.size(page);
            for (int i = 0; i < warmup; i++) {
                report.write(folder, StudySnapshot.of(study));
            }
            double[] warm = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                start = System.nanoTime();
                report.write(folder, StudySnapshot.of(study));
                warm[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.println(coldMs + " " + (repeats == 0 ? Double.NaN : median(warm)) + " " + bytes + " " + coldCpuMs);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /**
     * A study of {@code size} trials in memory, sampled at random with seed 1: five knobs (one read
     * only by one option of another), half the trials reporting a ten-step curve, a quarter pruned,
     * one in fifty failed.
     */
    static Study study(int size) {
        Study study = Study.builder("com.acme.ClassifierTuning.accuracy").sampler(new RandomSampler(1))
                .storage(new InMemoryStorage()).build();
        for (int i = 0; i < size; i++) {
            Trial trial = study.ask();
            Model model = Model.draw(trial);
            double value = Math.pow(Math.log10(model.lr()) + 3, 2) + 0.1 * Math.abs(model.layers() - 4)
                    + model.dropout() * model.alpha() + (model.activation().equals("tanh") ? 0.3 : 0);
            if (i % 50 == 49) {
                study.tellFailure(trial, new IllegalStateException("the model diverged at epoch 3"));
            } else if (i % 2 == 0) {
                boolean pruned = false;
                for (int step = 0; step < 10 && !pruned; step++) {
                    trial.report(step, value + 1.0 / (step + 1));
                    pruned = step == 3 && i % 4 == 0;
                }
                if (pruned) {
                    study.tellPruned(trial);
                } else {
                    study.tell(trial, value);
                }
            } else {
                study.tell(trial, value);
            }
        }
        return study;
    }

    /**
     * A study of {@code size} trials of the same knobs with two objectives, sampled at random with seed
     * 1: a value (minimized; best at a learning rate of 1e-3) against a latency (minimized; lower with
     * fewer layers and a larger learning rate, which needs fewer steps), so that they conflict, and a
     * constraint on the model's size that the largest models break; one in fifty failed.
     */
    static Study twoObjectives(int size) {
        Study study = Study.builder("com.acme.ClassifierTuning.accuracyLatency").sampler(new RandomSampler(1))
                .storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .objectiveNames("loss", "latencyMs").build();
        for (int i = 0; i < size; i++) {
            Trial trial = study.ask();
            Model model = Model.draw(trial);
            double loss = Math.pow(Math.log10(model.lr()) + 3, 2) + 0.3 * Math.abs(model.layers() - 6)
                    + model.dropout() * model.alpha() + (model.activation().equals("tanh") ? 0.3 : 0);
            double latency = 2 * model.layers() + 3 * (-1 - Math.log10(model.lr()))
                    + (model.activation().equals("elu") ? 1 : 0);
            if (i % 50 == 49) {
                study.tellFailure(trial, new IllegalStateException("the model diverged at epoch 3"));
                continue;
            }
            trial.constrain("sizeMb", model.layers() * (model.activation().equals("elu") ? 1.5 : 1) - 9);
            study.tell(trial, loss, latency);
        }
        return study;
    }

    /** The knobs both studies draw, in the same order: five, the last read only when the activation is elu. */
    private record Model(double lr, int layers, String activation, double dropout, double alpha) {

        static Model draw(Trial trial) {
            double lr = trial.suggestFloat("com.acme.Classifier.learningRate", 1e-5, 1e-1, Scale.LOG);
            int layers = trial.suggestInt("com.acme.Classifier.layers", 1, 8);
            String activation = trial.suggestCategorical("com.acme.Classifier.activation", List.of("relu", "tanh", "elu"));
            double dropout = trial.suggestFloat("com.acme.Classifier.dropout", 0, 0.5);
            double alpha = activation.equals("elu") ? trial.suggestFloat("com.acme.Classifier.eluAlpha", 0.1, 2) : 1;
            return new Model(lr, layers, activation, dropout, alpha);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(Math::rint).toArray();
    }
}
