package dev.tuner.benchmarks.parallel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one study with several worker processes ({@link ParallelWorkerMain}) sharing its storage and
 * its budget, and times them: from the moment every worker has opened the storage and a go file
 * releases them together, to the moment the last one says it is done. Starting the JVMs and
 * connecting is left out of the time, as a long search pays it once.
 */
final class WorkerProcesses {

    /** A worker that has not finished after this long is killed and the run fails. */
    private static final long LIMIT_MINUTES = 10;

    private final String classPath;
    private final Map<String, String> environment;
    private final Path folder;

    /**
     * @param classPath the class path of the worker JVMs
     * @param environment variables added to the workers' environment (a database's credentials)
     * @param folder where the go files are made
     */
    WorkerProcesses(String classPath, Map<String, String> environment, Path folder) {
        this.classPath = classPath;
        this.environment = environment;
        this.folder = folder;
    }

    /** Runs {@code budget} trials of a new study {@code study} on {@code spec} with {@code workers} processes. */
    Throughput run(String spec, String study, int workers, int budget, long sleepMillis) throws IOException, InterruptedException {
        Path go = folder.resolve(study + ".go");
        List<Process> processes = new ArrayList<>();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "worker watchdog");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < workers; i++) {
                processes.add(start(spec, study, budget, sleepMillis, i, go));
            }
            watchdog.schedule(() -> processes.forEach(Process::destroyForcibly), LIMIT_MINUTES, TimeUnit.MINUTES);
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process process : processes) {
                BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                expect(output, "READY", process, spec);
                outputs.add(output);
            }
            long start = System.nanoTime();
            Files.createFile(go);
            int trials = 0;
            for (int i = 0; i < workers; i++) {
                String done = expect(outputs.get(i), "DONE ", processes.get(i), spec);
                trials += Integer.parseInt(done.substring("DONE ".length()).strip());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Process process : processes) {
                if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("a benchmark worker on " + spec + " did not exit cleanly after its"
                            + " trials (exit value " + (process.isAlive() ? "none, still running" : process.exitValue())
                            + "); its errors are printed above");
                }
            }
            return new Throughput(workers, trials, seconds);
        } finally {
            watchdog.shutdownNow();
            processes.forEach(Process::destroyForcibly);
            Files.deleteIfExists(go);
        }
    }

    private Process start(String spec, String study, int budget, long sleepMillis, int seed, Path go) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ParallelWorkerMain.class.getName(),
                spec, study, String.valueOf(budget), String.valueOf(sleepMillis), String.valueOf(seed), go.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String expect(BufferedReader output, String prefix, Process process, String spec) throws IOException {
        String line = output.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("a benchmark worker on " + spec + " printed " + (line == null ? "nothing" : "'" + line + "'")
                    + " where '" + prefix.strip() + "' was expected (alive: " + process.isAlive()
                    + "); its errors are printed above, or it ran past " + LIMIT_MINUTES + " minutes and was killed");
        }
        return line;
    }
}
