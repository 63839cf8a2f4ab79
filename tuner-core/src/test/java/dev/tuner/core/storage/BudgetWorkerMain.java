package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A worker process for the workers tests, started in a child JVM: {@code <storage> <budget> <slowAt>
 * [<go file>]} runs trials of study {@code workers}, once the go file exists if one is named, until
 * the study holds {@code budget} trials that are COMPLETE or RUNNING and none is RUNNING, printing
 * {@code ASKED n} and {@code COMPLETE n}. Its {@code slowAt}-th trial (counting from 1; 0 for none)
 * takes a minute, for the test to kill it in.
 * The storage fails the trials of dead workers that hold budget up: a journal when it finds the
 * budget spent while trials run, PostgreSQL (opened with a 250 ms heartbeat and a 3 s grace period)
 * by the heartbeat rule. (A shorter grace period fails live workers' trials when four JVMs start
 * on two cores: a grace period must outlast the longest pause of a worker.)
 */
public final class BudgetWorkerMain {

    private static final Set<TrialState> COUNTED = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);

    private BudgetWorkerMain() {}

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        int budget = Integer.parseInt(args[1]);
        int slowAt = Integer.parseInt(args[2]);
        try (Storage storage = spec.startsWith("jdbc:")
                ? TestDatabase.storage(spec).heartbeat(Duration.ofMillis(250), Duration.ofSeconds(3)).open()
                : Storages.open(spec)) {
            storage.createStudy("workers", Direction.MINIMIZE);
            while (args.length > 3 && !Files.exists(Path.of(args[3]))) {
                Thread.sleep(5);
            }
            int ran = 0;
            while (true) {
                OptionalInt next = storage.createTrialWithinBudget("workers", budget, COUNTED);
                if (next.isEmpty()) {
                    if (!waitForRunningTrials(storage)) {
                        break;
                    }
                    continue;
                }
                int number = next.getAsInt();
                ran++;
                System.out.println("ASKED " + number);
                System.out.flush();
                storage.setParam("workers", number, "x", Uniform.of(0, 1), 0.5);
                Thread.sleep(ran == slowAt ? 60_000 : 20);
                storage.finishTrial("workers", number, TrialState.COMPLETE, OptionalDouble.of(number), null);
                System.out.println("COMPLETE " + number);
                System.out.flush();
            }
        }
        System.out.println("DONE");
    }

    /** Whether trials still run, which may yet fail and free budget; waits a little if so. */
    private static boolean waitForRunningTrials(Storage storage) throws InterruptedException {
        List<FrozenTrial> trials = storage.trials("workers");
        if (trials.stream().noneMatch(trial -> trial.state() == TrialState.RUNNING)) {
            return false;
        }
        Thread.sleep(50);
        return true;
    }
}
