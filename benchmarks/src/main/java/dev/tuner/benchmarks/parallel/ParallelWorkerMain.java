package dev.tuner.benchmarks.parallel;

import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.Storages;
import dev.tuner.core.study.OptimizeResult;
import dev.tuner.core.study.OptimizeSettings;
import dev.tuner.core.study.Study;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One worker process of the parallelism benchmark, started by {@link WorkerProcesses}:
 * {@code <storage spec> <study> <budget> <sleep ms> <seed> <go file>}. It opens the storage and the
 * study, warms its code up on {@value #WARMUP_TRIALS} trials of a study of its own (so that the
 * timed part measures a worker that has loaded and compiled its code, as it has after the first
 * minute of a long search), prints {@code READY}, waits for the go file, runs {@link Study#optimize} with the study's
 * budget (shared with the other workers) on a {@link SleepingObjective}, and prints
 * {@code DONE <trials it ran>}. A PostgreSQL storage takes its credentials from the environment
 * ({@code TUNER_JDBC_USER}, {@code TUNER_JDBC_PASSWORD}).
 */
public final class ParallelWorkerMain {

    static final int WARMUP_TRIALS = 50;

    private ParallelWorkerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("ParallelWorkerMain takes <storage spec> <study> <budget> <sleep ms>"
                    + " <seed> <go file>, not " + args.length + " arguments");
        }
        int budget = Integer.parseInt(args[2]);
        long sleepMillis = Long.parseLong(args[3]);
        Path go = Path.of(args[5]);
        try (Storage storage = Storages.open(args[0])) {
            Study warmup = Study.builder(args[1] + "-warmup-" + args[4]).sampler(new RandomSampler(0)).storage(storage).build();
            warmup.optimize(new SleepingObjective(0), OptimizeSettings.builder().budget(WARMUP_TRIALS).build());
            Study study = Study.builder(args[1]).sampler(new RandomSampler(Long.parseLong(args[4]))).storage(storage).build();
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(1);
            }
            OptimizeResult result = study.optimize(new SleepingObjective(sleepMillis),
                    OptimizeSettings.builder().budget(budget).build());
            System.out.println("DONE " + result.trialsRun());
            System.out.flush();
        }
    }
}
