package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * A worker process for the journal's multi-process tests, started in a child JVM.
 *
 * <ul>
 *   <li>{@code append <journal> <worker> <trials> <workers>}: once {@code <journal>.go} exists,
 *       creates, sets and completes trials as fast as it can, each valued {@code worker * 1000 + i},
 *       and prints {@code DONE}. After its first trial it waits until each of the {@code workers}
 *       (numbered from 1) has appended its first, so that the workers' appends interleave however
 *       the machine schedules them.</li>
 *   <li>{@code study <journal> <seed> <slowFrom>}: runs study {@code crash}, printing {@code ASKED n}
 *       once trial n read its knob and {@code COMPLETE n value}; trials from {@code slowFrom} on take a
 *       minute, to be killed in.</li>
 * </ul>
 */
public final class JournalWorkerMain {

    private JournalWorkerMain() {}

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[1]);
        try (JournalStorage storage = JournalStorage.open(journal)) {
            if (args[0].equals("append")) {
                append(storage, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), journal);
            } else {
                study(storage, Long.parseLong(args[2]), Integer.parseInt(args[3]));
            }
        }
    }

    private static void append(Storage storage, int worker, int trials, int workers, Path journal)
            throws InterruptedException, IOException {
        storage.createStudy("shared", Direction.MINIMIZE);
        awaitFile(Path.of(journal + ".go")); // all workers start appending together
        for (int i = 0; i < trials; i++) {
            // odd workers start a trial and set its value as one unit, even ones call by call
            int number = worker % 2 == 1
                    ? storage.together(() -> startWithValue(storage, worker))
                    : startWithValue(storage, worker);
            storage.finishTrial("shared", number, TrialState.COMPLETE, OptionalDouble.of(worker * 1000 + i), null);
            if (i == 0) {
                Files.createFile(Path.of(journal + ".first" + worker));
                for (int other = 1; other <= workers; other++) {
                    awaitFile(Path.of(journal + ".first" + other));
                }
            }
        }
        System.out.println("DONE");
    }

    private static void awaitFile(Path file) throws InterruptedException {
        while (!Files.exists(file)) {
            Thread.sleep(5);
        }
    }

    private static int startWithValue(Storage storage, int worker) {
        int number = storage.createTrial("shared");
        storage.setParam("shared", number, "worker", Uniform.of(0, 100), worker);
        return number;
    }

    private static void study(Storage storage, long seed, int slowFrom) throws InterruptedException {
        Study study = Studies.on(storage, "crash", seed);
        while (true) {
            Trial trial = study.ask();
            double x = trial.suggestFloat("x", -10, 10); // held back, stored within a second
            System.out.println("ASKED " + trial.number());
            System.out.flush();
            Thread.sleep(trial.number() >= slowFrom ? 60_000 : 2);
            study.tell(trial, x * x);
            System.out.println("COMPLETE " + trial.number() + " " + x * x);
            System.out.flush();
        }
    }
}
