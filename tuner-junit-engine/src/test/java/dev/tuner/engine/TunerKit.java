package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Condition;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs test-case classes through the real platform with the tuner engine, writing to a temporary directory. */
final class TunerKit {

    static final UniqueId ENGINE_ID = UniqueId.forEngine(TunerTestEngine.ENGINE_ID);

    /** The one test a search shows after its trials, for its best trial ({@code best #17 …}): counted with the trials' tests. */
    static final int BEST_TEST = 1;

    private TunerKit() {}

    /**
     * Runs the studies of {@code testClass} in search mode, each in a fresh in-memory storage;
     * {@code settings} are configuration parameters as key, value, key, value, and override those.
     */
    static EngineExecutionResults execute(Class<?> testClass, Path outputDir, String... settings) {
        return execute(selectClass(testClass), outputDir, settings);
    }

    /** Runs what {@code selector} selects, as {@link #execute(Class, Path, String...)} does. */
    static EngineExecutionResults execute(DiscoverySelector selector, Path outputDir, String... settings) {
        EngineTestKit.Builder kit = EngineTestKit.engine(TunerTestEngine.ENGINE_ID)
                .selectors(selector)
                .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString())
                .configurationParameter(Constants.STORAGE_PROPERTY_NAME, "memory:")
                .configurationParameter(Constants.MODE_PROPERTY_NAME, "search");
        for (int i = 0; i < settings.length; i += 2) {
            kit.configurationParameter(settings[i], settings[i + 1]);
        }
        return kit.execute();
    }

    static UniqueId classId(Class<?> testClass) {
        return ENGINE_ID.append(ClassDescriptor.SEGMENT_TYPE, testClass.getName());
    }

    static UniqueId studyId(Class<?> testClass, String methodSegment) {
        return classId(testClass).append(TuneMethodDescriptor.SEGMENT_TYPE, methodSegment);
    }

    /**
     * The display names of the trials, in the order they were registered; without the test a search
     * shows its best trial by after them ({@link #bestTests}).
     */
    static List<String> trialNames(EngineExecutionResults results) {
        Set<UniqueId> best = bestTests(results);
        return results.testEvents().dynamicallyRegistered()
                .map(Event::getTestDescriptor)
                .filter(test -> !best.contains(test.getUniqueId()))
                .map(TestDescriptor::getDisplayName)
                .collect(Collectors.toList());
    }

    /**
     * The tests a search showed its best trial by, after its trials: those that published
     * {@link Constants#BEST_ENTRY}, as the study's container does. A best run's test ({@code tuner.mode=best})
     * is not one: it ran the objective, and published its line as a trial does.
     */
    static Set<UniqueId> bestTests(EngineExecutionResults results) {
        return results.testEvents().reportingEntryPublished()
                .filter(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs()
                        .containsKey(Constants.BEST_ENTRY))
                .map(event -> event.getTestDescriptor().getUniqueId())
                .collect(Collectors.toSet());
    }

    /**
     * The lines the trials published as they ended ({@link Constants#TRIAL_ENTRY}: the display-name
     * pattern laid out with every knob and the outcome), in the order they ended.
     */
    static List<String> trialLines(EngineExecutionResults results) {
        return results.testEvents().reportingEntryPublished()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(Constants.TRIAL_ENTRY))
                .filter(line -> line != null)
                .collect(Collectors.toList());
    }

    /** The finished events of the trials, in order; without the best test that follows a search's trials. */
    static List<Event> finishedTrials(EngineExecutionResults results) {
        Set<UniqueId> best = bestTests(results);
        return results.testEvents().finished()
                .filter(event -> !best.contains(event.getTestDescriptor().getUniqueId()))
                .collect(Collectors.toList());
    }

    /** The key-value pairs of the one report entry a study container published (its best trial, seed, files). */
    static Map<String, String> reportEntry(EngineExecutionResults results) {
        List<ReportEntry> entries = results.containerEvents().reportingEntryPublished()
                .map(event -> event.getRequiredPayload(ReportEntry.class)).toList();
        assertThat(entries).hasSize(1);
        return entries.get(0).getKeyValuePairs();
    }

    /**
     * An event of the descriptor with this unique id; EventConditions has one only from JUnit
     * Platform 1.12 on, and these tests also run against 1.10.
     */
    static Condition<Event> uniqueId(UniqueId uniqueId) {
        return new Condition<>(event -> event.getTestDescriptor().getUniqueId().equals(uniqueId),
                "descriptor with unique id %s", uniqueId);
    }
}
