package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output names its storage, and a run from another storage does not replace the study's own. */
class StudyOutputsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);
    private static final String NAME = "com.acme.QuadraticTuning.quad1";
    private static final String KNOB = NAME + ".x";

    @TempDir
    Path directory;

    private StorageName main;
    private StorageName scratch;
    private final StorageName memory = StorageName.of("memory:");

    @BeforeEach
    void setUp() {
        main = StorageName.of("journal:" + directory.resolve("journal.jsonl"));
        scratch = StorageName.of("journal:" + directory.resolve("scratch/scratch.jsonl"));
    }

    /** A study of {@code trials} trials whose best has x = {@code best}. */
    private static StudySnapshot study(int trials, double best) {
        Study study = Studies.inMemory(NAME, 3);
        for (int i = 0; i < trials; i++) {
            study.enqueue(java.util.Map.of(KNOB, i == trials - 1 ? best : 5.0 + i % 5));
            Trial trial = study.ask();
            study.tell(trial, Math.abs(trial.suggestFloat(KNOB, -10, 10)));
        }
        return StudySnapshot.of(study);
    }

    private StudyOutputs outputs(boolean replace) {
        return outputs(Optional.empty(), replace);
    }

    private StudyOutputs outputs(Optional<Path> mergeInto, boolean replace) {
        return new StudyOutputs(directory, mergeInto, true, replace, CLOCK);
    }

    private static String x(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties.getProperty(KNOB);
    }

    @Test
    void eachOutputNamesTheStorageItCameFrom() throws IOException {
        StudyOutputs.Written written = outputs(false).write(study(3, 0.5), main, main, "tpe");

        assertThat(written.properties()).isEqualTo(directory.resolve(NAME + ".properties"));
        assertThat(written.warnings()).isEmpty();
        assertThat(Files.readAllLines(written.properties(), StandardCharsets.ISO_8859_1))
                .contains("# storage: " + main.text(), "# objective: 0.5 (minimize), trial #2");
        String page = Files.readString(written.page().orElseThrow());
        assertThat(page).contains("<dt>storage</dt><dd>" + main.text() + "</dd>", "\"storage\":\"" + main.text() + "\"");
        assertThat(Files.readString(directory.resolve("index.html"))).contains("<th data-type=\"text\">storage</th>",
                ">" + main.text() + "<");
    }

    @Test
    void aRunInMemoryWritesBesideTheMainStoragesOutputsAndSaysSo() throws IOException {
        outputs(false).write(study(200, 0.5), main, main, "tpe");

        StudyOutputs.Written side = outputs(false).write(study(12, 3.0), memory, main, "tpe");

        assertThat(x(directory.resolve(NAME + ".properties"))).isEqualTo("0.5");
        assertThat(side.properties()).isEqualTo(directory.resolve(NAME + "@memory.properties"));
        assertThat(side.page()).contains(directory.resolve(NAME + "@memory.html"));
        assertThat(x(side.properties())).isEqualTo("3.0");
        assertThat(Files.readString(directory.resolve(NAME + ".html"))).contains("\"trials\":200");
        assertThat(side.warnings()).singleElement().asString()
                .contains("study " + NAME + ": " + directory.resolve(NAME + ".properties") + " holds the best of "
                        + main.text() + ", not of this run's storage memory:, so it is left as it is")
                .contains("this run wrote its best to " + side.properties() + " and its report to " + side.page().get())
                .contains("memory: is gone when its run ends, so it never replaces");
        // both pages are listed, each with its storage
        assertThat(Files.readString(directory.resolve("index.html")))
                .contains("href=\"" + NAME + ".html\"", "href=\"" + NAME + "@memory.html\"", ">memory:<");
    }

    @Test
    void anInMemoryRunNeverReplacesAPersistentStoragesOutputsEvenWhenAskedTo() throws IOException {
        outputs(false).write(study(200, 0.5), main, main, "tpe");

        StudyOutputs.Written side = outputs(true).write(study(12, 3.0), memory, main, "tpe");

        assertThat(side.properties()).isEqualTo(directory.resolve(NAME + "@memory.properties"));
        assertThat(x(directory.resolve(NAME + ".properties"))).isEqualTo("0.5");
    }

    @Test
    void aRunOnAnotherJournalWritesBesideUnlessToldToReplace() throws IOException {
        outputs(false).write(study(200, 0.5), main, main, "tpe");

        StudyOutputs.Written side = outputs(false).write(study(12, 3.0), scratch, main, "tpe");

        assertThat(side.properties()).isEqualTo(directory.resolve(NAME + "@scratch.jsonl.properties"));
        assertThat(side.warnings()).singleElement().asString()
                .contains("not of this run's storage " + scratch.text())
                .contains("To make " + scratch.text() + " the study's storage, delete "
                        + directory.resolve(NAME + ".properties") + " and " + directory.resolve(NAME + ".html")
                        + ", or run with tuner.output.replace=true");

        StudyOutputs.Written replaced = outputs(true).write(study(12, 3.0), scratch, main, "tpe");

        assertThat(replaced.properties()).isEqualTo(directory.resolve(NAME + ".properties"));
        assertThat(replaced.warnings()).isEmpty();
        assertThat(Files.readAllLines(replaced.properties())).contains("# storage: " + scratch.text());
        // the scratch journal is now the study's: it replaces its own outputs without being told
        assertThat(outputs(false).write(study(13, 2.0), scratch, main, "tpe").warnings()).isEmpty();
    }

    @Test
    void aPersistentStorageReplacesWhatAnInMemoryOneWrote() throws IOException {
        outputs(false).write(study(12, 3.0), memory, main, "tpe");

        StudyOutputs.Written written = outputs(false).write(study(200, 0.5), main, main, "tpe");

        assertThat(written.properties()).isEqualTo(directory.resolve(NAME + ".properties"));
        assertThat(written.warnings()).isEmpty();
        assertThat(x(written.properties())).isEqualTo("0.5");
    }

    @Test
    void aFileThatNamesNoStorageCountsAsTheDefaultStoragesAndTheWarningSaysSo() throws IOException {
        Files.writeString(directory.resolve(NAME + ".properties"), "# Best parameters of study " + NAME + "\n"
                + "# objective: 0.5 (minimize), trial #57\n" + KNOB + "=0.5\n");

        StudyOutputs.Written side = outputs(false).write(study(12, 3.0), scratch, main, "tpe");

        assertThat(side.properties()).isEqualTo(directory.resolve(NAME + "@scratch.jsonl.properties"));
        assertThat(side.warnings()).singleElement().asString().contains("holds the best of " + main.text()
                + " (taken to be: " + directory.resolve(NAME + ".properties") + " names no storage");
        assertThat(outputs(false).write(study(200, 0.25), main, main, "tpe").warnings()).isEmpty();
        assertThat(x(directory.resolve(NAME + ".properties"))).isEqualTo("0.25");
    }

    @Test
    void aReportPageAloneSaysWhoseTheOutputsAre() throws IOException {
        new StudyOutputs(directory, Optional.empty(), true, false, CLOCK).write(study(200, 0.5), main, main, "tpe");
        Files.delete(directory.resolve(NAME + ".properties"));

        StudyOutputs.Written side = outputs(false).write(study(12, 3.0), scratch, main, "tpe");

        assertThat(side.properties()).isEqualTo(directory.resolve(NAME + "@scratch.jsonl.properties"));
    }

    @Test
    void theBestIsMergedWithItsStorageAndAnotherStoragesBestIsNot() throws IOException {
        Path production = directory.resolve("resources/tuner.properties");
        Files.createDirectories(production.getParent());
        Files.writeString(production, "com.acme.Other.size=3\n");

        StudyOutputs.Written first = outputs(Optional.of(production), false).write(study(200, 0.5), main, main, "tpe");

        assertThat(first.merged()).contains(production);
        assertThat(Files.readAllLines(production)).contains(BestParametersFile.MERGED_TITLE,
                "# study " + NAME + ": trial #199, value 0.5 (minimize), written 2026-11-22T10:15:30Z, from " + main.text(),
                "com.acme.Other.size=3", KNOB + "=0.5");

        StudyOutputs.Written side = outputs(Optional.of(production), false).write(study(12, 3.0), scratch, main, "tpe");

        assertThat(side.merged()).isEmpty();
        assertThat(x(production)).isEqualTo("0.5");
        assertThat(side.warnings()).hasSize(2).last().asString()
                .isEqualTo("study " + NAME + ": its best from " + scratch.text() + " is not merged into " + production
                        + ", whose values of the study came from " + main.text() + "; they are in "
                        + side.properties() + ". To make " + scratch.text() + " the study's storage, remove the line"
                        + " '# study " + NAME + ": …' (or, in a file that names no study, the study's keys) from "
                        + production + ", or run with tuner.output.replace=true");
    }

    @Test
    void mergingKeepsTheLinesOfOtherStudies() throws IOException {
        Path production = directory.resolve("tuner.properties");
        Files.writeString(production, BestParametersFile.MERGED_TITLE + "\n"
                + "# study com.acme.Other.loss: trial #4, value 1.0 (minimize), written 2026-01-01T00:00:00Z, from "
                + scratch.text() + "\ncom.acme.Other.size=3\n");

        outputs(Optional.of(production), false).write(study(3, 0.5), main, main, "tpe");

        OutputHeader header = OutputHeader.parse(Files.readString(production));
        assertThat(header.study("com.acme.Other.loss").flatMap(OutputHeader.Source::storage)).contains(scratch);
        assertThat(header.study(NAME).flatMap(OutputHeader.Source::storage)).contains(main);
        assertThat(header.study(NAME).orElseThrow().trial()).hasValue(2);
    }

    @Test
    void aProductionFileThatNamesNoStudyHoldsTheDefaultStoragesValuesOfTheKnobsItHas() throws IOException {
        Path production = directory.resolve("tuner.properties");
        Files.writeString(production, "# Tuned parameters, keyed by knob; written by Tuner, last from study " + NAME
                + " (trial #57) at 2026-01-01T00:00:00Z\n" + KNOB + "=0.5\n");
        Path unrelated = directory.resolve("unrelated.properties");
        Files.writeString(unrelated, "com.acme.Other.size=3\n");

        StudyOutputs.Written side = outputs(Optional.of(production), false).write(study(12, 3.0), scratch, main, "tpe");
        StudyOutputs.Written other = outputs(Optional.of(unrelated), false).write(study(12, 3.0), scratch, main, "tpe");

        assertThat(side.merged()).isEmpty();
        assertThat(x(production)).isEqualTo("0.5");
        assertThat(other.merged()).contains(unrelated);
        assertThat(x(unrelated)).isEqualTo("3.0");
    }

    @Test
    void withoutAReportOnlyThePropertiesAreWritten() throws IOException {
        StudyOutputs.Written written = new StudyOutputs(directory, Optional.empty(), false, false, CLOCK)
                .write(study(3, 0.5), memory, main, "");

        assertThat(written.page()).isEmpty();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(directory.resolve(NAME + ".properties"));
        }
    }
}
