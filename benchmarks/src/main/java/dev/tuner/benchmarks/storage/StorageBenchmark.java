package dev.tuner.benchmarks.storage;

import dev.tuner.Direction;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import joptsimple.OptionSpec;

/**
 * The storage targets of issue 5: the ask/tell loop in memory (at most 10 µs a trial), the same
 * loop on a journal (at least 10× faster than Optuna's JournalFileBackend, about 1.7 ms a trial,
 * and durable across a process kill), and loading a 100,000-trial journal in a fresh JVM to
 * resume (at most 2 s). Each trial is quad1's: one uniform knob, asked, suggested and told.
 *
 * <p>{@code journal_us} is the default journal, which leaves the flush to the operating system
 * ({@code fsync=never}) and survives a process kill, the durability the target asks for;
 * {@code journal_fsync_us} forces each finished trial to the disk ({@code fsync=finish}), which
 * also survives a power cut. Disk flushes on a shared virtual disk vary by an order of magnitude
 * from run to run.
 *
 * <p>{@code journal_5_knobs_us} and {@code journal_5_knobs_prepared_us} run a trial of five
 * uniform knobs on a journal through {@link Study#runTrial}: the first objective draws its knobs as
 * it runs (a start, five values and a finish: seven locked appends), the second draws them in
 * {@link Objective#prepare}, as a {@code @Tune} method's parameters are, which the journal writes
 * with the trial's start (two locked appends).
 *
 * <p>Usage: {@code StorageBenchmark [--trials 2000] [--out results.json]}; {@code --resume <file>}
 * is the child that loads a journal and prints the seconds it took.
 */
public final class StorageBenchmark {

    private static final int RESUME_TRIALS = 100_000;

    static final CommandLine COMMAND = new CommandLine("benchmarks/run storage [options]: the ask/tell loop in memory"
            + " and on a journal, and resuming a 100,000-trial journal in a fresh JVM");
    static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "trials timed on the journal that forces each"
            + " to the disk, ten times as many on the other journals (in memory 200,000)", 2000);
    static final OptionSpec<Path> OUT = COMMAND.out("storage.json");
    static final OptionSpec<Path> RESUME = COMMAND.file("resume",
            "the child JVM this benchmark starts: loads the journal FILE and prints the seconds it took");

    private StorageBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        if (given.has(RESUME)) {
            System.out.println(resumeSeconds(given.get(RESUME)));
            return;
        }
        int trials = given.get(TRIALS);
        Path out = given.get(OUT);
        Path folder = Files.createTempDirectory("tuner-storage-benchmark");
        double askTell = microsPerTrial(new InMemoryStorage(), 200_000);
        double journalFsync = microsPerTrial(JournalStorage.open(folder.resolve("fsync.jsonl"), JournalStorage.Sync.ON_FINISH), trials);
        double journal = microsPerTrial(JournalStorage.open(folder.resolve("os.jsonl")), trials * 10);
        double fiveKnobs = microsPerTrial(JournalStorage.open(folder.resolve("five.jsonl")), trials * 10, new FiveKnobs(false));
        double fiveKnobsPrepared = microsPerTrial(JournalStorage.open(folder.resolve("prepared.jsonl")), trials * 10,
                new FiveKnobs(true));
        Path big = folder.resolve("resume.jsonl");
        write(big, RESUME_TRIALS);
        long bytes = Files.size(big);
        double resume = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            resume = Math.min(resume, resumeInChild(big));
        }
        for (String name : List.of("fsync.jsonl", "os.jsonl", "five.jsonl", "prepared.jsonl", "resume.jsonl")) {
            Files.deleteIfExists(folder.resolve(name));
        }
        Files.delete(folder);
        String json = String.format(Locale.ROOT, "{\"ask_tell_us\":%.3f,\"journal_us\":%.1f,\"journal_fsync_us\":%.1f,"
                + "\"journal_5_knobs_us\":%.1f,\"journal_5_knobs_prepared_us\":%.1f,"
                + "\"resume_100k_s\":%.3f,\"journal_bytes_100k\":%d}%n", askTell, journal, journalFsync, fiveKnobs,
                fiveKnobsPrepared, resume, bytes);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.printf(Locale.ROOT, "ask/tell in memory  %8.2f µs a trial (target ≤ 10)%n", askTell);
        System.out.printf(Locale.ROOT, "journal             %8.1f µs a trial (Optuna ≈ 1700; target ≤ 170)%n", journal);
        System.out.printf(Locale.ROOT, "journal, fsync      %8.1f µs a trial (fsync=finish)%n", journalFsync);
        System.out.printf(Locale.ROOT, "journal, 5 knobs    %8.1f µs a trial drawn as the objective runs, %.1f drawn up front"
                + " (written with the trial's start)%n", fiveKnobs, fiveKnobsPrepared);
        System.out.printf(Locale.ROOT, "resume 100k trials  %8.2f s in a fresh JVM, best of 3 (target ≤ 2)%n", resume);
        System.out.println("results written to " + out);
        System.out.printf(Locale.ROOT, "RESULT storage ask_tell_us=%.2f journal_us=%.1f journal_fsync_us=%.1f resume_100k_s=%.2f%n",
                askTell, journal, journalFsync, resume);
    }

    /** The ask/tell loop of quad1 on a storage: a fifth of the trials to warm up, then the measured ones. */
    private static double microsPerTrial(Storage storage, int trials) {
        return microsPerTrial(storage, "quad1", trials, StorageBenchmark::trial);
    }

    /** {@link Study#runTrial} of {@code objective} on a storage: a fifth of the trials to warm up, then the measured ones. */
    private static double microsPerTrial(Storage storage, int trials, Objective objective) {
        return microsPerTrial(storage, "five", trials, study -> study.runTrial(objective));
    }

    /** {@code trial} run on a study of the storage: a fifth of the trials to warm up, then the measured ones. */
    private static double microsPerTrial(Storage storage, String studyName, int trials, Consumer<Study> trial) {
        try (storage) {
            Study study = Study.builder(studyName).sampler(new RandomSampler(1)).storage(storage).build();
            for (int i = 0; i < trials / 5; i++) {
                trial.accept(study);
            }
            long start = System.nanoTime();
            for (int i = 0; i < trials; i++) {
                trial.accept(study);
            }
            return (System.nanoTime() - start) / 1e3 / trials;
        }
    }

    /** The sum of five uniform knobs, drawn as it runs or up front in {@link #prepare}. */
    private record FiveKnobs(boolean upFront) implements Objective {

        private static final List<Uniform> KNOBS = List.of(Uniform.of(0, 1), Uniform.of(0, 2), Uniform.of(0, 3),
                Uniform.of(0, 4), Uniform.of(0, 5));

        @Override
        public void prepare(Trial trial) {
            if (upFront) {
                evaluate(trial);
            }
        }

        @Override
        public double evaluate(Trial trial) {
            double sum = 0;
            for (int k = 0; k < KNOBS.size(); k++) {
                sum += (Double) trial.suggest("x" + k, KNOBS.get(k));
            }
            return sum;
        }
    }

    private static void trial(Study study) {
        Trial trial = study.ask();
        double x = trial.suggestFloat("x", -10, 10);
        study.tell(trial, x * x - x + 1);
    }

    private static void write(Path file, int trials) {
        try (Storage storage = JournalStorage.open(file, JournalStorage.Sync.NEVER)) {
            storage.createStudy("resume", Direction.MINIMIZE);
            Uniform x = Uniform.of(-10, 10);
            for (int i = 0; i < trials; i++) {
                int number = storage.createTrial("resume");
                storage.setParam("resume", number, "x", x, (i % 2001 - 1000) / 100.0);
                storage.finishTrial("resume", number, TrialState.COMPLETE, OptionalDouble.of(i), null);
            }
        }
    }

    private static double resumeInChild(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StorageBenchmark.class.getName(), "--resume", file.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the resume child failed: " + output);
        }
        return Double.parseDouble(output);
    }

    /** Opens the journal and reads its trials, as a resuming run does. */
    private static double resumeSeconds(Path file) {
        long start = System.nanoTime();
        try (JournalStorage storage = JournalStorage.open(file)) {
            if (storage.trials("resume").size() != RESUME_TRIALS) {
                throw new IllegalStateException(file + " does not hold " + RESUME_TRIALS + " trials");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
