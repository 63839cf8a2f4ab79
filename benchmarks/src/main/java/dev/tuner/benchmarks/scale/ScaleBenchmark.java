package dev.tuner.benchmarks.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.benchmarks.parallel.BenchmarkDatabase;
import dev.tuner.testing.postgres.PostgresLogin;
import dev.tuner.testing.postgres.PostgresServer;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import joptsimple.OptionSpec;

/**
 * The scale targets of issue 21: {@code --workers} processes (2) share one study in PostgreSQL with
 * an instant objective ({@link InstantObjective}: four knobs drawn up front), once with each sampler
 * (random and the default, {@code auto}), and for each window of the study's size (1,000, 10,000,
 * 50,000 and 100,000 trials) the benchmark reports the trials started per second, the server's
 * transactions and tuples read per trial ({@code pg_stat_database}), and the workers' heap after a
 * garbage collection (the larger of the workers'). With {@code --baseline-core JAR} each sampler is
 * also run with that build of tuner-core first (say, the main branch's), in the same run on the same
 * server, so that before and after are measured alike.
 *
 * <p>The server is the one {@code --jdbc} names (its database must be the benchmark's alone, as its
 * statistics are the whole database's), else a throwaway one the benchmark starts ({@link PostgresServer}).
 *
 * <pre>
 * benchmarks/run scale [--workers 2] [--trials 100000] [--windows 1000,10000,50000,100000]
 *                      [--samplers random,auto] [--late-knobs 0] [--baseline REF] [--jdbc URL] [--out FILE]
 * </pre>
 *
 * <p>Ends with {@code RESULT scale tuples_per_trial_1k=… tuples_per_trial_100k=… xact_per_trial=…
 * starts_per_s_100k=… heap_mb_100k=…}, of the default sampler with this build, the last window
 * being the largest one the run reaches.
 */
public final class ScaleBenchmark {

    static final CommandLine COMMAND = new CommandLine("benchmarks/run scale [options]: worker processes sharing a"
            + " study in PostgreSQL, what a trial costs the server and the workers as the study grows to 100,000 trials");
    static final OptionSpec<Integer> WORKERS = COMMAND.number("workers", "worker processes sharing the study", 2);
    static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "trials of each study; windows beyond it are left out",
            100_000);
    static final OptionSpec<List<Integer>> WINDOWS = COMMAND.numbers("windows", "the study sizes measured at", 10,
            List.of(1_000, 10_000, 50_000, 100_000));
    static final OptionSpec<List<String>> SAMPLERS = COMMAND.list("samplers", "the samplers, by Samplers.create's names",
            List.of("random", "auto"));
    static final OptionSpec<Integer> LATE_KNOBS = COMMAND.number("late-knobs", "knobs the objective draws as it evaluates,"
            + " not up front (a conditional knob, a field read by its code), besides the four it draws up front", 0);
    static final OptionSpec<String> JDBC = COMMAND.text("jdbc", "URL", "the PostgreSQL database, jdbc:postgresql://host:port/db"
            + " (default TUNER_TEST_JDBC_URL, else a throwaway server the benchmark starts)");
    static final OptionSpec<Path> BASELINE_CORE = COMMAND.file("baseline-core", "a tuner-core jar to measure first, in"
            + " place of this build's (benchmarks/run scale --baseline REF builds one from a git commit)");
    static final OptionSpec<String> COMMIT = COMMAND.commit();
    static final OptionSpec<Path> OUT = COMMAND.out("scale.json");

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        Optional<String> url = given.find(JDBC).or(() -> Optional.ofNullable(System.getenv("TUNER_TEST_JDBC_URL")))
                .filter(named -> !named.isBlank());
        if (url.isPresent()) {
            run(given, BenchmarkDatabase.login(url.get()));
            return;
        }
        // a server of its own: the statistics read are the whole database's
        try (PostgresServer server = PostgresServer.start()) {
            System.out.println("PostgreSQL " + server.version() + " started for the benchmark in "
                    + server.startup().toMillis() + " ms (--jdbc URL names a server of yours, which must be the benchmark's alone)");
            run(given, server.login());
        }
    }

    private static void run(CommandLine.Values given, PostgresLogin login) throws Exception {
        int trials = given.get(TRIALS);
        List<Integer> windows = new ArrayList<>(given.get(WINDOWS).stream().filter(n -> n <= trials).sorted().toList());
        if (windows.isEmpty() || windows.get(windows.size() - 1) < trials) {
            windows.add(trials);
        }
        String classPath = System.getProperty("java.class.path");
        Map<String, String> builds = new LinkedHashMap<>();
        given.find(BASELINE_CORE).ifPresent(jar -> builds.put("baseline", withCore(classPath, jar)));
        builds.put("this", classPath);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("commit", given.get(COMMIT));
        results.put("baseline_core", given.find(BASELINE_CORE).map(Path::toString).orElse(null));
        results.put("workers", given.get(WORKERS));
        results.put("trials", trials);
        results.put("late_knobs", given.get(LATE_KNOBS));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("load_average_before", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path folder = Files.createTempDirectory("tuner-scale-benchmark");
        Map<String, Object> runs = new LinkedHashMap<>();
        try {
            for (String sampler : given.get(SAMPLERS)) {
                for (Map.Entry<String, String> build : builds.entrySet()) {
                    try (BenchmarkDatabase database = BenchmarkDatabase.create(login)) {
                        System.out.printf(Locale.ROOT, "%s, %s build: %d trials, %d workers%n", sampler, build.getKey(),
                                trials, given.get(WORKERS));
                        Map<Integer, Map<String, Object>> figures = new ScaleRun(build.getValue(), folder.toFile().toPath(), given.get(LATE_KNOBS))
                                .run(database, sampler, given.get(WORKERS), trials, windows);
                        figures.forEach((window, row) -> System.out.printf(Locale.ROOT,
                                "  %7d trials (from %d): %7.1f starts/s  %6.2f xact/trial  %9.1f tuples/trial  heap %s MB%n",
                                window, (int) row.get("from_trial"), (double) row.get("starts_per_s"),
                                (double) row.get("xact_per_trial"), (double) row.get("tuples_per_trial"),
                                row.get("heap_mb") == null ? "?" : String.format(Locale.ROOT, "%.1f", (double) row.get("heap_mb"))));
                        runs.put(sampler + "/" + build.getKey(), figures);
                    }
                }
            }
        } finally {
            for (File file : folder.toFile().listFiles()) {
                file.delete();
            }
            Files.deleteIfExists(folder);
        }
        results.put("runs", runs);
        results.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path out = given.get(OUT);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println("results written to " + out);
        String resultOf = given.get(SAMPLERS).contains("auto") ? "auto/this" : given.get(SAMPLERS).get(0) + "/this";
        System.out.println(resultLine(runs, resultOf, windows));
    }

    /**
     * {@code RESULT scale tuples_per_trial_1k=… tuples_per_trial_<last>k=… xact_per_trial=…
     * starts_per_s_<last>k=… heap_mb_<last>k=…} of one run, the last window being its largest.
     */
    @SuppressWarnings("unchecked")
    static String resultLine(Map<String, Object> runs, String run, List<Integer> windows) {
        Map<Integer, Map<String, Object>> figures = (Map<Integer, Map<String, Object>>) runs.get(run);
        Map<String, Object> first = figures.get(windows.get(0));
        int lastWindow = windows.get(windows.size() - 1);
        Map<String, Object> last = figures.get(lastWindow);
        return String.format(Locale.ROOT, "RESULT scale tuples_per_trial_%s=%.1f tuples_per_trial_%s=%.1f xact_per_trial=%.2f"
                + " starts_per_s_%s=%.1f heap_mb_%s=%s", label(windows.get(0)), (double) first.get("tuples_per_trial"),
                label(lastWindow), (double) last.get("tuples_per_trial"), (double) last.get("xact_per_trial"),
                label(lastWindow), (double) last.get("starts_per_s"), label(lastWindow),
                last.get("heap_mb") == null ? "unknown" : String.format(Locale.ROOT, "%.1f", (double) last.get("heap_mb")));
    }

    private static String label(int trials) {
        return trials % 1000 == 0 ? trials / 1000 + "k" : String.valueOf(trials);
    }

    /** The class path with {@code jar} in place of tuner-core's classes. */
    static String withCore(String classPath, Path jar) {
        List<String> entries = new ArrayList<>();
        boolean replaced = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.matches(".*tuner-core[^" + File.separator + "]*\\.jar") || entry.endsWith("tuner-core" + File.separator
                    + "target" + File.separator + "classes")) {
                entries.add(jar.toAbsolutePath().toString());
                replaced = true;
            } else {
                entries.add(entry);
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("no tuner-core on the benchmark's class path to put " + jar + " in place of;"
                    + " run it through benchmarks/run");
        }
        return String.join(File.pathSeparator, entries);
    }
}
