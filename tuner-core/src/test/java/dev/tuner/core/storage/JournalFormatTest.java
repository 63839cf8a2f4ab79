package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.Direction;
import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's format, version 3, against a file that the code of commit 4ad1cef wrote from the
 * calls of {@link #writeSample}: every record is written byte for byte as then, and the file
 * still reads back to the same trials. A change to how records are written must keep both.
 */
class JournalFormatTest {

    /** Written by {@link #writeSample} at commit 4ad1cef, before the journal's codec changed. */
    private static final String SAMPLE = "journal-v3-sample.jsonl";

    private static final WorkerId WORKER = new WorkerId("host \"h\" ü", 4711, 1_795_000_000_000L);
    private static final WorkerId OTHER = new WorkerId("h2", 4712, 1_795_000_000_900L);

    @TempDir
    Path folder;

    @Test
    void writesEveryRecordByteForByteAsVersionThreeDid() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        for (byte[] line : writeSample(new JournalCodec())) {
            written.write(line);
        }

        assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(sample());
    }

    @Test
    void readsAVersionThreeJournalBackToTheTrialsItWasWrittenFrom() throws IOException {
        Path file = folder.resolve(SAMPLE);
        Files.writeString(file, sample());

        try (JournalStorage storage = JournalStorage.openToRead(file)) {
            List<FrozenTrial> trials = storage.trials("quad1");
            assertThat(trials).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.FAIL,
                    TrialState.RUNNING, TrialState.WAITING, TrialState.PRUNED);

            FrozenTrial complete = trials.get(0);
            assertThat(complete.params()).containsOnlyKeys("x", "lr", "layers", "act")
                    .contains(entry("x", 3.25), entry("layers", 4L), entry("act", "tanh"));
            assertThat(complete.suggestions().get("lr").internal()).isEqualTo(Math.log(3.2e-3));
            assertThat(complete.intermediateValues()).containsExactly(entry(0, 0.91), entry(1, Double.NaN),
                    entry(2, Double.NEGATIVE_INFINITY));
            assertThat(complete.value()).hasValue(8.31);
            assertThat(complete.started()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123456Z"));
            assertThat(complete.finished()).hasValue(Instant.parse("2026-11-22T10:00:01.456789Z"));

            assertThat(trials.get(1).failure()).contains(new TrialFailure("java.lang.IllegalStateException",
                    "line one\nline \"two\"\t✂ \u0007 \u2028", "A.b(A.java:3)"));
            assertThat(trials.get(1).finished()).hasValue(Instant.parse("2026-11-22T10:00:02Z"));
            assertThat(trials.get(2).enqueuedValues()).containsExactly(entry("x", "0.25"), entry("act \"q\"", "relu ü"));
            assertThat(trials.get(2).started()).as("claimed").isEqualTo(Instant.parse("2026-11-22T10:00:06.999999Z"));
            assertThat(trials.get(3).started()).as("enqueued").isEqualTo(Instant.parse("2026-11-22T10:00:05Z"));
            assertThat(trials.get(3).enqueuedValues()).containsExactly(entry("x", "0.75"));

            FrozenTrial pruned = trials.get(4);
            assertThat(pruned.started()).isEqualTo(Instant.parse("+12026-01-01T00:00:00.000007Z"));
            assertThat(pruned.value()).hasValue(2.82879384806159E17);
            assertThat(pruned.params()).containsOnlyKeys("sd", "ln", "flag", "kernel", "opt", "int");

            List<FrozenTrial> quoted = storage.trials("s \"quoted\" ü\n");
            assertThat(quoted).singleElement().satisfies(trial -> {
                assertThat(trial.value()).hasValue(Double.NEGATIVE_INFINITY);
                assertThat(trial.started()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
            });
        }
    }

    /** Every kind of record, with the values that test its escaping and its numbers. */
    static List<byte[]> writeSample(JournalCodec records) throws IOException {
        String study = "quad1";
        Map<String, String> enqueued = new LinkedHashMap<>();
        enqueued.put("x", "0.25");
        enqueued.put("act \"q\"", "relu ü");
        return List.of(
                records.header(),
                records.study(study, Direction.MINIMIZE),
                records.study("s \"quoted\" ü\n", Direction.MAXIMIZE),
                records.trial(study, 0, Instant.parse("2026-11-22T10:00:00.123456Z"), WORKER),
                records.param(study, 0, "x", Uniform.of(-10, 10), 3.25),
                records.param(study, 0, "lr", LogUniform.of(1e-5, 0.1), Math.log(3.2e-3)),
                records.param(study, 0, "layers", IntUniform.of(1, 8), 4),
                records.param(study, 0, "act", Choice.of("relu", "tanh", 16, 0.5, true, 3L), 1),
                records.intermediate(study, 0, 0, 0.91),
                records.intermediate(study, 0, 1, Double.NaN),
                records.intermediate(study, 0, 2, Double.NEGATIVE_INFINITY),
                records.finish(study, 0, TrialState.COMPLETE, OptionalDouble.of(8.31), null,
                        Instant.parse("2026-11-22T10:00:01.456789Z")),
                records.trial(study, 1, Instant.parse("2026-11-22T10:00:01.5Z"), WORKER),
                records.param(study, 1, "x", Uniform.of(-10, 10), -1e-300),
                records.finish(study, 1, TrialState.FAIL, OptionalDouble.empty(),
                        new TrialFailure("java.lang.IllegalStateException", "line one\nline \"two\"\t✂ \u0007 \u2028",
                                "A.b(A.java:3)"),
                        Instant.parse("2026-11-22T10:00:02Z")),
                records.enqueue(study, 2, Instant.parse("2026-11-22T10:00:04.000001Z"), enqueued, -1),
                records.enqueue(study, 3, Instant.parse("2026-11-22T10:00:05Z"), Map.of("x", "0.75"), 1),
                records.claim(study, 2, Instant.parse("2026-11-22T10:00:06.999999Z"), OTHER),
                records.trial(study, 4, Instant.parse("+12026-01-01T00:00:00.000007Z"), WORKER),
                records.param(study, 4, "sd", Normal.of(0.5, 0.2), 0.1 + 0.2),
                records.param(study, 4, "ln", LogNormal.of(0, 1), 1e21),
                records.param(study, 4, "flag", Bool.of(), 1),
                records.param(study, 4, "kernel", Fixed.of("rbf"), 0),
                records.param(study, 4, "opt", PriorityChoice.of("adam", "sgd"), 0),
                records.param(study, 4, "int", new IntUniform(-(1L << 40), 1L << 40, 2, false), 1024),
                records.finish(study, 4, TrialState.PRUNED, OptionalDouble.of(2.82879384806159E17), null,
                        Instant.parse("+12026-01-01T00:00:01Z")),
                records.trial("s \"quoted\" ü\n", 0, Instant.parse("1969-12-31T23:59:59.999999Z"), WORKER),
                records.finish("s \"quoted\" ü\n", 0, TrialState.COMPLETE, OptionalDouble.of(Double.NEGATIVE_INFINITY),
                        null, Instant.parse("1970-01-01T00:00:00Z")));
    }

    private static String sample() throws IOException {
        try (InputStream in = JournalFormatTest.class.getResourceAsStream(SAMPLE)) {
            assertThat(in).as(SAMPLE).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
