package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.trialNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tuner.Tune;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The knobs a {@code @Tune} method suggests through its {@code Trial} are its study's: two studies
 * that suggest one name write it apart, and a best run, replay or warm start reads each back.
 */
class SuggestedKnobsTest {

    private static final String FIRST = TwoStudiesTestCase.class.getName() + ".first";
    private static final String SECOND = TwoStudiesTestCase.class.getName() + ".second";

    @TempDir
    Path outputDir;

    @BeforeEach
    void setUp() {
        TwoStudiesTestCase.SEEN.clear();
    }

    private EngineExecutionResults bestRun(String... settings) {
        EngineTestKit.Builder kit = EngineTestKit.engine(TunerTestEngine.ENGINE_ID)
                .selectors(selectClass(TwoStudiesTestCase.class))
                .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString())
                .configurationParameter(Constants.STORAGE_PROPERTY_NAME, "memory:")
                .configurationParameter(Constants.MODE_PROPERTY_NAME, "best");
        for (int i = 0; i < settings.length; i += 2) {
            kit.configurationParameter(settings[i], settings[i + 1]);
        }
        return kit.execute();
    }

    @Test
    void twoStudiesSuggestingOneNameWriteItApartAndABestRunReadsEachBack() throws IOException {
        Path merged = outputDir.resolve("tuner.properties");

        execute(TwoStudiesTestCase.class, outputDir, Constants.OUTPUT_FILE_PROPERTY_NAME, merged.toString(),
                "tuner.seed", "3");

        Properties values = load(merged);
        assertThat(values.stringPropertyNames()).containsExactlyInAnyOrder(FIRST + ".rounds", SECOND + ".rounds");
        int first = Integer.parseInt(values.getProperty(FIRST + ".rounds"));
        int second = Integer.parseInt(values.getProperty(SECOND + ".rounds"));
        assertThat(first).isBetween(1, 4);
        assertThat(second).isBetween(10, 14);
        assertThat(load(outputDir.resolve(FIRST + ".properties")).stringPropertyNames()).containsExactly(FIRST + ".rounds");

        // a fresh checkout: only the merged file, which a best run reads each study's value from
        Files.delete(outputDir.resolve(FIRST + ".properties"));
        Files.delete(outputDir.resolve(SECOND + ".properties"));
        TwoStudiesTestCase.SEEN.clear();
        EngineExecutionResults best = bestRun(Constants.OUTPUT_FILE_PROPERTY_NAME, merged.toString());

        assertThat(TwoStudiesTestCase.SEEN).containsExactlyInAnyOrder("first " + first, "second " + second);
        assertThat(trialNames(best)).allSatisfy(name -> assertThat(name).contains("rounds="));
        assertThat(warnings(best)).isEmpty();
    }

    @Test
    void aBareKeyOfTuner01IsReadAsTheStudysKnobWithAWarning() throws IOException {
        Path legacy = outputDir.resolve("legacy.properties");
        Files.writeString(legacy, "# study " + FIRST + ": trial #2, from journal:target/tuner/journal.jsonl\nrounds=3\n");

        EngineExecutionResults best = bestRun(Constants.OUTPUT_FILE_PROPERTY_NAME, legacy.toString());

        assertThat(TwoStudiesTestCase.SEEN).containsExactly("first 3");
        assertThat(warnings(best)).singleElement().asString()
                .contains("study " + FIRST + ": " + legacy)
                .contains("bare names (rounds)")
                .contains("read as " + FIRST + ".rounds until Tuner 0.2")
                .contains("run mvn tuner:tune again");
    }

    @Test
    void aWarmStartFromAFileOfBareKeysStartsFromThem() throws IOException {
        Path legacy = outputDir.resolve("legacy.properties");
        Files.writeString(legacy, "rounds=2\n");

        EngineExecutionResults results = execute(TwoStudiesTestCase.class, outputDir,
                Constants.WARM_START_PROPERTY_NAME, legacy.toString(), Constants.TRIALS_PROPERTY_NAME, "1");

        assertThat(TwoStudiesTestCase.SEEN).contains("first 2");
        assertThat(warnings(results)).anySatisfy(warning -> assertThat(warning).contains("study " + FIRST + ": "));
    }

    private static List<String> warnings(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .map(pairs -> pairs.get(Constants.WARNING_ENTRY))
                .filter(warning -> warning != null)
                .toList();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Two studies of one class, each suggesting a knob named {@code rounds}, with ranges apart. */
    static class TwoStudiesTestCase {

        static final List<String> SEEN = new ArrayList<>();

        @Tune(trials = 6)
        double first(Trial trial) {
            int rounds = trial.suggestInt("rounds", 1, 4);
            SEEN.add("first " + rounds);
            return Math.abs(rounds - 2);
        }

        @Tune(trials = 6)
        double second(Trial trial) {
            int rounds = trial.suggestInt("rounds", 10, 14);
            SEEN.add("second " + rounds);
            return Math.abs(rounds - 12);
        }
    }
}
