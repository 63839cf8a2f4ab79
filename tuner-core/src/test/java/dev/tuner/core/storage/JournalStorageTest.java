package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.Direction;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStorageTest extends StorageContractTest {

    @TempDir
    Path folder;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    Storage newStorage() {
        return JournalStorage.open(folder.resolve("journal-" + files.incrementAndGet() + ".jsonl"));
    }

    @Override
    Storage sameStoreAgain(Storage storage) {
        return JournalStorage.open(((JournalStorage) storage).path());
    }

    @Test
    void anAddedTrialIsOneAppendWhoseStartNamesThisProcessAsItsWriterAndNoOtherWorker() throws IOException {
        Path path = folder.resolve("added.jsonl");
        Instant started = Instant.parse("2025-03-01T10:15:30Z");
        FrozenTrial trial = new FrozenTrial(0, TrialState.COMPLETE, TrialResult.of(1),
                Map.of("a", new Suggestion(Uniform.of(0, 1), 0.1), "b", new Suggestion(Uniform.of(0, 1), 0.2)),
                Optional.empty(), started, Optional.of(started.plusSeconds(1)), new TreeMap<>(Map.of(0, 3.0)), Map.of(),
                Optional.empty());
        try (JournalStorage storage = JournalStorage.open(path)) {
            storage.createStudy("s", Direction.MINIMIZE);
            long before = storage.appends();

            storage.addTrial("s", trial);

            assertThat(storage.appends() - before).isEqualTo(1);
        }
        WorkerId self = WorkerId.current();
        assertThat(Files.readAllLines(path)).filteredOn(line -> line.startsWith("{\"op\":\"trial\""))
                .singleElement().isEqualTo("{\"op\":\"trial\",\"study\":\"s\",\"number\":0,"
                        + "\"started\":\"2025-03-01T10:15:30.000000Z\",\"worker\":{\"host\":\"" + self.host()
                        + "\",\"pid\":" + self.pid() + ",\"start\":" + self.startMillis() + "},\"added\":true}");
    }

    @Test
    void aTrialWithTwoKnobsUpFrontAndThreeDrawnLaterCostsAtMostThreeAppends() {
        Path path = folder.resolve("appends.jsonl");
        try (JournalStorage storage = JournalStorage.open(path); JournalStorage reader = JournalStorage.open(path)) {
            storage.createStudy("s", Direction.MINIMIZE);
            long before = storage.appends();

            int number = storage.together(() -> {
                int started = storage.startTrial("s").number();
                storage.setParamDeferred("s", started, "a", Uniform.of(0, 1), 0.1);
                storage.setParamDeferred("s", started, "b", Uniform.of(0, 1), 0.2);
                return started;
            });
            for (String knob : List.of("c", "d", "e")) {
                storage.setParamDeferred("s", number, knob, Uniform.of(0, 1), 0.5);
            }
            storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);
            storage.trial("s", number);

            // the start with a and b, then c, d and e with the finish: two, or three if the machine is so
            // slow that the storage's delayed writer (a second after c) wrote c, d and e before the finish
            assertThat(storage.appends() - before).isBetween(2L, 3L);
            assertThat(reader.trial("s", number).params()).containsOnlyKeys("a", "b", "c", "d", "e");
            assertThat(reader.trial("s", number).state()).isEqualTo(TrialState.COMPLETE);
        }
    }

    @Test
    void aFinishCutOffMidAppendLeavesTheTrialUnfinishedWithEveryKnobItDrew() throws IOException {
        Path path = folder.resolve("cut.jsonl");
        int number;
        try (JournalStorage storage = JournalStorage.open(path)) {
            storage.createStudy("s", Direction.MINIMIZE);
            number = storage.createTrial("s");
            storage.setParamDeferred("s", number, "x", Uniform.of(0, 1), 0.25);
            storage.setParamDeferred("s", number, "y", Uniform.of(0, 1), 0.75);
            storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);
        }
        // the knobs held back are written before the finish, in its append: a kill in the middle of that
        // append cuts the finish, never a knob of a finished trial
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int finish = text.lastIndexOf("{\"op\":\"finish\"");
        assertThat(text.substring(0, finish)).contains("\"x\"", "\"y\"");
        Files.write(path, java.util.Arrays.copyOf(bytes, finish + 20));

        try (JournalStorage storage = JournalStorage.open(path)) {
            FrozenTrial cut = storage.trial("s", number);
            assertThat(cut.state()).isEqualTo(TrialState.RUNNING); // this process lives: not failed as dead
            assertThat(cut.params()).containsOnlyKeys("x", "y");
        }
    }

    @Test
    void knobsHeldBackAreWrittenSoonWhenNothingElseIsWritten() throws InterruptedException {
        Path path = folder.resolve("held.jsonl");
        try (JournalStorage storage = JournalStorage.open(path); JournalStorage reader = JournalStorage.open(path)) {
            storage.createStudy("s", Direction.MINIMIZE);
            int number = storage.createTrial("s");

            storage.setParamDeferred("s", number, "x", Uniform.of(0, 1), 0.25);

            // the storage's delayed writer writes it a second later: wait for that, not for a time
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (reader.trial("s", number).params().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(reader.trial("s", number).params()).containsOnlyKeys("x");
            assertThat(reader.trial("s", number).state()).isEqualTo(TrialState.RUNNING);
        }
    }

    @Test
    void createsTheFileAndItsFoldersAndWritesOneJsonRecordPerLine() throws IOException {
        Path file = folder.resolve("target/tuner/journal.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MAXIMIZE);
            int number = storage.createTrial("s");
            storage.setParam("s", number, "x", Uniform.of(0, 1), 0.5);
            storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(2), null);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines).extracting(line -> json.readTree(line).get("op").asText())
                .containsExactly("journal", "study", "trial", "param", "finish");
        assertThat(lines.get(3)).contains("\"distribution\":{\"type\":\"uniform\",\"min\":0.0,\"max\":1.0}");
    }

    @Test
    void aNewJournalIsVersionThreeAndKeepsEachIntermediateValueAsOneRecord() throws IOException {
        Path file = folder.resolve("intermediate.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            int number = storage.createTrial("s");
            storage.setIntermediateValue("s", number, 0, 0.5);
            storage.setIntermediateValue("s", number, 1, Double.NaN);
        }

        List<String> lines = Files.readAllLines(file);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("version").asInt()).isEqualTo(3);
        assertThat(lines.subList(3, 5)).containsExactly(
                "{\"op\":\"intermediate\",\"study\":\"s\",\"number\":0,\"step\":0,\"value\":0.5}",
                "{\"op\":\"intermediate\",\"study\":\"s\",\"number\":0,\"step\":1,\"value\":\"NaN\"}");
    }

    @Test
    void aVersionOneJournalStillLoadsAndTakesIntermediateValues() throws IOException {
        Path file = folder.resolve("version1.jsonl");
        // exactly what the first journal format wrote
        Files.write(file, List.of(
                "{\"op\":\"journal\",\"version\":1}",
                "{\"op\":\"study\",\"study\":\"s\",\"direction\":\"MAXIMIZE\"}",
                "{\"op\":\"trial\",\"study\":\"s\",\"number\":0,\"started\":\"2026-11-22T10:00:00.123Z\","
                        + "\"worker\":{\"host\":\"h\",\"pid\":4711,\"start\":1795000000000}}",
                "{\"op\":\"param\",\"study\":\"s\",\"number\":0,\"knob\":\"x\","
                        + "\"distribution\":{\"type\":\"uniform\",\"min\":-10.0,\"max\":10.0},\"internal\":3.25}",
                "{\"op\":\"finish\",\"study\":\"s\",\"number\":0,\"state\":\"COMPLETE\",\"value\":8.31,"
                        + "\"finished\":\"2026-11-22T10:00:01.456Z\"}"));

        try (JournalStorage storage = JournalStorage.open(file)) {
            FrozenTrial old = storage.trial("s", 0);
            assertThat(old.value()).hasValue(8.31);
            assertThat(old.params()).containsEntry("x", 3.25);
            assertThat(old.intermediateValues()).isEmpty();
            int number = storage.createTrial("s");
            storage.setIntermediateValue("s", number, 4, 0.75);
            storage.finishTrial("s", number, TrialState.PRUNED, OptionalDouble.of(0.75), null);
        }

        try (JournalStorage storage = JournalStorage.open(file)) {
            FrozenTrial pruned = storage.trial("s", 1);
            assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
            assertThat(pruned.intermediateValues()).containsExactly(org.assertj.core.api.Assertions.entry(4, 0.75));
        }
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("{\"op\":\"journal\",\"version\":1}");
    }

    @Test
    void enqueueingAndClaimingAreOneRecordEach() throws IOException {
        Path file = folder.resolve("waiting.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("x", "0.25");
            values.put("act \"q\"", "relu ü");
            storage.enqueueTrial("s", values);
            storage.startTrial("s");
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("{\"op\":\"enqueue\",\"study\":\"s\",\"number\":0,\"started\":\"")
                .endsWith("\"values\":{\"x\":\"0.25\",\"act \\\"q\\\"\":\"relu ü\"}}");
        ObjectMapper json = new ObjectMapper();
        var claim = json.readTree(lines.get(3));
        assertThat(claim.get("op").asText()).isEqualTo("claim");
        assertThat(claim.get("number").asInt()).isZero();
        assertThat(claim.get("worker").get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aVersionTwoJournalTakesWaitingTrialsAfterAHeaderOfVersionThree() throws IOException {
        Path file = folder.resolve("version2.jsonl");
        // what the second journal format wrote
        Files.write(file, List.of(
                "{\"op\":\"journal\",\"version\":2}",
                "{\"op\":\"study\",\"study\":\"s\",\"direction\":\"MINIMIZE\"}",
                "{\"op\":\"trial\",\"study\":\"s\",\"number\":0,\"started\":\"2026-11-22T10:00:00.123Z\","
                        + "\"worker\":{\"host\":\"h\",\"pid\":4711,\"start\":1795000000000}}",
                "{\"op\":\"intermediate\",\"study\":\"s\",\"number\":0,\"step\":3,\"value\":0.91}",
                "{\"op\":\"finish\",\"study\":\"s\",\"number\":0,\"state\":\"COMPLETE\",\"value\":8.31,"
                        + "\"finished\":\"2026-11-22T10:00:01.456Z\"}"));

        try (JournalStorage storage = JournalStorage.open(file)) {
            assertThat(storage.trial("s", 0).intermediateValues()).containsEntry(3, 0.91);
            storage.createTrial("s");
            assertThat(storage.enqueueTrial("s", Map.of("x", "1"))).isEqualTo(2);
            assertThat(storage.enqueueTrial("s", Map.of("x", "2"))).isEqualTo(3);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("{\"op\":\"journal\",\"version\":2}");
        assertThat(lines).filteredOn(line -> line.startsWith("{\"op\":\"journal\"")).containsExactly(
                "{\"op\":\"journal\",\"version\":2}", "{\"op\":\"journal\",\"version\":3}");
        assertThat(lines.get(lines.size() - 3)).isEqualTo("{\"op\":\"journal\",\"version\":3}");

        try (JournalStorage storage = JournalStorage.open(file)) {
            assertThat(storage.startTrial("s")).isEqualTo(new StartedTrial(2, Map.of("x", "1")));
            assertThat(storage.trial("s", 3).state()).isEqualTo(TrialState.WAITING);
        }
    }

    @Test
    void aClaimOfATrialThatDoesNotWaitIsADamagedLine() throws IOException {
        Path file = folder.resolve("double-claim.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            storage.enqueueTrial("s", Map.of());
            storage.startTrial("s");
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.add(lines.get(lines.size() - 1)); // the same claim twice, as a buggy writer might append it
        lines.add("{\"op\":\"study\",\"study\":\"t\",\"direction\":\"MINIMIZE\"}");
        Files.write(file, lines);

        assertThatIllegalStateException().isThrownBy(() -> JournalStorage.open(file))
                .withMessageContaining("line 5 is not a record Tuner wrote")
                .withMessageContaining("trial #0 of study 's' is RUNNING, not WAITING");
    }

    @Test
    void aJournalOfANewerFormatIsRefusedWithTheFix() throws IOException {
        Path file = folder.resolve("future.jsonl");
        Files.write(file, List.of("{\"op\":\"journal\",\"version\":5}"));

        assertThatIllegalStateException().isThrownBy(() -> JournalStorage.open(file))
                .withMessageContaining("journal format version 5 is not one this Tuner reads (1..4)")
                .withMessageContaining("a newer one");
    }

    /**
     * A Tuner that reads versions 1..3 refuses a journal at its first {@code journal} record of version
     * 4 (as {@link #aJournalOfANewerFormatIsRefusedWithTheFix} shows for 5), so that record must come
     * before the first record of several objectives or of constraints, and only then.
     */
    @Test
    void oneObjectiveWithoutConstraintsStaysVersionThreeAndTheFirstRecordOfVersionFourComesAfterItsHeader()
            throws IOException {
        Path file = folder.resolve("objectives.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("single", Direction.MINIMIZE);
            storage.finishTrial("single", storage.createTrial("single"), TrialState.COMPLETE, OptionalDouble.of(1), null);
        }
        List<String> single = Files.readAllLines(file);
        assertThat(single).filteredOn(line -> line.startsWith("{\"op\":\"journal\""))
                .containsExactly("{\"op\":\"journal\",\"version\":3}");

        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.finishTrial("single", storage.createTrial("single"), TrialState.COMPLETE,
                    TrialResult.of(new double[] {2}, Map.of("size", -1.0)), null);
            storage.createStudy("mo", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
            storage.finishTrial("mo", storage.createTrial("mo"), TrialState.COMPLETE,
                    TrialResult.of(new double[] {0.9, 12}, Map.of()), null);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.subList(0, single.size())).isEqualTo(single);
        assertThat(lines.get(single.size() + 1)).isEqualTo("{\"op\":\"journal\",\"version\":4}");
        assertThat(lines.get(single.size() + 2)).startsWith("{\"op\":\"finish\",\"study\":\"single\",\"number\":1,"
                + "\"state\":\"COMPLETE\",\"value\":2.0,\"constraints\":{\"size\":-1.0},\"finished\":");
        assertThat(lines.get(single.size() + 3)).isEqualTo(
                "{\"op\":\"study\",\"study\":\"mo\",\"directions\":[\"MAXIMIZE\",\"MINIMIZE\"]}");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"op\":\"finish\",\"study\":\"mo\",\"number\":0,"
                + "\"state\":\"COMPLETE\",\"objectives\":[0.9,12.0],\"finished\":");
        assertThat(lines).filteredOn(line -> line.startsWith("{\"op\":\"journal\"")).hasSize(2);

        try (JournalStorage storage = JournalStorage.openToRead(file)) {
            assertThat(storage.trials("mo").get(0).values()).containsExactly(0.9, 12.0);
            assertThat(storage.trials("single").get(1).constraints()).containsExactly(Map.entry("size", -1.0));
        }
    }

    @Test
    void aReplayOfTheFileBuildsExactlyTheTrialsTheWritesBuilt() {
        Path file = folder.resolve("replay.jsonl");
        List<FrozenTrial> written;
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s \"quoted\" ü", Direction.MINIMIZE);
            String study = "s \"quoted\" ü";
            int complete = storage.createTrial(study);
            storage.setParam(study, complete, "x", Uniform.of(-1, 1), 0.25);
            storage.setParam(study, complete, "lr", dev.tuner.core.space.LogUniform.of(1e-4, 1e-1), Math.log(3.2e-3));
            storage.setIntermediateValue(study, complete, 0, Double.NaN);
            storage.setIntermediateValue(study, complete, 1, -0.5);
            storage.finishTrial(study, complete, TrialState.COMPLETE, OptionalDouble.of(Double.NEGATIVE_INFINITY), null);
            int failed = storage.createTrial(study);
            storage.finishTrial(study, failed, TrialState.FAIL, OptionalDouble.empty(),
                    new TrialFailure("java.lang.IllegalStateException", "line one\nline \"two\"\t✂", "A.b(A.java:3)"));
            storage.createTrial(study);
            storage.enqueueTrial(study, Map.of("x", "0.5", "act \"q\"", "relu ü"));
            storage.enqueueTrial(study, Map.of("x", "-0.5"));
            storage.startTrial(study);
            written = storage.trials(study);
        }

        try (JournalStorage storage = JournalStorage.open(file)) {
            List<FrozenTrial> replayed = storage.trials("s \"quoted\" ü");
            assertThat(replayed).hasSize(5);
            assertThat(replayed).extracting(FrozenTrial::state).endsWith(TrialState.RUNNING, TrialState.WAITING);
            // the running trial of this (live) process stays running, and everything else is equal, times included
            assertThat(replayed).isEqualTo(written);
        }
    }

    @Test
    void theNextRunOfAStudyResumesIt() {
        Path file = folder.resolve("resume.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            Study study = Studies.on(storage, "quad", 7);
            study.optimize(trial -> square(trial), 5);
        }

        try (JournalStorage storage = JournalStorage.open(file)) {
            Study study = Studies.on(storage, "quad", 7);
            assertThat(study.trials()).hasSize(5).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
            FrozenTrial best = study.bestTrial().orElseThrow();

            Trial next = study.ask();

            assertThat(next.number()).isEqualTo(5);
            assertThat(study.bestTrial()).hasValue(best);
        }
    }

    private static double square(Trial trial) {
        double x = trial.suggestFloat("x", -10, 10);
        return x * x;
    }

    @Test
    void aTornLastLineIsIgnoredWithAWarningAndCutOffBeforeTheNextAppend() throws IOException {
        Path file = folder.resolve("torn.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            for (int i = 0; i < 3; i++) {
                int number = storage.createTrial("s");
                storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(i), null);
            }
        }
        Files.writeString(file, "{\"op\":\"finish\",\"study\":\"s\",\"number\":2,\"sta", StandardOpenOption.APPEND);

        try (LogCapture log = LogCapture.of(JournalStorage.class); JournalStorage storage = JournalStorage.open(file)) {
            assertThat(log.messages()).singleElement().asString()
                    .contains("torn.jsonl", "ignoring a torn last line", "line 9", "{\"op\":\"finish\",\"study\":\"s\",\"number\":2,\"sta");
            assertThat(storage.trials("s")).hasSize(3).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));

            assertThat(storage.createTrial("s")).isEqualTo(3);
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(Files.readAllLines(file)).hasSize(9).allSatisfy(line -> json.readTree(line));
    }

    @Test
    void aDamagedLineInsideTheJournalIsAnErrorSayingWhere() throws IOException {
        Path file = folder.resolve("damaged.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            storage.createTrial("s");
        }
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1), "{\"op\":\"trial\",\"study\":\"s\",\"number\":7}", lines.get(2)));

        assertThatIllegalStateException().isThrownBy(() -> JournalStorage.open(file))
                .withMessageContaining("damaged.jsonl line 3 is not a record Tuner wrote")
                .withMessageContaining("should be #0")
                .withMessageContaining("remove that line");
    }

    @Test
    void aFileThatIsNotAJournalIsLeftAlone() throws IOException {
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "shopping list");

        assertThatIllegalStateException().isThrownBy(() -> JournalStorage.open(file))
                .withMessageContaining("is not a Tuner journal");
        assertThat(Files.readString(file)).isEqualTo("shopping list");
    }

    @Test
    void anAddCutBeforeItsFinishFailsAsItsWriterIsFoundGoneAndAWholeOneShowsTheWorkerItCameWith() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        WorkerId writer = WorkerId.of(gone.toHandle());
        Instant started = Instant.parse("2025-03-01T10:15:30Z");
        Path file = folder.resolve("added.jsonl");
        JournalCodec records = new JournalCodec();
        Files.write(file, List.of(
                line(records.header()),
                line(records.study("s", Direction.MINIMIZE)),
                line(records.added("s", 0, started, writer, Optional.of(new Worker("gpu-box", 4711)))),
                line(records.finish("s", 0, TrialState.COMPLETE, OptionalDouble.of(0.5), null, started.plusSeconds(1))),
                line(records.added("s", 1, started, writer, Optional.empty())),
                line(records.finish("s", 1, TrialState.COMPLETE, OptionalDouble.of(0.25), null, started.plusSeconds(2))),
                line(records.added("s", 2, started, writer, Optional.of(new Worker("gpu-box", 4711)))),
                line(records.param("s", 2, "x", Uniform.of(0, 1), 0.5))));

        try (LogCapture log = LogCapture.of(JournalStorage.class); JournalStorage storage = JournalStorage.open(file)) {
            assertThat(storage.trial("s", 0).worker()).contains(new Worker("gpu-box", 4711));
            assertThat(storage.trial("s", 0).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(storage.trial("s", 1).worker()).as("an added trial whose worker was not known").isEmpty();
            FrozenTrial cut = storage.trial("s", 2);
            assertThat(cut.state()).as("its finish never written").isEqualTo(TrialState.FAIL);
            assertThat(cut.failure()).map(TrialFailure::type).hasValue(WorkerDiedException.class.getName());
            assertThat(log.messages()).singleElement().asString().contains("trial #2 of study 's'", "worker died");
        }
    }

    @Test
    void namingAStudyOfOneObjectiveKeepsTheJournalAtItsVersionAndALaterStudyRecordKeepsTheNames() throws IOException {
        Path file = folder.resolve("names.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            storage.nameObjectives("s", List.of("loss"));
        }
        JournalCodec records = new JournalCodec();
        Files.write(file, List.of(line(records.study("s", Direction.MINIMIZE))), StandardOpenOption.APPEND);

        assertThat(Files.readAllLines(file)).containsExactly("{\"op\":\"journal\",\"version\":3}",
                "{\"op\":\"study\",\"study\":\"s\",\"direction\":\"MINIMIZE\"}",
                "{\"op\":\"study\",\"study\":\"s\",\"direction\":\"MINIMIZE\",\"names\":[\"loss\"]}",
                "{\"op\":\"study\",\"study\":\"s\",\"direction\":\"MINIMIZE\"}");
        try (JournalStorage storage = JournalStorage.open(file)) {
            assertThat(storage.objectiveNames("s")).contains(List.of("loss"));
        }
    }

    @Test
    void runningTrialsOfProcessesThatAreGoneFailWhenTheJournalIsOpened() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        WorkerId dead = WorkerId.of(gone.toHandle());
        WorkerId elsewhere = new WorkerId("another-host", gone.pid(), 0);
        Path file = folder.resolve("stale.jsonl");
        JournalCodec records = new JournalCodec();
        Files.write(file, List.of(
                line(records.header()),
                line(records.study("s", Direction.MINIMIZE)),
                line(records.trial("s", 0, Instant.now(), dead)),
                line(records.trial("s", 1, Instant.now(), elsewhere)),
                line(records.trial("s", 2, Instant.now(), WorkerId.current()))));

        try (LogCapture log = LogCapture.of(JournalStorage.class); JournalStorage storage = JournalStorage.open(file)) {
            FrozenTrial failed = storage.trial("s", 0);
            assertThat(failed.state()).isEqualTo(TrialState.FAIL);
            assertThat(failed.failure()).map(TrialFailure::type).hasValue(WorkerDiedException.class.getName());
            assertThat(failed.failure().orElseThrow().message()).startsWith("worker died: process " + gone.pid());
            assertThat(storage.trial("s", 1).state()).isEqualTo(TrialState.RUNNING);
            assertThat(storage.trial("s", 2).state()).isEqualTo(TrialState.RUNNING);
            assertThat(log.messages()).singleElement().asString().contains("trial #0 of study 's'", "worker died");
            assertThat(storage.failStaleTrials()).isZero();
        }
    }

    @Test
    void aBudgetHeldByAWorkerThatDiedIsFreedForTheLiving() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path file = folder.resolve("held.jsonl");
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            // another process appends a trial and dies while it runs
            Files.writeString(file, line(new JournalCodec().trial("s", 0, Instant.now(), WorkerId.of(gone.toHandle()))) + "\n",
                    StandardOpenOption.APPEND);

            OptionalInt next = storage.createTrialWithinBudget("s", 1, EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE));

            assertThat(next).hasValue(1);
            assertThat(storage.trial("s", 0).state()).isEqualTo(TrialState.FAIL);
        }
    }

    private static String line(byte[] record) {
        return new String(record, StandardCharsets.UTF_8).strip();
    }

    @Test
    void aClosedStorageSaysSo() {
        JournalStorage storage = JournalStorage.open(folder.resolve("closed.jsonl"));
        storage.createStudy("s", Direction.MINIMIZE);
        storage.close();

        assertThatIllegalStateException().isThrownBy(() -> storage.trials("s")).withMessageContaining("is closed");
    }

    @Test
    void anInterruptedThreadStillWritesAndStaysInterrupted() {
        try (JournalStorage storage = JournalStorage.open(folder.resolve("interrupt.jsonl"));
                JournalStorage other = JournalStorage.open(folder.resolve("interrupt.jsonl"))) {
            storage.createStudy("s", Direction.MINIMIZE);
            Thread.currentThread().interrupt();
            try {
                int number = storage.createTrial("s");
                storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(other.trials("s")).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.COMPLETE);
        }
    }

    @Test
    void callsMadeTogetherAreWrittenInOneAppendAfterTheLastOfThem() throws IOException {
        Path file = folder.resolve("together.jsonl");
        List<FrozenTrial> written;
        try (JournalStorage storage = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            long before = Files.size(file);
            int linesBefore = Files.readAllLines(file).size();
            int number = storage.together(() -> {
                int started = storage.startTrial("s").number();
                storage.setParam("s", started, "x", Uniform.of(0, 1), 0.25);
                storage.setParam("s", started, "y", Uniform.of(0, 1), 0.75);
                // a sampler reading the study meanwhile sees the trial and its values, not yet in the file
                assertThat(storage.trials("s")).singleElement().satisfies(trial -> assertThat(trial.params())
                        .containsEntry("x", 0.25).containsEntry("y", 0.75));
                assertThat(fileSize(file)).isEqualTo(before);
                return started;
            });
            assertThat(Files.readAllLines(file)).hasSize(linesBefore + 3)
                    .extracting(line -> line.substring(0, line.indexOf(',')))
                    .endsWith("{\"op\":\"trial\"", "{\"op\":\"param\"", "{\"op\":\"param\"");
            storage.finishTrial("s", number, TrialState.COMPLETE, OptionalDouble.of(1), null);
            written = storage.trials("s");
        }

        try (JournalStorage storage = JournalStorage.open(file)) {
            assertThat(storage.trials("s")).isEqualTo(written);
        }
    }

    @Test
    void callsMadeTogetherAreWrittenWhenTheyThrowAndTheStorageGoesOn() throws IOException {
        Path file = folder.resolve("together-throws.jsonl");
        try (JournalStorage storage = JournalStorage.open(file);
                JournalStorage other = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);
            assertThatIllegalStateException().isThrownBy(() -> storage.together(() -> {
                int started = storage.startTrial("s").number();
                storage.setParam("s", started, "x", Uniform.of(0, 1), 0.5);
                throw new IllegalStateException("the sampler failed");
            })).withMessage("the sampler failed");

            assertThat(other.trials("s")).singleElement().satisfies(trial -> {
                assertThat(trial.state()).isEqualTo(TrialState.RUNNING);
                assertThat(trial.params()).containsEntry("x", 0.5);
            });
            storage.finishTrial("s", 0, TrialState.FAIL, OptionalDouble.empty(), null);
            int next = storage.together(() -> storage.together(() -> storage.startTrial("s").number()));
            assertThat(next).isEqualTo(1);
            assertThat(other.trials("s")).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.RUNNING);
        }
    }

    @Test
    void anotherThreadOfTheStorageWaitsForCallsMadeTogether() throws Exception {
        try (JournalStorage storage = JournalStorage.open(folder.resolve("together-threads.jsonl"))) {
            storage.createStudy("s", Direction.MINIMIZE);

            assertAnotherWaitsForCallsMadeTogether(storage, storage);
        }
    }

    @Test
    void anotherWorkerOfTheJournalWaitsForCallsMadeTogether() throws Exception {
        Path file = folder.resolve("together-workers.jsonl");
        try (JournalStorage storage = JournalStorage.open(file);
                JournalStorage other = JournalStorage.open(file)) {
            storage.createStudy("s", Direction.MINIMIZE);

            assertAnotherWaitsForCallsMadeTogether(storage, other);
        }
    }

    /**
     * Starts trial #0 of study {@code s} and sets its knob as one unit in {@code storage}; inside the
     * unit, another thread starts a trial in {@code other}. That thread must be held (blocked or
     * parked, not finished) for as long as the unit runs, then get trial #1 and find trial #0 whole.
     */
    private static void assertAnotherWaitsForCallsMadeTogether(JournalStorage storage, JournalStorage other)
            throws Exception {
        CompletableFuture<FrozenTrial> foundFirst = new CompletableFuture<>();
        CompletableFuture<Integer> startedSecond = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                startedSecond.complete(other.startTrial("s").number());
                foundFirst.complete(other.trial("s", 0));
            } catch (Throwable failed) {
                startedSecond.completeExceptionally(failed);
                foundFirst.completeExceptionally(failed);
            }
        }, "other worker");

        int first = storage.together(() -> {
            int started = storage.startTrial("s").number();
            thread.start();
            // no time limit: the thread either waits for this unit (and so stops running) or finishes without it
            while (thread.getState() == Thread.State.NEW || thread.getState() == Thread.State.RUNNABLE) {
                Thread.onSpinWait();
            }
            assertThat(startedSecond).as("the other thread started a trial while the calls ran").isNotDone();
            assertThat(thread.getState()).isIn(Thread.State.BLOCKED, Thread.State.WAITING);
            storage.setParam("s", started, "x", Uniform.of(0, 1), 0.5);
            return started;
        });
        thread.join();

        assertThat(first).isZero();
        assertThat(startedSecond.get()).isEqualTo(1);
        assertThat(foundFirst.get().params()).containsExactly(Map.entry("x", 0.5));
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }
}
