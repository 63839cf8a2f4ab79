package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.BEST_TEST;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.reportEntry;
import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.trialNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static dev.tuner.engine.TunerKit.uniqueId;

import dev.tuner.Direction;
import dev.tuner.IntUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.space.Scale;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class StudyExecutionTest {

    private static final String QUAD_STUDY = QuadraticTestCase.class.getName() + ".quad";
    private static final UniqueId QUAD_ID = studyId(QuadraticTestCase.class, "quad(double)");

    @TempDir
    Path outputDir;

    @BeforeEach
    void forgetEvaluations() {
        QuadraticTestCase.EVALUATIONS.clear();
    }

    @Test
    void runsOneDynamicTestPerTrialOfTheAnnotation() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(6 + BEST_TEST).started(6 + BEST_TEST)
                .succeeded(6 + BEST_TEST).failed(0));
        results.containerEvents().assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(uniqueId(QUAD_ID), finishedSuccessfully()))
                .haveExactly(1, event(engine(), finishedSuccessfully()))
                .haveExactly(1, event(uniqueId(TunerKit.classId(QuadraticTestCase.class)), finishedSuccessfully()));
        assertThat(QuadraticTestCase.EVALUATIONS).hasSize(6);
    }

    @Test
    void trialsSettingOverridesTheAnnotation() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir,
                "tuner.seed", "42", Constants.TRIALS_PROPERTY_NAME, "3");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(3 + BEST_TEST).succeeded(3 + BEST_TEST));
        assertThat(reportEntry(results)).containsEntry(Constants.TRIALS_ENTRY, "3");
    }

    @Test
    void trialDisplayNamesShowNumberAndKnobAndTheirLinesTheObjectiveValue() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42");

        List<String> names = trialNames(results);
        List<String> lines = TunerKit.trialLines(results);
        assertThat(names).hasSize(6);
        assertThat(lines).hasSize(6);
        for (int n = 0; n < names.size(); n++) {
            double[] evaluation = QuadraticTestCase.EVALUATIONS.get(n);
            // the name is given as the trial starts: its parameter's knob is drawn by then, its value is not known
            assertThat(names.get(n)).isEqualTo("#" + n + " x=" + Numbers.compact(evaluation[0]));
            assertThat(lines.get(n)).isEqualTo(names.get(n) + " → " + Numbers.compact(evaluation[1]));
        }
    }

    @Test
    void integerKnobsAndValuesAreShownWhole() {
        EngineExecutionResults results = execute(MaximizeTestCase.class, outputDir, "tuner.seed", "5");

        assertThat(TunerKit.trialLines(results)).hasSize(8).allSatisfy(name -> {
            String[] parts = name.split(" ");
            assertThat(parts).hasSize(4);
            assertThat(parts[1]).startsWith("n=");
            int n = Integer.parseInt(parts[1].substring(2));
            assertThat(parts[2]).isEqualTo("→");
            assertThat(parts[3]).isEqualTo(Integer.toString(2 * n));
        });
    }

    @Test
    void trialUniqueIdsEndWithTheTrialNumberUnderTheirStudy() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42");

        Set<UniqueId> best = TunerKit.bestTests(results);
        List<TestDescriptor> trials = results.testEvents().dynamicallyRegistered()
                .map(Event::getTestDescriptor).filter(test -> !best.contains(test.getUniqueId())).toList();
        assertThat(trials).extracting(TestDescriptor::getUniqueId).containsExactlyElementsOf(
                IntStream.range(0, 6).mapToObj(n -> QUAD_ID.append("trial", String.valueOf(n))).toList());
        assertThat(trials).allSatisfy(trial -> {
            assertThat(trial.getUniqueId().toString()).endsWith("/[trial:" + trial.getUniqueId().getLastSegment()
                    .getValue() + "]");
            assertThat(trial.isTest()).isTrue();
            assertThat(trial.getSource()).containsInstanceOf(MethodSource.class);
            MethodSource source = (MethodSource) trial.getSource().orElseThrow();
            assertThat(source.getClassName()).isEqualTo(QuadraticTestCase.class.getName());
            assertThat(source.getMethodName()).isEqualTo("quad");
        });
    }

    @Test
    void containerPublishesTheBestTrialSeedCountAndFile() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42");

        Map<String, String> entry = reportEntry(results);
        assertThat(entry).containsOnlyKeys(Constants.BEST_ENTRY, Constants.TRIALS_ENTRY,
                Constants.SEED_ENTRY, Constants.SAMPLER_ENTRY, Constants.PROPERTIES_ENTRY, Constants.REPORT_ENTRY);
        assertThat(entry.keySet()).containsExactlyInAnyOrder("tuner.best", "tuner.trials", "tuner.seed",
                "tuner.sampler", "tuner.properties", "tuner.report");
        // the default sampler says what it picked for this flat space of one knob
        assertThat(entry.get("tuner.sampler")).isEqualTo("auto: gp from #0 (a flat space, under 300 finished trials)");
        int best = bestEvaluation(QuadraticTestCase.EVALUATIONS, Comparator.naturalOrder());
        assertThat(entry.get("tuner.best")).isEqualTo(TunerKit.trialLines(results).get(best));
        assertThat(entry.get("tuner.trials")).isEqualTo("6");
        assertThat(entry.get("tuner.seed")).isEqualTo("42");
        assertThat(entry.get("tuner.properties"))
                .isEqualTo(outputDir.resolve(QUAD_STUDY + ".properties").toString());
    }

    @Test
    void bestParametersFileHoldsTheBestKnobValue() throws IOException {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42");

        Path file = Path.of(reportEntry(results).get("tuner.properties"));
        assertThat(file).exists().hasParent(outputDir);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        int best = bestEvaluation(QuadraticTestCase.EVALUATIONS, Comparator.naturalOrder());
        assertThat(properties.stringPropertyNames()).containsExactly(QUAD_STUDY + ".x");
        assertThat(Double.parseDouble(properties.getProperty(QUAD_STUDY + ".x")))
                .isEqualTo(QuadraticTestCase.EVALUATIONS.get(best)[0]);
    }

    @Test
    void maximizingStudyReportsTheLargestValue() {
        EngineExecutionResults results = execute(MaximizeTestCase.class, outputDir, "tuner.seed", "5");

        List<String> names = TunerKit.trialLines(results);
        String largest = names.stream()
                .max(Comparator.comparingInt(StudyExecutionTest::objectiveValue))
                .orElseThrow();
        int bestValue = objectiveValue(largest);
        String firstLargest = names.stream().filter(name -> objectiveValue(name) == bestValue).findFirst()
                .orElseThrow();
        assertThat(reportEntry(results)).containsEntry("tuner.best", firstLargest);
    }

    @Test
    void sameSeedGivesTheSameTrials() {
        List<String> first = trialNames(execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42"));
        List<String> second = trialNames(execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42"));
        List<String> other = trialNames(execute(QuadraticTestCase.class, outputDir, "tuner.seed", "43"));

        assertThat(second).hasSize(6).isEqualTo(first);
        assertThat(other).hasSize(6).isNotEqualTo(first);
    }

    @Test
    void annotationSeedIsUsedWhenTheRunSetsNone() {
        EngineExecutionResults first = execute(QuadraticTestCase.class, outputDir);
        EngineExecutionResults second = execute(QuadraticTestCase.class, outputDir);

        assertThat(reportEntry(first)).containsEntry("tuner.seed", "3");
        assertThat(trialNames(second)).isEqualTo(trialNames(first));
    }

    @Test
    void unseededStudyRecordsTheSeedItDrew() {
        EngineExecutionResults results = execute(UnseededTestCase.class, outputDir);

        String seed = reportEntry(results).get("tuner.seed");
        assertThat(seed).isNotBlank();
        long drawn = Long.parseLong(seed);
        EngineExecutionResults replay = execute(UnseededTestCase.class, outputDir, "tuner.seed", seed);
        assertThat(reportEntry(replay)).containsEntry("tuner.seed", Long.toString(drawn));
        assertThat(trialNames(replay)).isEqualTo(trialNames(results));
    }

    @Test
    void everyStudyOfAClassRunsAndWritesItsOwnFile() {
        EngineExecutionResults results = execute(TwoStudiesTestCase.class, outputDir, "tuner.seed", "1");

        // two studies, each with its best test
        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(5 + 2 * BEST_TEST)
                .succeeded(5 + 2 * BEST_TEST));
        assertThat(results.testEvents().dynamicallyRegistered().map(event -> event.getTestDescriptor()
                .getUniqueId().removeLastSegment()).distinct()).containsExactlyInAnyOrder(
                        studyId(TwoStudiesTestCase.class, "alpha(double)"),
                        studyId(TwoStudiesTestCase.class, "beta(int)"));
        assertThat(outputDir.resolve(TwoStudiesTestCase.class.getName() + ".alpha.properties")).exists();
        assertThat(outputDir.resolve(TwoStudiesTestCase.class.getName() + ".beta.properties")).exists();
        assertThat(results.containerEvents().reportingEntryPublished().count()).isEqualTo(2);
    }

    @Test
    void everyStudyWritesItsReportPageAndTheIndexListsThemAll() throws IOException {
        EngineExecutionResults results = execute(TwoStudiesTestCase.class, outputDir, "tuner.seed", "1");

        List<String> pages = results.containerEvents().reportingEntryPublished()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("tuner.report"))
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toList());
        String alpha = TwoStudiesTestCase.class.getName() + ".alpha";
        String beta = TwoStudiesTestCase.class.getName() + ".beta";
        assertThat(pages).containsExactlyInAnyOrder(outputDir.resolve(alpha + ".html").toString(),
                outputDir.resolve(beta + ".html").toString());
        assertThat(Files.readString(outputDir.resolve(alpha + ".html"))).contains("Optimization history");
        String index = Files.readString(outputDir.resolve("index.html"));
        assertThat(index).contains("href=\"" + alpha + ".html\"", "href=\"" + beta + ".html\"");
    }

    @Test
    void reportFalseWritesNoReport() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.report", "false");

        assertThat(reportEntry(results)).doesNotContainKey("tuner.report").containsKey("tuner.properties");
        assertThat(outputDir.resolve("index.html")).doesNotExist();
        assertThat(outputDir.resolve(QUAD_STUDY + ".html")).doesNotExist();
    }

    @Test
    void reportSettingOtherThanTrueOrFalseFailsTheStudyNamingTheKey() {
        EngineExecutionResults results = execute(QuadraticTestCase.class, outputDir, "tuner.report", "yes");

        Throwable failure = results.containerEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("tuner.report=yes").hasMessageContaining("true or false");
    }

    @Test
    void storageOutageTimeoutIsADurationAndABadOneFailsTheStudyNamingTheKey() {
        EngineExecutionResults good = execute(QuadraticTestCase.class, outputDir, "tuner.storage.outage.timeout", "5m");
        EngineExecutionResults bad = execute(QuadraticTestCase.class, outputDir, "tuner.storage.outage.timeout", "a while");

        good.containerEvents().assertStatistics(stats -> stats.failed(0));
        Throwable failure = bad.containerEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("tuner.storage.outage.timeout=a while is invalid")
                .hasMessageContaining("90s, 10m");
    }

    @Test
    void trialUniqueIdFromAnEarlierRunReplaysThatTrialAlone() {
        String journal = "journal:" + outputDir.resolve("journal.jsonl");
        EngineExecutionResults first = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42",
                Constants.STORAGE_PROPERTY_NAME, journal);
        TestDescriptor trial = first.testEvents().dynamicallyRegistered().list().get(4).getTestDescriptor();

        EngineExecutionResults rerun = execute(selectUniqueId(trial.getUniqueId()), outputDir,
                Constants.STORAGE_PROPERTY_NAME, journal);

        rerun.allEvents().assertStatistics(stats -> stats.failed(0));
        rerun.testEvents().assertThatEvents().haveExactly(1,
                event(uniqueId(trial.getUniqueId()), displayName("replay " + trial.getDisplayName()),
                        finishedSuccessfully()));
        assertThat(trialNames(rerun)).hasSize(1);
    }

    @Test
    void rerunningTheBestTestOfASearchRunsTheBestAgainWithoutAddingATrial() throws Exception {
        String journal = "journal:" + outputDir.resolve("journal.jsonl");
        EngineExecutionResults search = execute(QuadraticTestCase.class, outputDir, "tuner.seed", "42",
                Constants.STORAGE_PROPERTY_NAME, journal);
        UniqueId bestId = TunerKit.bestTests(search).iterator().next();
        double[] best = QuadraticTestCase.EVALUATIONS.stream().min(Comparator.comparingDouble(evaluation -> evaluation[1]))
                .orElseThrow();
        QuadraticTestCase.EVALUATIONS.clear();
        List<String> stored = Files.readAllLines(outputDir.resolve("journal.jsonl"));

        // as an IDE reruns it, and the ConsoleLauncher's --select-unique-id: that test alone, in a run of no mode
        EngineExecutionResults rerun = EngineTestKit.engine(TunerTestEngine.ENGINE_ID).selectors(selectUniqueId(bestId))
                .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString())
                .configurationParameter(Constants.STORAGE_PROPERTY_NAME, journal)
                .execute();

        rerun.allEvents().assertStatistics(stats -> stats.failed(0));
        rerun.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(1).succeeded(1));
        rerun.testEvents().assertThatEvents().haveExactly(1, event(uniqueId(bestId), finishedSuccessfully(),
                displayName("best #" + bestId.getLastSegment().getValue() + " x=" + Numbers.compact(best[0])
                        + " (from " + journal + ")")));
        assertThat(QuadraticTestCase.EVALUATIONS).singleElement().isEqualTo(best);
        assertThat(Files.readAllLines(outputDir.resolve("journal.jsonl"))).as("the journal").isEqualTo(stored);
    }

    @Test
    void replayingATrialTheStorageDoesNotHoldFailsTheStudyAndSaysWhy() {
        UniqueId missing = QUAD_ID.append(TrialDescriptor.SEGMENT_TYPE, "7");

        EngineExecutionResults rerun = execute(selectUniqueId(missing), outputDir);

        rerun.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(text -> text.contains("trial #7 of study") && text.contains("is not in storage memory:")))));
    }

    @Test
    void defineByRunObjectiveShowsTheKnobsItAskedFor() {
        EngineExecutionResults results = execute(DefineByRunTestCase.class, outputDir, "tuner.seed", "9");

        assertThat(TunerKit.trialLines(results)).hasSize(4)
                .allSatisfy(name -> assertThat(name).matches("#\\d lr=\\S+ layers=[1-4] → \\S+"));
        assertThat(reportEntry(results)).containsEntry("tuner.trials", "4");
    }

    private static int bestEvaluation(List<double[]> evaluations, Comparator<Double> better) {
        int best = 0;
        for (int n = 1; n < evaluations.size(); n++) {
            if (better.compare(evaluations.get(n)[1], evaluations.get(best)[1]) < 0) {
                best = n;
            }
        }
        return best;
    }

    private static int objectiveValue(String displayName) {
        return Integer.parseInt(displayName.substring(displayName.indexOf("→ ") + 2));
    }

    static class QuadraticTestCase {

        /** {x, objective} of each evaluation, in trial order. */
        static final List<double[]> EVALUATIONS = new ArrayList<>();

        @Tune(trials = 6, seed = 3)
        double quad(@Uniform(min = -10, max = 10) double x) {
            double value = x * x - x + 1;
            EVALUATIONS.add(new double[] {x, value});
            return value;
        }
    }

    static class DefineByRunTestCase {

        @Tune(trials = 4)
        double network(Trial trial) {
            double lr = trial.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
            int layers = trial.suggestInt("layers", 1, 4);
            return lr * layers;
        }
    }

    static class MaximizeTestCase {

        @Tune(trials = 8, direction = Direction.MAXIMIZE)
        int doubled(@IntUniform(min = 0, max = 50) int n) {
            return 2 * n;
        }
    }

    static class UnseededTestCase {

        @Tune(trials = 3)
        double linear(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class TwoStudiesTestCase {

        @Tune(trials = 2)
        double alpha(@Uniform(min = 0, max = 1) double x) {
            return x;
        }

        @Tune(trials = 3)
        double beta(@IntUniform(min = 0, max = 9) int n) {
            return n;
        }
    }
}
