package dev.tuner.benchmarks.memory;

import dev.tuner.Direction;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.benchmarks.overhead.ClassHistogram;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import joptsimple.OptionSpec;

/**
 * What a worker holds in its heap once its study has many trials (issue 21, item 4: a default-sampler
 * worker under 40 MB at 100,000 trials). It writes a study of {@code --trials} finished trials
 * (drawn at random, straight into the storage: a real search of 100,000 trials would take hours),
 * then, from a heap emptied by a full collection, opens the study as a worker that resumes it does
 * (the journal is read anew; in memory the storage built is the one used) and runs {@code --proposals}
 * trials of the sampler on it, an instant objective, so that the sampler has read the whole history
 * and keeps what it keeps between proposals. The worker's heap is the live heap after a full
 * collection less the live heap before it opened the study (both from the JVM's class histogram);
 * in memory, before the storage was made, since the worker holds it.
 *
 * <p>The space ({@code --space}): {@code conditional}, a choice of two models each with its own
 * knobs (five knobs in all, three in a trial), where {@code auto} runs TPE, as the issue measured; or
 * {@code flat}, four knobs of every kind in every trial, where {@code auto} runs CMA-ES past 300
 * trials. Knob names are full names, as annotated knobs have.
 */
public final class MemoryBenchmark {

    static final CommandLine COMMAND = new CommandLine("benchmarks/run memory [options]: the heap a worker holds"
            + " on a study of many trials");
    static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "finished trials in the study", 100_000);
    static final OptionSpec<Integer> PROPOSALS = COMMAND.number("proposals",
            "trials the worker runs on the study before its heap is measured", 20);
    static final OptionSpec<String> SAMPLER = COMMAND.text("sampler", "NAME", "the worker's sampler", Samplers.DEFAULT);
    static final OptionSpec<String> SPACE = COMMAND.text("space", "conditional|flat", "the study's knobs", "conditional");
    static final OptionSpec<String> STORAGE = COMMAND.text("storage", "memory|journal", "where the study is kept",
            "journal");
    static final OptionSpec<Integer> CLASSES = COMMAND.number("classes",
            "classes shown whose instances the worker holds most bytes of", 12);
    static final OptionSpec<Path> OUT = COMMAND.out("memory.json");

    private static final String STUDY = "memory";

    private MemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        int trials = given.get(TRIALS);
        int proposals = given.get(PROPOSALS);
        String samplerName = given.get(SAMPLER);
        Space space = Space.named(given.get(SPACE));
        String storageName = given.get(STORAGE);
        if (!List.of("memory", "journal").contains(storageName)) {
            throw new IllegalArgumentException("--storage " + storageName + " is not one of memory, journal");
        }
        Samplers.create(samplerName, 1);   // fails at once on an unknown name
        Held held = measure(space, storageName, samplerName, trials, proposals);
        double bytesPerTrial = held.bytesPerTrial();
        System.out.printf(Locale.ROOT, "study: %,d trials, %s space, %s storage (written in %.1f s); sampler %s: %s%n",
                trials, space.name, storageName, held.fillSeconds, samplerName, held.picked);
        System.out.printf(Locale.ROOT, "worker heap: %.1f MB held after %d trials (%.1f ms each), %.0f bytes a trial%n",
                held.bytes / 1e6, proposals, held.msPerProposal, bytesPerTrial);
        System.out.println("held most by (class, instances, bytes):");
        List<Map<String, Object>> growth = held.after.growthSince(held.before, given.get(CLASSES));
        for (Map<String, Object> row : growth) {
            System.out.printf(Locale.ROOT, "  %-60s %,12d %,14d%n", row.get("class"), row.get("instances"), row.get("bytes"));
        }
        Path out = given.get(OUT);
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"trials\":%d,\"space\":\"%s\",\"storage\":\"%s\",\"sampler\":\"%s\",\"heap_bytes\":%d,"
                        + "\"bytes_per_trial\":%.1f,\"ms_per_proposal\":%.2f,\"git_commit\":\"%s\",\"classes\":[",
                trials, space.name, storageName, samplerName, held.bytes, bytesPerTrial, held.msPerProposal,
                System.getenv().getOrDefault("TUNER_GIT_COMMIT", "unknown")));
        for (int i = 0; i < growth.size(); i++) {
            Map<String, Object> row = growth.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"class\":\"%s\",\"instances\":%d,\"bytes\":%d}",
                    row.get("class"), row.get("instances"), row.get("bytes")));
        }
        Files.writeString(out, json.append("]}\n").toString());
        System.out.println("results written to " + out);
        System.out.printf(Locale.ROOT, "RESULT memory space=%s storage=%s sampler=%s trials=%d heap_mb=%.1f bytes_per_trial=%.0f%n",
                space.name, storageName, samplerName, trials, held.bytes / 1e6, bytesPerTrial);
    }

    /**
     * What a worker holds: the live bytes it added, from the class histograms before it opened the
     * study and after its proposals, and how long its proposals and the writing of the study took.
     */
    record Held(long bytes, int trials, ClassHistogram before, ClassHistogram after, double msPerProposal,
            double fillSeconds, String picked) {
        double bytesPerTrial() {
            return (double) bytes / trials;
        }
    }

    /** Writes a study of {@code trials} trials, then opens it as a worker and measures what it holds. */
    static Held measure(Space space, String storageName, String samplerName, int trials, int proposals) throws IOException {
        Path folder = Files.createTempDirectory("tuner-memory-benchmark");
        Path journal = folder.resolve("study.jsonl");
        boolean inMemory = storageName.equals("memory");
        // in memory, the storage is the worker's: it counts; a journal is written, then read anew by the worker
        ClassHistogram before = inMemory ? ClassHistogram.take() : null;
        Storage written = inMemory ? new InMemoryStorage() : JournalStorage.open(journal);
        long fillStart = System.nanoTime();
        fill(written, space, trials);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        if (!inMemory) {
            written.close();
            written = null;
            before = ClassHistogram.take();
        }
        Storage storage = written != null ? written : JournalStorage.open(journal);
        Study study = Study.builder(STUDY).storage(storage).sampler(Samplers.create(samplerName, 7)).build();
        long runStart = System.nanoTime();
        for (int i = 0; i < proposals; i++) {
            study.runTrial(space::evaluate);
        }
        double msPerProposal = (System.nanoTime() - runStart) / 1e6 / proposals;
        ClassHistogram after = ClassHistogram.take();
        String picked = study.sampler().describe(study);
        Reference.reachabilityFence(study);
        Reference.reachabilityFence(storage);
        storage.close();
        Files.deleteIfExists(journal);
        Files.delete(folder);
        return new Held(after.totalBytes() - before.totalBytes(), trials, before, after, msPerProposal, fillSeconds, picked);
    }

    /** Writes {@code trials} finished trials of the space, drawn at random, straight into the storage. */
    private static void fill(Storage storage, Space space, int trials) {
        storage.createStudy(STUDY, Direction.MINIMIZE);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < trials; i++) {
            int number = storage.startTrial(STUDY).number();
            space.draw(random, (knob, distribution, internal) -> storage.setParam(STUDY, number, knob, distribution, internal));
            storage.finishTrial(STUDY, number, TrialState.COMPLETE, OptionalDouble.of(random.nextDouble()), null);
        }
    }
}
