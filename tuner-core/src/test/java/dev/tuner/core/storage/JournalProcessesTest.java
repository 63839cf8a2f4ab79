package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.study.OptimizeSettings;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The journal shared by real processes: child JVMs running {@link JournalWorkerMain}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalProcessesTest {

    @TempDir
    Path folder;

    @Test
    void processesAppendingToOneJournalGetUniqueNumbersAndLoseNothing() throws Exception {
        Path journal = folder.resolve("shared.jsonl");
        int workers = 3;
        int trialsEach = 150;
        List<Process> processes = new ArrayList<>();
        for (int worker = 1; worker <= workers; worker++) {
            processes.add(child("append", journal.toString(), String.valueOf(worker), String.valueOf(trialsEach),
                    String.valueOf(workers)).start());
        }
        Files.createFile(Path.of(journal + ".go"));
        for (Process process : processes) {
            assertThat(process.waitFor(50, TimeUnit.SECONDS)).as("worker finished in time").isTrue();
            assertThat(output(process)).as("worker output").contains("DONE");
            assertThat(process.exitValue()).isZero();
        }

        try (JournalStorage storage = JournalStorage.open(journal)) {
            List<FrozenTrial> trials = storage.trials("shared");
            assertThat(trials).hasSize(workers * trialsEach);
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, workers * trialsEach).boxed().toList());
            assertThat(trials).allSatisfy(trial -> {
                assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(trial.value().getAsDouble()).isEqualTo(((Double) trial.params().get("worker")) * 1000,
                        org.assertj.core.data.Offset.offset(trialsEach - 1.0));
            });
            Map<Object, Long> perWorker = trials.stream()
                    .collect(Collectors.groupingBy(trial -> trial.params().get("worker"), Collectors.counting()));
            assertThat(perWorker).containsOnlyKeys(1.0, 2.0, 3.0).allSatisfy((worker, count) -> assertThat(count).isEqualTo(trialsEach));
            assertThat(trials).extracting(trial -> trial.value().getAsDouble()).doesNotHaveDuplicates();
            long turns = IntStream.range(1, trials.size())
                    .filter(i -> !trials.get(i).params().equals(trials.get(i - 1).params())).count();
            // each worker appends its first trial before any appends its second: at least two changes among
            // the first three trials, then one to each worker whose trials follow: the workers ran together
            assertThat(turns).as("times the appending worker changed").isGreaterThan(workers);
        }
    }

    @Test
    void aStudyKilledMidRunKeepsEveryCompletedTrialAndTheNextRunResumesIt() throws Exception {
        Path journal = folder.resolve("crash.jsonl");
        int slowFrom = 15;
        Process child = child("study", journal.toString(), "42", String.valueOf(slowFrom)).start();
        Map<Integer, Double> printed = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("ASKED " + slowFrom)) {
                String[] words = line.split(" ");
                if (words[0].equals("COMPLETE")) {
                    printed.put(Integer.parseInt(words[1]), Double.parseDouble(words[2]));
                }
            }
            assertThat(line).as("the child's output up to the trial it is killed in").isEqualTo("ASKED " + slowFrom);
            awaitKnob(journal, slowFrom); // x, held back, is written within a second: a retry runs it again
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(printed).hasSize(slowFrom);

        int budget = 25;
        try (JournalStorage storage = JournalStorage.open(journal)) {
            List<FrozenTrial> trials = storage.trials("crash");
            assertThat(trials).hasSize(slowFrom + 1);
            printed.forEach((number, value) -> {
                assertThat(trials.get(number).state()).isEqualTo(TrialState.COMPLETE);
                assertThat(trials.get(number).value()).hasValue(value);
            });
            FrozenTrial killed = trials.get(slowFrom);
            assertThat(killed.state()).isEqualTo(TrialState.FAIL);
            assertThat(killed.failure().orElseThrow().type()).isEqualTo(WorkerDiedException.class.getName());
            assertThat(killed.failure().orElseThrow().message()).startsWith("worker died");

            // the next run retries failures: the killed trial's x runs again first, then the sampler's
            Study study = Studies.on(storage, "crash", 43);
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -10, 10);
                return x * x;
            }, OptimizeSettings.builder().budget(budget).retryFailed(true).build());
        }
        try (JournalStorage storage = JournalStorage.open(journal)) {
            List<FrozenTrial> trials = storage.trials("crash");
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, budget + 1).boxed().toList());
            assertThat(trials).filteredOn(trial -> trial.state() == TrialState.COMPLETE).hasSize(budget);
            assertThat(trials).filteredOn(trial -> trial.state() == TrialState.FAIL).singleElement()
                    .extracting(FrozenTrial::number).isEqualTo(slowFrom);
            FrozenTrial killed = trials.get(slowFrom);
            FrozenTrial retry = trials.get(slowFrom + 1);
            assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(retry.params()).isEqualTo(killed.params()).containsKey("x");
            assertThat(retry.enqueuedValues()).containsOnlyKeys("x");
            assertThat(trials.subList(slowFrom + 2, trials.size())).allSatisfy(other -> {
                assertThat(other.enqueuedValues()).isEmpty();
                assertThat(other.params().get("x")).isNotEqualTo(killed.params().get("x"));
            });
        }
    }

    /** Waits until the journal holds knob x of trial {@code number}, which its worker holds back for a second at most. */
    private static void awaitKnob(Path journal, int number) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (JournalStorage reader = JournalStorage.openToRead(journal)) {
                if (reader.trial("crash", number).params().containsKey("x")) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("trial #" + number + " of " + journal + " did not get its knob x within 30 s");
    }

    /** A child JVM running {@link JournalWorkerMain} on this test's class path. */
    private static ProcessBuilder child(String... args) {
        return ChildJvm.running(JournalWorkerMain.class, args);
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
