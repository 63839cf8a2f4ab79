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
 * {@code ASKED n} once trial n is stored with its knob drawn up front ({@code x}) and has drawn
 * two more as its objective would ({@code y}, {@code z}, which the storage holds back until the
 * finish), and {@code COMPLETE n}. Its {@code slowAt}-th
 * trial (counting from 1; 0 for none) takes a minute, for the test to kill it in.
 *
 * <p>The storage fails the trials of dead workers that hold budget up: a journal when it finds the
 * budget spent while trials run and the trial's process gone, PostgreSQL by the heartbeat rule. On
 * PostgreSQL a worker that will be killed sends no heartbeat (its interval is an hour), and the
 * others allow a {@linkplain #GRACE grace period} of 30 s, far more than any pause of a live worker
 * on a busy machine: the test ages the dead worker's heartbeat in the database itself rather than
 * waiting for that grace period to pass.
 */
public final class BudgetWorkerMain {

    private static final Set<TrialState> COUNTED = EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE);
    private static final Duration HEARTBEAT = Duration.ofMillis(250);
    /** How long the workers that live let a trial go without a heartbeat on PostgreSQL. */
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration DOOMED_HEARTBEAT = Duration.ofHours(1);
    private static final Duration DOOMED_GRACE = Duration.ofHours(2);

    private BudgetWorkerMain() {}

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        int budget = Integer.parseInt(args[1]);
        int slowAt = Integer.parseInt(args[2]);
        try (Storage storage = spec.startsWith("jdbc:")
                ? TestDatabase.storage(spec).heartbeat(slowAt > 0 ? DOOMED_HEARTBEAT : HEARTBEAT,
                        slowAt > 0 ? DOOMED_GRACE : GRACE).open()
                : Storages.open(spec)) {
            storage.createStudy("workers", Direction.MINIMIZE);
            while (args.length > 3 && !Files.exists(Path.of(args[3]))) {
                Thread.sleep(5);
            }
            int ran = 0;
            while (true) {
                // as a study starts a trial: with the knob it draws up front, written right after the start
                OptionalInt next = storage.together(() -> {
                    OptionalInt started = storage.createTrialWithinBudget("workers", budget, COUNTED);
                    started.ifPresent(number -> storage.setParamDeferred("workers", number, "x", Uniform.of(0, 1), 0.5));
                    return started;
                });
                if (next.isEmpty()) {
                    if (!waitForRunningTrials(storage)) {
                        break;
                    }
                    continue;
                }
                int number = next.getAsInt();
                ran++;
                // and the knobs it draws as the objective runs, held back until the finish (or a heartbeat)
                storage.setParamDeferred("workers", number, "y", Uniform.of(0, 1), 0.25);
                storage.setParamDeferred("workers", number, "z", Uniform.of(0, 1), 0.75);
                // x is stored; a worker killed once it printed this loses y and z, held back, with its trial
                System.out.println("ASKED " + number);
                System.out.flush();
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
