package dev.tuner.benchmarks.parallel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.testing.postgres.PostgresLogin;
import dev.tuner.testing.postgres.PostgresServer;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.study.OptimizeResult;
import dev.tuner.core.study.OptimizeSettings;
import dev.tuner.core.study.Study;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;
import joptsimple.OptionSpec;

/**
 * The parallelism targets of issue 5, with an objective that sleeps 50 ms: {@link Study#optimize}
 * on 8 threads runs at least 7× the trials per second of 1 thread, and 4 worker processes sharing
 * one study through PostgreSQL at least 3.5× those of 1 worker. Also measured: the same threads on
 * a journal (its default: the operating system flushes it), and 4 worker processes sharing one
 * journal file.
 *
 * <p>Each runner (a thread or a process) gets the same number of trials, so every run takes about
 * as long as {@code trials × sleep}; the speedup is the ratio of trials per second. Worker
 * processes are timed from a go signal given once all of them have opened the storage (see
 * {@link WorkerProcesses}). The PostgreSQL part runs on the server of {@code --jdbc URL}, or of
 * {@code TUNER_TEST_JDBC_URL} (with {@code TUNER_TEST_JDBC_USER} and {@code TUNER_TEST_JDBC_PASSWORD}),
 * else on a throwaway server started from the binaries on the class path ({@link PostgresServer});
 * {@code --jdbc off} skips it, reported as {@code skipped}.
 *
 * <pre>
 * benchmarks/run parallel [--threads 8] [--workers 4] [--trials 100] [--sleep-ms 50] [--jdbc URL|off] [--out FILE]
 * </pre>
 */
public final class ParallelBenchmark {

    static final CommandLine COMMAND = new CommandLine("benchmarks/run parallel [options]: trials per second with an"
            + " objective that sleeps, many threads against one, and many worker processes against one sharing a study"
            + " through PostgreSQL and through one journal");
    static final OptionSpec<Integer> THREADS = COMMAND.number("threads", "threads of the many-threads runs", 8);
    static final OptionSpec<Integer> WORKERS = COMMAND.number("workers", "processes of the many-workers runs", 4);
    static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "trials per thread or worker", 100);
    static final OptionSpec<Integer> SLEEP_MS = COMMAND.number("sleep-ms", "how long the objective sleeps", 50);
    static final OptionSpec<String> JDBC = COMMAND.text("jdbc", "URL|off", "the PostgreSQL database of the workers'"
            + " study, jdbc:postgresql://host:port/db, or off to skip them (default: TUNER_TEST_JDBC_URL, else a throwaway server)");
    static final OptionSpec<Path> OUT = COMMAND.out("parallel.json");

    private ParallelBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        Optional<String> url = jdbc(given);
        Map<String, Object> results;
        if (url.isEmpty() && given.find(JDBC).filter("off"::equals).isEmpty()) {
            try (PostgresServer server = PostgresServer.start()) {
                System.err.println("PostgreSQL " + server.version() + " for the workers, started in "
                        + server.startup().toMillis() + " ms (--jdbc URL or TUNER_TEST_JDBC_URL names a server of yours)");
                results = run(given.get(THREADS), given.get(WORKERS), given.get(TRIALS), given.get(SLEEP_MS),
                        Optional.of(server.login()), given.get(OUT));
            }
        } else {
            results = run(given.get(THREADS), given.get(WORKERS), given.get(TRIALS), given.get(SLEEP_MS),
                    url.map(BenchmarkDatabase::login), given.get(OUT));
        }
        System.out.println(resultLine(results));
    }

    /** {@code --jdbc}, else {@code TUNER_TEST_JDBC_URL}; empty for {@code off} or neither. */
    static Optional<String> jdbc(CommandLine.Values given) {
        return given.find(JDBC).or(() -> Optional.ofNullable(System.getenv("TUNER_TEST_JDBC_URL")))
                .filter(url -> !url.isBlank() && !url.equals("off"));
    }

    /** Runs every part, writes the JSON to {@code out}, prints a table, and returns the results. */
    static Map<String, Object> run(int threads, int workers, int trials, long sleepMillis, Optional<PostgresLogin> jdbc, Path out)
            throws IOException, InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path folder = Files.createTempDirectory("tuner-parallel-benchmark");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("sleep_ms", sleepMillis);
        results.put("trials_per_runner", trials);
        results.put("threads_many", threads);
        results.put("workers_many", workers);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("load_average_before", loadBefore);
        try {
            // warm up the study loop's and the journal's code, so that no one-thread run is the one that loads it
            threads(InMemoryStorage::new, threads, threads * 4, 1);
            threads(() -> JournalStorage.open(folder.resolve("warmup.jsonl")), threads, threads * 4, 1);

            results.put("threads", compare(
                    threads(InMemoryStorage::new, 1, trials, sleepMillis),
                    threads(InMemoryStorage::new, threads, trials * threads, sleepMillis)));
            results.put("threads_journal", compare(
                    threads(() -> JournalStorage.open(folder.resolve("threads-1.jsonl")), 1, trials, sleepMillis),
                    threads(() -> JournalStorage.open(folder.resolve("threads-n.jsonl")), threads, trials * threads, sleepMillis)));

            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            WorkerProcesses onJournal = new WorkerProcesses(classPath, Map.of(), folder);
            results.put("journal_workers", compare(
                    onJournal.run("journal:" + folder.resolve("workers-1.jsonl"), "one", 1, trials, sleepMillis),
                    onJournal.run("journal:" + folder.resolve("workers-n.jsonl"), "many", workers, trials * workers, sleepMillis)));

            if (jdbc.isPresent()) {
                try (BenchmarkDatabase database = BenchmarkDatabase.create(jdbc.get())) {
                    WorkerProcesses onPostgres = new WorkerProcesses(classPath, database.workerEnvironment(), folder);
                    results.put("pg_workers", compare(
                            onPostgres.run(database.spec(), "one", 1, trials, sleepMillis),
                            onPostgres.run(database.spec(), "many", workers, trials * workers, sleepMillis)));
                }
            } else {
                results.put("pg_workers", Map.of("skipped", "--jdbc off; without it the workers share a study on the server"
                        + " of --jdbc jdbc:postgresql://host:port/db or TUNER_TEST_JDBC_URL (with TUNER_TEST_JDBC_USER and"
                        + " TUNER_TEST_JDBC_PASSWORD), else on a throwaway server the benchmark starts"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        results.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        printTable(results, threads, workers, sleepMillis);
        System.out.println("results written to " + out);
        return results;
    }

    /** Runs {@code budget} trials of a new study on {@code parallelism} threads of this JVM. */
    private static Throughput threads(Supplier<Storage> storage, int parallelism, int budget, long sleepMillis) {
        try (Storage opened = storage.get()) {
            Study study = Study.builder("threads").sampler(new RandomSampler(1)).storage(opened).build();
            long start = System.nanoTime();
            OptimizeResult result = study.optimize(new SleepingObjective(sleepMillis),
                    OptimizeSettings.builder().budget(budget).parallelism(parallelism).build());
            return new Throughput(parallelism, result.trialsRun(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static Map<String, Object> compare(Throughput one, Throughput many) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("one", one.toJson());
        json.put("many", many.toJson());
        json.put("speedup", many.speedupOver(one));
        return json;
    }

    /**
     * The last line: {@code RESULT parallel threads8_speedup=… pg4_speedup=… journal4_speedup=…},
     * {@code pg4_speedup=skipped} without a server; the numbers are those of the runs' sizes.
     */
    static String resultLine(Map<String, Object> results) {
        return String.format(Locale.ROOT, "RESULT parallel threads%d_speedup=%s pg%d_speedup=%s journal%d_speedup=%s",
                (int) results.get("threads_many"), speedup(results, "threads"),
                (int) results.get("workers_many"), speedup(results, "pg_workers"),
                (int) results.get("workers_many"), speedup(results, "journal_workers"));
    }

    private static String speedup(Map<String, Object> results, String part) {
        OptionalDouble speedup = speedupOf(results, part);
        return speedup.isPresent() ? String.format(Locale.ROOT, "%.2f", speedup.getAsDouble()) : "skipped";
    }

    @SuppressWarnings("unchecked")
    private static OptionalDouble speedupOf(Map<String, Object> results, String part) {
        Object speedup = ((Map<String, Object>) results.get(part)).get("speedup");
        return speedup == null ? OptionalDouble.empty() : OptionalDouble.of((double) speedup);
    }

    @SuppressWarnings("unchecked")
    private static void printTable(Map<String, Object> results, int threads, int workers, long sleepMillis) {
        System.out.printf(Locale.ROOT, "objective sleeping %d ms; trials per second, one runner and many (load average %.2f before)%n",
                sleepMillis, (double) results.get("load_average_before"));
        row(results, "threads", threads + " threads, in memory", threads == 8 ? "target ≥ 7" : "");
        row(results, "threads_journal", threads + " threads, journal", "");
        row(results, "journal_workers", workers + " processes, one journal", "");
        Map<String, Object> pg = (Map<String, Object>) results.get("pg_workers");
        if (pg.containsKey("skipped")) {
            System.out.println("PostgreSQL workers skipped: " + pg.get("skipped"));
        } else {
            row(results, "pg_workers", workers + " processes, PostgreSQL", workers == 4 ? "target ≥ 3.5" : "");
        }
    }

    @SuppressWarnings("unchecked")
    private static void row(Map<String, Object> results, String part, String label, String target) {
        Map<String, Object> comparison = (Map<String, Object>) results.get(part);
        double one = (double) ((Map<String, Object>) comparison.get("one")).get("trials_per_s");
        double many = (double) ((Map<String, Object>) comparison.get("many")).get("trials_per_s");
        System.out.printf(Locale.ROOT, "%-30s %7.1f → %7.1f trials/s  %5.2f×  %s%n", label, one, many,
                (double) comparison.get("speedup"), target);
    }
}
