package dev.tuner.benchmarks.scale;

import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.Storages;
import dev.tuner.core.study.OptimizeResult;
import dev.tuner.core.study.OptimizeSettings;
import dev.tuner.core.study.Study;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * One worker process of the scale benchmark, started by {@link ScaleBenchmark}:
 * {@code <storage spec> <study> <budget> <sampler> <seed> <go file> <marks> [<late knobs>]}. It opens the storage
 * and the study with the named sampler ({@code Samplers.create}), prints {@code READY}, waits for
 * the go file, and runs {@link Study#optimize} with the study's budget (shared with the other
 * workers) on an {@link InstantObjective}. After the first trial it finishes whose number reaches
 * each of the {@code marks} (comma-separated trial counts), it collects its garbage and prints
 * {@code HEAP <mark> <bytes>}, the heap in use; at the end {@code DONE <trials it ran>}. A PostgreSQL
 * storage takes its credentials from the environment ({@code TUNER_JDBC_USER}, {@code TUNER_JDBC_PASSWORD}).
 */
public final class ScaleWorkerMain {

    private ScaleWorkerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 8) {
            throw new IllegalArgumentException("ScaleWorkerMain takes <storage spec> <study> <budget> <sampler> <seed>"
                    + " <go file> <marks> [<late knobs>], not " + args.length + " arguments");
        }
        int lateKnobs = args.length == 8 ? Integer.parseInt(args[7]) : 0;
        int budget = Integer.parseInt(args[2]);
        Path go = Path.of(args[5]);
        Deque<Integer> marks = new ArrayDeque<>();
        Arrays.stream(args[6].split(",")).map(Integer::parseInt).sorted().forEach(marks::add);
        try (Storage storage = Storages.open(args[0])) {
            Study study = Study.builder(args[1]).sampler(Samplers.create(args[3], Long.parseLong(args[4])))
                    .storage(storage).build();
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(1);
            }
            OptimizeResult result = study.optimize(new InstantObjective(lateKnobs), OptimizeSettings.builder().budget(budget)
                    .callback((ignored, outcome) -> {
                        while (!marks.isEmpty() && outcome.trial().number() + 1 >= marks.peek()) {
                            System.out.println("HEAP " + marks.poll() + " " + heapAfterGc());
                            System.out.flush();
                        }
                    }).build());
            System.out.println("DONE " + result.trialsRun());
            System.out.flush();
        }
    }

    /** The heap in use once garbage is collected (twice, so that what the first freed for finalizing goes too). */
    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
