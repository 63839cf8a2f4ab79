package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which a best run looks for a study's best, and what it says of each place. */
class BestLookupTest {

    private static final String STUDY = "com.acme.T.loss";
    private static final StorageName JOURNAL = StorageName.of("journal:target/tuner/journal.jsonl");

    @TempDir
    Path folder;

    private Path outputDirectory() throws IOException {
        return Files.createDirectories(folder.resolve("target/tuner"));
    }

    /** A class loader whose resource tuner.properties has {@code text}, or none when null. */
    private ClassLoader classpath(String text) throws IOException {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        if (text != null) {
            Files.writeString(classes.resolve("tuner.properties"), text);
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    private static String merged(String study, int trial, double x) {
        return BestParametersFile.MERGED_TITLE + "\n# study " + study + ": trial #" + trial + ", value " + x
                + " (minimize), written 2026-11-22T10:15:30Z, from journal:target/tuner/journal.jsonl\n" + study + ".x=" + x + "\n";
    }

    @Test
    void theStoredBestComesFirst() throws IOException {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(STUDY, Direction.MINIMIZE);
        int number = storage.createTrial(STUDY);
        storage.finishTrial(STUDY, number, TrialState.COMPLETE, OptionalDouble.of(1), null);
        Files.writeString(outputDirectory().resolve(STUDY + ".properties"), STUDY + ".x=9\n");

        BestLookup.Found found = new BestLookup(outputDirectory(), Optional.empty(), Optional.empty(), classpath(null))
                .find(STUDY, Direction.MINIMIZE, StorageName.of("memory:"), Optional.of(storage));

        assertThat(found.known().orElseThrow().source()).isEqualTo("best trial #0 of memory:");
        assertThat(found.lookedIn()).isEmpty();
    }

    @Test
    void theClasspathProductionValuesServeWhenNothingElseKnowsTheStudy() throws IOException {
        BestLookup.Found found = new BestLookup(outputDirectory(), Optional.empty(), Optional.empty(),
                classpath(merged(STUDY, 57, 0.5))).find(STUDY, Direction.MINIMIZE, JOURNAL, Optional.empty());

        KnownParameters known = found.known().orElseThrow();
        assertThat(known.values()).isEqualTo(Map.of(STUDY + ".x", "0.5"));
        assertThat(known.trialNumber()).hasValue(57);
        assertThat(known.where()).isEqualTo("classpath tuner.properties");
        assertThat(known.source()).startsWith("classpath tuner.properties (").endsWith(
                "classes/tuner.properties; trial #57 of journal:target/tuner/journal.jsonl)");
        assertThat(found.lookedIn()).containsExactly("journal:target/tuner/journal.jsonl (nothing stored there yet)",
                outputDirectory().resolve(STUDY + ".properties") + " (no such file)", "tuner.output.file (not set)");
    }

    @Test
    void theOutputFileComesBeforeTheProductionFileAndAFileOfOtherStudiesIsPassedOver() throws IOException {
        Path outputFile = folder.resolve("merged.properties");
        Files.writeString(outputFile, merged("com.acme.Other.size", 3, 1.0));
        Path production = folder.resolve("production.properties");
        Files.writeString(production, STUDY + ".x=0.25\n");

        BestLookup.Found found = new BestLookup(outputDirectory(), Optional.of(outputFile), Optional.of(production),
                classpath(merged(STUDY, 57, 0.5))).find(STUDY, Direction.MINIMIZE, JOURNAL, Optional.empty());

        assertThat(found.known().orElseThrow().values()).isEqualTo(Map.of(STUDY + ".x", "0.25"));
        assertThat(found.known().orElseThrow().source()).isEqualTo(production + " (tuner.properties)");
        assertThat(found.known().orElseThrow().trialNumber()).isEmpty();
        assertThat(found.lookedIn()).contains(outputFile + " (tuner.output.file; holds other studies' values only)");
    }

    @Test
    void nothingKnownListsEveryPlace() throws IOException {
        BestLookup.Found found = new BestLookup(outputDirectory(), Optional.empty(), Optional.empty(), classpath(null))
                .find(STUDY, Direction.MINIMIZE, JOURNAL, Optional.of(new InMemoryStorage()));

        assertThat(found.known()).isEmpty();
        assertThat(found.lookedIn()).containsExactly("journal:target/tuner/journal.jsonl (no complete trial of the study)",
                outputDirectory().resolve(STUDY + ".properties") + " (no such file)", "tuner.output.file (not set)",
                "classpath tuner.properties (none on the test classpath)");
    }
}
