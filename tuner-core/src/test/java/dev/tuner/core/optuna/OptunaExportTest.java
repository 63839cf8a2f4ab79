package dev.tuner.core.optuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.core.space.CustomDistribution;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuner → Optuna journal → Tuner, without Python: every field of every trial comes back. */
class OptunaExportTest {

    @TempDir
    Path dir;

    @Test
    void everyTrialOfEveryKindComesBackExactlyThroughAnOptunaJournal() {
        Path file = dir.resolve("optuna.log");
        try (Storage storage = JournalStorage.open(dir.resolve("journal.jsonl"))) {
            Studies.write(storage);

            Map<String, Integer> written = OptunaExport.write(storage, List.of(Studies.MIXED, Studies.MO), file);

            assertThat(written).containsExactly(Map.entry(Studies.MIXED, 7), Map.entry(Studies.MO, 4));
            List<OptunaStudy> read = OptunaJournal.read(file);
            assertThat(read).extracting(OptunaStudy::name).containsExactly(Studies.MIXED, Studies.MO);
            assertThat(read.get(0).directions()).containsExactly(Direction.MINIMIZE);
            assertThat(read.get(1).directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE);
            assertSameTrials(read.get(0).trials(), storage.trials(Studies.MIXED));
            assertSameTrials(read.get(1).trials(), storage.trials(Studies.MO));

            InMemoryStorage back = new InMemoryStorage();
            OptunaImport.copy(read.get(0), back, Studies.MIXED);
            OptunaImport.copy(read.get(1), back, Studies.MO);
            List<FrozenTrial> mixed = back.trials(Studies.MIXED);
            assertSameTrials(mixed.subList(0, 5), storage.trials(Studies.MIXED).subList(0, 5));
            assertThat(mixed.get(5).state()).as("a running trial comes in failed").isEqualTo(TrialState.FAIL);
            assertThat(mixed.get(5).failure().orElseThrow().message()).contains("was RUNNING in the Optuna journal");
            assertThat(mixed.get(6).state()).isEqualTo(TrialState.WAITING);
            assertThat(mixed.get(6).enqueuedValues()).containsExactly(Map.entry(Studies.MIXED + ".x", "0.5"));
            assertSameTrials(back.trials(Studies.MO), storage.trials(Studies.MO));
            assertThat(read.get(1).objectiveNames()).isEqualTo(Studies.MO_NAMES);
            assertThat(read.get(0).objectiveNames()).isEmpty();
            assertThat(back.objectiveNames(Studies.MO)).contains(Studies.MO_NAMES);
            assertThat(back.objectiveNames(Studies.MIXED)).isEmpty();
        }
    }

    @Test
    void theJournalHoldsOptunasOperationsAndSpellsNonFiniteNumbersAsPythonDoes() throws IOException {
        Path file = dir.resolve("optuna.log");
        InMemoryStorage storage = new InMemoryStorage();
        Studies.write(storage);

        OptunaExport.write(storage, List.of(Studies.MIXED), file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("{\"op_code\":0,\"worker_id\":\"tuner-export\",\"study_name\":\""
                + Studies.MIXED + "\",\"directions\":[1]}");
        assertThat(lines).anyMatch(line -> line.contains("\"intermediate_value\":NaN"))
                .anyMatch(line -> line.contains("\"intermediate_value\":-Infinity"))
                .anyMatch(line -> line.startsWith("{\"op_code\":4,") && line.contains("\"" + Studies.MIXED
                        + ".activation\":\"{\\\"name\\\":\\\"CategoricalDistribution\\\",\\\"attributes\\\":"
                        + "{\\\"choices\\\":[\\\"relu\\\",\\\"tanh\\\"]}}\"") && line.contains("\"" + Studies.MIXED
                        + ".activation\":1.0"))
                .anyMatch(line -> line.startsWith("{\"op_code\":6,") && line.contains("\"state\":1,\"values\":[2.5]"))
                .anyMatch(line -> line.contains("\"system_attrs\":{\"constraints\":[0.5,-3.0],\"tuner:constraints\":[\"size\",\"latency\"]}"));
        assertThat(OptunaJournal.isJournal(file)).isTrue();
        Path properties = Files.writeString(dir.resolve("best.properties"), "a.b.x=0.5\n");
        assertThat(OptunaJournal.isJournal(properties)).isFalse();
        try (JournalStorage tuners = JournalStorage.open(dir.resolve("journal.jsonl"))) {
            Studies.write(tuners);
        }
        assertThat(OptunaJournal.isJournal(dir.resolve("journal.jsonl"))).as("Tuner's own journal").isFalse();
    }

    @Test
    void anUnknownStudyOrACustomDistributionWithoutARangeIsRefusedByName() {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy("s", Direction.MINIMIZE);
        int trial = storage.createTrial("s");
        storage.setParam("s", trial, "s.power", new Unbounded(), 3);
        storage.finishTrial("s", trial, TrialState.COMPLETE, TrialResult.of(1.0), null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptunaExport.write(storage, List.of("nope"), dir.resolve("a.log")))
                .withMessageContaining("holds no study 'nope'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptunaExport.write(storage, List.of("s"), dir.resolve("b.log")))
                .withMessageContaining("knob 's.power' has the custom distribution unbounded()")
                .withMessageContaining("needs a finite range");
        assertThat(dir.resolve("b.log")).doesNotExist();
    }

    /** The same trials, field by field, with their times to the microsecond Optuna keeps and their workers. */
    static void assertSameTrials(List<FrozenTrial> actual, List<FrozenTrial> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            FrozenTrial want = expected.get(i);
            FrozenTrial got = actual.get(i);
            String trial = "trial #" + want.number();
            assertThat(got.number()).as(trial).isEqualTo(want.number());
            assertThat(got.state()).as(trial).isEqualTo(want.state());
            assertThat(got.result()).as(trial).isEqualTo(want.result());
            assertThat(got.suggestions()).as(trial).containsExactlyEntriesOf(want.suggestions());
            assertThat(got.failure()).as(trial).isEqualTo(want.failure());
            assertThat(got.intermediateValues()).as(trial).containsExactlyEntriesOf(want.intermediateValues());
            assertThat(got.enqueuedValues()).as(trial).containsExactlyEntriesOf(want.enqueuedValues());
            assertThat(got.worker()).as(trial).isEqualTo(want.worker());
            if (want.state() != TrialState.WAITING) {
                assertThat(got.started()).as(trial).isEqualTo(want.started().truncatedTo(ChronoUnit.MICROS));
                assertThat(got.finished()).as(trial).isEqualTo(want.finished().map(t -> t.truncatedTo(ChronoUnit.MICROS)));
            }
        }
    }

    /** A custom distribution over all reals, which Optuna's ranges cannot hold. */
    record Unbounded() implements CustomDistribution {
        @Override public double sample(UniformRandomProvider rng) { return rng.nextDouble(); }
        @Override public boolean contains(double internal) { return true; }
        @Override public Object toExternal(double internal) { return internal; }
        @Override public double toInternal(Object external) { return ((Number) external).doubleValue(); }
        @Override public double logDensity(double internal) { return 0; }
        @Override public double low() { return Double.NEGATIVE_INFINITY; }
        @Override public double high() { return Double.POSITIVE_INFINITY; }
        @Override public String toString() { return "unbounded()"; }
    }
}
