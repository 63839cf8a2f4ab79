package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.trialNames;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A key renamed to dotted lower case still works under its old name, from wherever it is given, with
 * one warning for the run naming the old key, the new one and where the old one came from.
 */
class RenamedKeysTest {

    @TempDir
    Path outputDir;

    /** Held, so that the logger and its handler live as long as the test. */
    private final Logger engineLog = Logger.getLogger(TunerTestEngine.class.getName());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        engineLog.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        engineLog.removeHandler(handler);
    }

    @Test
    void anOldKeyStillAppliesAndTheRunWarnsOnceNamingItsNewKey() {
        EngineExecutionResults results = execute(TwoStudiesTestCase.class, outputDir,
                "tuner.displayname", "trial {number}");

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(trialNames(results)).hasSize(6).allMatch(name -> name.matches("trial \\d"));
        assertThat(warnings).containsExactly("tuner.displayname (a configuration parameter of the launch) is"
                + " deprecated; use tuner.display.name (the old name works until Tuner 0.2)");
    }

    @Test
    void theWarningSaysWhetherTheOldKeyCameFromJunitPlatformPropertiesOrASystemProperty() throws IOException {
        Path production = outputDir.resolve("production.properties");
        Path warmStart = outputDir.resolve("warm.properties");
        Files.writeString(warmStart, TwoStudiesTestCase.class.getName() + ".first.x=0.25\n");
        Path resources = Files.createDirectories(outputDir.resolve("resources"));
        Files.writeString(resources.resolve("junit-platform.properties"), "tuner.outputFile=" + production + "\n");
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        System.setProperty("tuner.warmstart", warmStart.toString());
        try (URLClassLoader withPropertiesFile = new URLClassLoader(new URL[] {resources.toUri().toURL()}, original)) {
            Thread.currentThread().setContextClassLoader(withPropertiesFile);
            EngineExecutionResults results = EngineTestKit.engine(TunerTestEngine.ENGINE_ID)
                    .selectors(selectClass(TwoStudiesTestCase.class))
                    .enableImplicitConfigurationParameters(true)
                    .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString())
                    .configurationParameter(Constants.STORAGE_PROPERTY_NAME, "memory:")
                    .configurationParameter(Constants.MODE_PROPERTY_NAME, "search")
                    .execute();

            results.containerEvents().assertStatistics(stats -> stats.failed(0));
            assertThat(TunerKit.trialLines(results)).contains("#0 x=0.25 → 0.0625");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
            System.clearProperty("tuner.warmstart");
        }

        assertThat(Files.readString(production)).contains(TwoStudiesTestCase.class.getName() + ".first.x=");
        assertThat(warnings).containsExactlyInAnyOrder(
                "tuner.outputFile (in junit-platform.properties) is deprecated; use tuner.output.file"
                        + " (the old name works until Tuner 0.2)",
                "tuner.warmstart (a -D system property) is deprecated; use tuner.warm.start"
                        + " (the old name works until Tuner 0.2)");
    }

    @Test
    void anOldAndItsNewKeyWithDifferentValuesFailEachStudyNamingBoth() {
        EngineExecutionResults results = execute(TwoStudiesTestCase.class, outputDir,
                "tuner.outputFile", "a.properties", "tuner.output.file", "b.properties");

        for (String study : List.of("first(double)", "second(double)")) {
            results.containerEvents().assertThatEvents().haveExactly(1, event(
                    uniqueId(studyId(TwoStudiesTestCase.class, study)),
                    finishedWithFailure(message("tuner.outputFile=a.properties (a configuration parameter of the"
                            + " launch) and tuner.output.file=b.properties (a configuration parameter of the launch)"
                            + " set one setting to different values; keep tuner.output.file, its new name, and remove"
                            + " tuner.outputFile"))));
        }
    }

    static class TwoStudiesTestCase {
        @Tune(trials = 3, seed = 1)
        double first(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }

        @Tune(trials = 3, seed = 2)
        double second(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }
    }
}
