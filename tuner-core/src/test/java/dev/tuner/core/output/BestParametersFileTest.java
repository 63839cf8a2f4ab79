package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Scale;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestParametersFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);
    private static final String NAME = "com.acme.QuadraticTuning.quad1";

    @TempDir
    Path directory;

    private final BestParametersFile writer = new BestParametersFile(CLOCK);

    /** Runs one trial that reads every kind of knob and tells {@code value}, NaN meaning failed. */
    private static void trial(Study study, double value) {
        Trial trial = study.ask();
        trial.suggestFloat(NAME + ".x", -10, 10);
        trial.suggestFloat(NAME + ".lr", 1e-5, 1e-1, Scale.LOG);
        trial.suggestInt(NAME + ".layers", 1, 8);
        trial.suggestCategorical(NAME + ".act", List.of("relu", "tanh"));
        trial.suggest(NAME + ".scale", Choice.of(List.of(Scale.values())));
        if (Double.isNaN(value)) {
            study.tellFailure(trial, new IllegalStateException("diverged"));
        } else {
            study.tell(trial, value);
        }
    }

    @Test
    void enqueuedTrialsCountAsWaitingToRun() {
        Study study = Studies.inMemory(NAME, 5);
        for (int i = 0; i < 6; i++) {
            trial(study, i);
        }
        study.enqueue(Map.of(NAME + ".x", 0.123456));
        study.enqueue(Map.of(NAME + ".x", 0.654321));
        StudySnapshot snapshot = StudySnapshot.of(study);

        assertThat(writer.render(snapshot, PickedTrial.of(snapshot, BestParametersFile.defaultPick(snapshot)), null))
                .contains("# trials: 8 (6 complete, 0 failed, 2 waiting to run)");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static List<String> comments(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.startsWith("#"))
                .collect(Collectors.toList());
    }

    @Test
    void writesTheBestTrialsValuesAtFullPrecision() throws IOException {
        Study study = Studies.inMemory(NAME, 5);
        trial(study, 5);
        trial(study, 0.1);
        trial(study, Double.NaN);
        trial(study, 3);
        FrozenTrial best = study.bestTrial().orElseThrow();

        Path file = writer.write(directory, StudySnapshot.of(study));

        assertThat(file).isEqualTo(directory.resolve(NAME + ".properties")).isRegularFile();
        Properties properties = load(file);
        assertThat(properties).hasSize(5);
        assertThat(Double.parseDouble(properties.getProperty(NAME + ".x"))).isEqualTo(best.params().get(NAME + ".x"));
        assertThat(Double.parseDouble(properties.getProperty(NAME + ".lr"))).isEqualTo(best.params().get(NAME + ".lr"));
        assertThat(Long.parseLong(properties.getProperty(NAME + ".layers"))).isEqualTo(best.params().get(NAME + ".layers"));
        assertThat(properties.getProperty(NAME + ".act")).isEqualTo(best.params().get(NAME + ".act"));
        assertThat(Scale.valueOf(properties.getProperty(NAME + ".scale"))).isEqualTo(best.params().get(NAME + ".scale"));
        assertThat(best.number()).isOne();
    }

    @Test
    void commentsSayWhereTheValuesCameFrom() throws IOException {
        Study study = Studies.inMemory(NAME, 5);
        trial(study, 5);
        trial(study, 0.1);
        trial(study, Double.NaN);
        trial(study, 3);

        Path file = writer.write(directory, StudySnapshot.of(study));

        assertThat(comments(file)).containsExactly(
                "# Best parameters of study " + NAME,
                "# objective: 0.1 (minimize), trial #1",
                "# trials: 4 (3 complete, 1 failed)",
                "# written: 2026-11-22T10:15:30Z");
    }

    @Test
    void commentsNameTheDirection() throws IOException {
        Study study = Studies.builder(NAME, 5).direction(Direction.MAXIMIZE).build();
        trial(study, 5);
        trial(study, 7.25);
        trial(study, 7.25);

        Path file = writer.write(directory, StudySnapshot.of(study));

        assertThat(comments(file)).contains("# objective: 7.25 (maximize), trial #1", "# trials: 3 (3 complete, 0 failed)");
    }

    @Test
    void escapesKeysAndValuesSoThatPropertiesLoadReadsThemBack() throws IOException {
        List<String> names = List.of("key with spaces", "a=b:c", "größe", "#hash", "emoji😀");
        List<String> values = List.of(" leading and inner spaces ", "x = y: z", "naïve café", "back\\slash\ttab", "!bang");
        Study study = Studies.inMemory(NAME, 5);
        Trial trial = study.ask();
        for (int i = 0; i < names.size(); i++) {
            trial.suggestCategorical(names.get(i), List.of(values.get(i)));
        }
        study.tell(trial, 1);

        Path file = writer.write(directory, StudySnapshot.of(study));

        Properties properties = load(file);
        assertThat(properties).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(properties.getProperty(names.get(i))).as(names.get(i)).isEqualTo(values.get(i));
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).matches("(?s)[\\x20-\\x7e\n]*");
    }

    @Test
    void replacesAnEarlierFileWholeAndLeavesNothingElse() throws IOException {
        Study study = Studies.inMemory(NAME, 5);
        trial(study, 5);
        Path file = writer.write(directory, StudySnapshot.of(study));
        trial(study, 1);

        writer.write(directory, StudySnapshot.of(study));

        assertThat(comments(file)).contains("# objective: 1.0 (minimize), trial #1");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void createsAMissingDirectory() {
        Study study = Studies.inMemory(NAME, 5);
        trial(study, 5);

        Path file = writer.write(directory.resolve("target/tuner"), StudySnapshot.of(study));

        assertThat(file).isEqualTo(BestParametersFile.pathFor(directory.resolve("target/tuner"), NAME)).isRegularFile();
    }

    @Test
    void refusesAStudyWithoutACompleteTrial() throws IOException {
        Study study = Studies.inMemory(NAME, 5);
        trial(study, Double.NaN);
        study.ask();

        assertThatIllegalStateException()
                .isThrownBy(() -> writer.write(directory, StudySnapshot.of(study)))
                .withMessageContaining("study '" + NAME + "' has no complete trial");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
    @Test
    void mergingKeepsOtherKnobsAndReplacesThisStudysAndTheResultRunsAgain() throws IOException {
        Path file = directory.resolve("resources/tuner.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "com.acme.Other.cacheSize=64\n" + NAME + ".x=9.5\n");
        Study study = Studies.inMemory(NAME, 5);
        trial(study, 2.0);
        trial(study, 1.0);
        FrozenTrial best = study.bestTrial().orElseThrow();

        writer.mergeInto(file, StudySnapshot.of(study), StorageName.of("journal:target/tuner/journal.jsonl"));

        Properties merged = load(file);
        assertThat(merged.getProperty("com.acme.Other.cacheSize")).isEqualTo("64");
        assertThat(Double.parseDouble(merged.getProperty(NAME + ".x"))).isEqualTo(best.params().get(NAME + ".x"));
        assertThat(merged.getProperty(NAME + ".scale")).isEqualTo(((Scale) best.params().get(NAME + ".scale")).name());
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }

        // the merged text is read back into the same values by an enqueued trial
        Study again = Studies.inMemory(NAME, 5);
        again.enqueue(KnownParameters.fromFile(file).orElseThrow().values());
        trial(again, 0.5);
        assertThat(again.trials().get(0).params()).isEqualTo(best.params());
    }

    @Test
    void twoStudiesSuggestingOneNameKeepTheirValuesApartInOneFile() throws IOException {
        Path file = directory.resolve("tuner.properties");
        String first = "com.acme.BoostTuning.accuracy";
        String second = "com.acme.BoostTuning.latency";
        Study accuracy = Studies.inMemory(first, 5);
        Trial a = accuracy.ask();
        a.suggestInt(first + ".rounds", 1, 5);
        accuracy.tell(a, 1.0);
        Study latency = Studies.inMemory(second, 6);
        Trial b = latency.ask();
        b.suggestInt(second + ".rounds", 10, 50);
        latency.tell(b, 1.0);
        StorageName storage = StorageName.of("journal:target/tuner/journal.jsonl");

        writer.mergeInto(file, StudySnapshot.of(accuracy), storage);
        writer.mergeInto(file, StudySnapshot.of(latency), storage);

        Properties merged = load(file);
        assertThat(merged.stringPropertyNames()).containsExactlyInAnyOrder(first + ".rounds", second + ".rounds");
        assertThat(Integer.parseInt(merged.getProperty(first + ".rounds"))).isBetween(1, 5);
        assertThat(Integer.parseInt(merged.getProperty(second + ".rounds"))).isBetween(10, 50);
    }

    @Test
    void mergingDropsTheBareKeyTuner01WroteForAKnobTheStudyNowNames() throws IOException {
        Path file = directory.resolve("tuner.properties");
        Files.writeString(file, "x=9.5\ncom.acme.Other.cacheSize=64\nother=1\n");
        Study study = Studies.inMemory(NAME, 5);
        trial(study, 1.0);

        writer.mergeInto(file, StudySnapshot.of(study), StorageName.of("journal:target/tuner/journal.jsonl"));

        Properties merged = load(file);
        assertThat(merged.getProperty("x")).isNull();
        assertThat(merged.getProperty(NAME + ".x")).isNotNull();
        assertThat(merged.getProperty("other")).isEqualTo("1");
        assertThat(merged.getProperty("com.acme.Other.cacheSize")).isEqualTo("64");
    }
}
