package dev.tuner.benchmarks.scale;

import dev.tuner.benchmarks.parallel.BenchmarkDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One study of the scale benchmark: {@code workers} processes ({@link ScaleWorkerMain}) run
 * {@code trials} trials of it in a fresh schema, released together once all are ready, while the
 * study is watched ({@link ServerCounters}) and, for each window, read at its start and its end.
 * Window {@code N} spans the trials from {@link #windowStart(int)} to {@code N}.
 */
final class ScaleRun {

    /** A run that has not finished after this long is killed and fails. */
    private static final long LIMIT_MINUTES = 120;
    private static final long POLL_MILLIS = 100;

    private final String classPath;
    private final Path folder;
    private final int lateKnobs;

    ScaleRun(String classPath, Path folder) {
        this(classPath, folder, 0);
    }

    /** Runs whose objective draws {@code lateKnobs} knobs as it evaluates, besides the four drawn up front. */
    ScaleRun(String classPath, Path folder, int lateKnobs) {
        this.classPath = classPath;
        this.folder = folder;
        this.lateKnobs = lateKnobs;
    }

    /** Where window {@code n} starts: a fifth of the way for 1,000 trials, else 10,000 trials before its end at most. */
    static int windowStart(int n) {
        return Math.max(n / 5, n - 10_000);
    }

    /** Runs the study and returns each window's figures, by window, in order. */
    Map<Integer, Map<String, Object>> run(BenchmarkDatabase database, String sampler, int workers, int trials,
            List<Integer> windows) throws IOException, InterruptedException, SQLException {
        String study = "scale-" + sampler;
        Path go = folder.resolve(study + "-" + System.nanoTime() + ".go");
        List<Process> processes = new ArrayList<>();
        Map<Integer, Long> heap = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch done = new CountDownLatch(workers);
        String marks = String.join(",", windows.stream().map(String::valueOf).toList());
        try (ServerCounters counters = new ServerCounters(database.connect(), database.schema(), study)) {
            for (int i = 0; i < workers; i++) {
                Process process = start(database, study, trials, sampler, i, go, marks);
                processes.add(process);
                Thread reader = new Thread(() -> follow(process, heap, ready, done), "scale worker " + i);
                reader.setDaemon(true);
                reader.start();
            }
            if (!ready.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the scale benchmark's workers did not all say READY within 5 minutes;"
                        + " their errors are printed above");
            }
            Files.createFile(go);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LIMIT_MINUTES);
            Map<Integer, Map<String, Object>> results = new LinkedHashMap<>();
            for (int window : windows) {
                ServerCounters.Reading start = await(counters, windowStart(window), done, deadline);
                long pollsAtStart = counters.polls();
                ServerCounters.Reading end = await(counters, window, done, deadline);
                long ownTransactions = counters.polls() - pollsAtStart;
                results.put(window, figures(start, end, ownTransactions));
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the scale benchmark's workers did not finish within 10 minutes of"
                        + " their last window; their errors are printed above");
            }
            for (Process process : processes) {
                if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("a scale benchmark worker did not exit cleanly (exit value "
                            + (process.isAlive() ? "none, still running" : process.exitValue()) + "); its errors are printed above");
                }
            }
            for (int window : windows) {
                results.get(window).put("heap_mb", heap.containsKey(window) ? heap.get(window) / 1e6 : null);
            }
            return results;
        } finally {
            processes.forEach(Process::destroyForcibly);
            Files.deleteIfExists(go);
        }
    }

    private static Map<String, Object> figures(ServerCounters.Reading start, ServerCounters.Reading end, long ownTransactions) {
        double trials = end.trials() - start.trials();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("from_trial", start.trials());
        figures.put("to_trial", end.trials());
        figures.put("starts_per_s", trials / ((end.nanos() - start.nanos()) / 1e9));
        figures.put("xact_per_trial", (end.transactions() - start.transactions() - ownTransactions) / trials);
        figures.put("tuples_per_trial", (end.tuples() - start.tuples()) / trials);
        return figures;
    }

    /** Polls until the study has started {@code trials} trials, then reads the counters. */
    private static ServerCounters.Reading await(ServerCounters counters, int trials, CountDownLatch done, long deadline)
            throws SQLException, InterruptedException {
        while (counters.trials() < trials) {
            if (done.getCount() == 0 && counters.trials() < trials) {
                throw new IllegalStateException("the workers stopped at " + counters.trials() + " trials, before "
                        + trials + "; their errors are printed above");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the study did not reach " + trials + " trials within " + LIMIT_MINUTES
                        + " minutes; run fewer (--trials)");
            }
            Thread.sleep(POLL_MILLIS);
        }
        return counters.read();
    }

    private static void follow(Process process, Map<Integer, Long> heap, CountDownLatch ready, CountDownLatch done) {
        boolean saidReady = false;
        boolean saidDone = false;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.equals("READY")) {
                    saidReady = true;
                    ready.countDown();
                } else if (line.startsWith("HEAP ")) {
                    String[] parts = line.split(" ");
                    heap.merge(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Math::max);
                } else if (line.startsWith("DONE ")) {
                    saidDone = true;
                    done.countDown();
                }
            }
        } catch (IOException gone) {
            // the process ended; run() reports how
        } finally {
            // a worker that ended early lets run() go on and find out how it ended
            if (!saidReady) {
                ready.countDown();
            }
            if (!saidDone) {
                done.countDown();
            }
        }
    }

    private Process start(BenchmarkDatabase database, String study, int budget, String sampler, int seed, Path go,
            String marks) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ScaleWorkerMain.class.getName(), database.spec(), study, String.valueOf(budget),
                sampler, String.valueOf(seed), go.toString(), marks, String.valueOf(lateKnobs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(database.workerEnvironment());
        return builder.start();
    }
}
