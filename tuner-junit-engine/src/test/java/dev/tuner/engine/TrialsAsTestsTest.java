package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A trial is a test while it runs: registered and started before its objective runs, finished after,
 * with its outcome published on it, and what the objective prints captured as that test's output.
 * Runs through the real launcher, as IDEs do, since the launcher is what captures output.
 */
class TrialsAsTestsTest {

    /** What happened, in order: the launcher's events and the objective's runs. */
    static final List<String> HAPPENED = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path outputDir;

    @BeforeEach
    void forget() {
        HAPPENED.clear();
        LatchedTestCase.started = new CountDownLatch(1);
        LatchedTestCase.release = new CountDownLatch(1);
    }

    @Test
    void eachTrialIsRegisteredAndStartedBeforeItsObjectiveRunsAndFinishedWithItsOutcomeAfter() {
        run("printing(double)", PrintingTestCase.class);

        List<String> trials = HAPPENED.stream().filter(line -> line.contains("#") || line.contains("best")).toList();
        assertThat(trials).containsExactly(
                "registered #0", "started #0", "objective #0", "entry #0 tuner.trial", "entry #0 stdout", "finished #0 SUCCESSFUL",
                "registered #1", "started #1", "objective #1", "entry #1 tuner.trial", "entry #1 stdout", "finished #1 SUCCESSFUL",
                "registered best", "started best", "entry best tuner.best", "entry best stdout", "finished best SUCCESSFUL");
    }

    @Test
    void afterTheLastTrialTheBestIsATestOfItsOwnThatPrintsWhatTheSearchFound() {
        Map<UniqueId, String> names = new LinkedHashMap<>();
        List<Map<String, String>> entries = run("printing(double)", PrintingTestCase.class, names);

        Map<String, String> best = entries.stream().filter(entry -> entry.containsKey(Constants.BEST_ENTRY))
                .findFirst().orElseThrow();
        // the best's number and value, as the entry on the study's container says them
        String line = best.get(Constants.BEST_ENTRY);
        String number = line.substring(1, line.indexOf(' '));
        UniqueId bestId = TunerKit.studyId(PrintingTestCase.class, "printing(double)")
                .append(TrialDescriptor.BEST_SEGMENT_TYPE, number);
        assertThat(names).containsEntry(bestId, "best " + line);
        assertThat(best).containsKeys(Constants.TRIALS_ENTRY, Constants.SEED_ENTRY, Constants.PROPERTIES_ENTRY)
                .containsEntry(Constants.TRIALS_ENTRY, "2");
        String study = PrintingTestCase.class.getName() + ".printing";
        String value = entries.stream().filter(entry -> line.equals(entry.get(Constants.TRIAL_ENTRY)))
                .map(entry -> entry.get(Constants.VALUE_ENTRY)).findFirst().orElseThrow();
        assertThat(entries).filteredOn(entry -> entry.containsKey("stdout")).last().extracting(entry -> entry.get("stdout"))
                .isEqualTo("best trial of study " + study + ": " + line + "\n"
                        + "  value       " + value + "\n"
                        + "  knobs       " + study + ".x=" + value + "\n"
                        + "  trials      2 (seed 1, sampler " + best.get(Constants.SAMPLER_ENTRY) + ")\n"
                        + "  properties  " + outputDir.resolve(study + ".properties") + "\n");
    }

    @Test
    void theBestTestPrintsNothingWhenTheRunSaysSo() {
        List<Map<String, String>> entries = run("printing(double)", PrintingTestCase.class, new LinkedHashMap<>(),
                Constants.BEST_SUMMARY_PROPERTY_NAME, "false");

        assertThat(HAPPENED).contains("finished best SUCCESSFUL").doesNotContain("entry best stdout");
        assertThat(entries).filteredOn(entry -> entry.containsKey(Constants.BEST_ENTRY)).hasSize(1);
    }

    @Test
    void whatTheObjectivePrintsIsTheOutputOfItsTrialsTest() {
        List<Map<String, String>> entries = run("printing(double)", PrintingTestCase.class);

        // junit.platform.output.capture.stdout publishes the output of a test as a report entry on that test
        assertThat(entries).filteredOn(entry -> entry.containsKey("stdout")).extracting(entry -> entry.get("stdout"))
                .hasSize(3).startsWith("objective #0 prints this\n", "objective #1 prints this\n");  // then the best's
        assertThat(entries).filteredOn(entry -> entry.containsKey(Constants.TRIAL_ENTRY)).allSatisfy(entry -> {
            assertThat(entry.get(Constants.TRIAL_ENTRY)).matches("#\\d x=\\S+ → \\S+");
            assertThat(entry).containsEntry(Constants.STATE_ENTRY, "complete").containsKeys(Constants.VALUE_ENTRY)
                    .containsEntry(Constants.PARAMS_ENTRY, PrintingTestCase.class.getName() + ".printing.x="
                            + entry.get(Constants.VALUE_ENTRY));
        });
    }

    @Test
    @Timeout(60)
    void aTrialsTestRunsForAsLongAsItsObjective() throws Exception {
        CompletableFuture<List<Map<String, String>>> study = CompletableFuture.supplyAsync(
                () -> run("latched(double)", LatchedTestCase.class));

        assertThat(LatchedTestCase.started.await(30, TimeUnit.SECONDS)).as("the objective started").isTrue();
        // the objective is waiting: its test has started and has not finished
        List<String> meanwhile = List.copyOf(HAPPENED);
        LatchedTestCase.release.countDown();
        study.get(30, TimeUnit.SECONDS);

        assertThat(meanwhile).containsSubsequence("registered #0", "started #0", "objective #0")
                .doesNotContain("finished #0 SUCCESSFUL");
        assertThat(HAPPENED).contains("finished #0 SUCCESSFUL");
    }

    private List<Map<String, String>> run(String method, Class<?> testClass) {
        return run(method, testClass, new LinkedHashMap<>());
    }

    /**
     * Runs one {@code @Tune} method through the launcher, capturing stdout, with {@code settings} (key,
     * value, …); returns the report entries published on tests, and puts each test's name in {@code names}.
     */
    private List<Map<String, String>> run(String method, Class<?> testClass, Map<UniqueId, String> names,
            String... settings) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(testClass.getName() + "#" + method))
                .filters(includeEngines(TunerTestEngine.ENGINE_ID))
                .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString())
                .configurationParameter(Constants.STORAGE_PROPERTY_NAME, "memory:")
                .configurationParameter(Constants.REPORT_PROPERTY_NAME, "false")
                .configurationParameter("junit.platform.output.capture.stdout", "true");
        for (int i = 0; i < settings.length; i += 2) {
            builder.configurationParameter(settings[i], settings[i + 1]);
        }
        LauncherDiscoveryRequest request = builder.build();
        List<Map<String, String>> entries = Collections.synchronizedList(new ArrayList<>());
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void dynamicTestRegistered(TestIdentifier test) {
                HAPPENED.add("registered " + trial(test));
                names.put(test.getUniqueIdObject(), test.getDisplayName());
            }

            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) {
                    HAPPENED.add("started " + trial(test));
                }
            }

            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                if (test.isTest()) {
                    entry.getKeyValuePairs().keySet().stream().filter(key -> key.equals("stdout")
                            || key.equals(Constants.TRIAL_ENTRY) || key.equals(Constants.BEST_ENTRY)).forEach(key -> HAPPENED.add("entry " + trial(test) + " " + key));
                    entries.add(entry.getKeyValuePairs());
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    HAPPENED.add("finished " + trial(test) + " " + result.getStatus());
                }
            }
        });
        return entries;
    }

    /** {@code #17} for trial 17's test, {@code best} for the test of the search's best. */
    private static String trial(TestIdentifier test) {
        UniqueId.Segment last = test.getUniqueIdObject().getLastSegment();
        return last.getType().equals(TrialDescriptor.BEST_SEGMENT_TYPE) ? "best" : "#" + last.getValue();
    }

    static class PrintingTestCase {

        private static int runs;

        @Tune(trials = 2, seed = 1)
        double printing(@Uniform(min = 0, max = 1) double x) {
            int number = runs++ % 2;
            HAPPENED.add("objective #" + number);
            System.out.println("objective #" + number + " prints this");
            return x;
        }
    }

    static class LatchedTestCase {

        static volatile CountDownLatch started;
        static volatile CountDownLatch release;

        @Tune(trials = 1, seed = 1)
        double latched(@Uniform(min = 0, max = 1) double x) throws InterruptedException {
            HAPPENED.add("objective #0");
            started.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the objective");
            }
            return x;
        }
    }
}
