package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.trialNames;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.optuna.OptunaExport;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What a run does with a study when {@code tuner.mode} says, or the selection implies, which mode. */
class ModesTest {

    private static final String STUDY = LineTestCase.class.getName() + ".line";
    private static final UniqueId STUDY_ID = studyId(LineTestCase.class, "line(double)");

    @TempDir
    Path outputDir;

    private String journal;

    @BeforeEach
    void setUp() {
        journal = "journal:" + outputDir.resolve("journal.jsonl");
        LineTestCase.SEEN.clear();
        CommittedTestCase.SEEN.clear();
    }

    /** Runs the engine as an ordinary test run would: no mode set, the given selector, the test's journal. */
    private EngineExecutionResults run(DiscoverySelector selector, String... settings) {
        EngineTestKit.Builder kit = EngineTestKit.engine(TunerTestEngine.ENGINE_ID)
                .selectors(selector)
                .configurationParameter(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString())
                .configurationParameter(Constants.STORAGE_PROPERTY_NAME, journal);
        for (int i = 0; i < settings.length; i += 2) {
            kit.configurationParameter(settings[i], settings[i + 1]);
        }
        return kit.execute();
    }

    @Test
    void aPlainTestRunOfAnUntunedClassSkipsTheStudyAndSaysHowToTuneIt() {
        EngineExecutionResults results = run(selectClass(LineTestCase.class));

        results.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(STUDY_ID),
                skippedWithReason(reason -> reason.contains("no tuned parameters of study " + STUDY)
                        && reason.contains("mvn tuner:tune"))));
        assertThat(LineTestCase.SEEN).isEmpty();
        assertThat(outputDir.resolve("journal.jsonl")).doesNotExist();
    }

    @Test
    void aMethodSelectedByItselfSearches() {
        EngineExecutionResults results = run(selectMethod(LineTestCase.class, "line", "double"));

        assertThat(trialNames(results)).hasSize(5);
        assertThat(LineTestCase.SEEN).hasSize(5);
    }

    @Test
    void afterASearchAPlainTestRunChecksTheBestOnceWithoutAddingATrial() {
        run(selectMethod(LineTestCase.class, "line", "double"));
        double best = LineTestCase.SEEN.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        int bestNumber = LineTestCase.SEEN.indexOf(best);
        LineTestCase.SEEN.clear();

        EngineExecutionResults results = run(selectClass(LineTestCase.class));

        assertThat(LineTestCase.SEEN).containsExactly(best);
        results.testEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(STUDY_ID.append(TrialDescriptor.BEST_SEGMENT_TYPE, String.valueOf(bestNumber))),
                finishedSuccessfully()));
        assertThat(trialNames(results)).singleElement().asString().startsWith("best #" + bestNumber + " x=");
        assertThat(results.containerEvents().reportingEntryPublished().list().get(0)
                .getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs())
                .containsEntry(Constants.SOURCE_ENTRY, "best trial #" + bestNumber + " of " + journal);

        run(selectMethod(LineTestCase.class, "line", "double"), Constants.TRIALS_PROPERTY_NAME, "6");
        assertThat(LineTestCase.SEEN).hasSize(2);  // the best check added no trial: one more to reach 6
    }

    @Test
    void theBestRunsFromAJournalThatMayOnlyBeReadInAFolderWhereNothingCanBeCreated() throws Exception {
        Path folder = Files.createDirectories(outputDir.resolve("checked-in"));
        journal = "journal:" + folder.resolve("journal.jsonl");
        run(selectMethod(LineTestCase.class, "line", "double"));
        double best = LineTestCase.SEEN.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        LineTestCase.SEEN.clear();
        Path file = folder.resolve("journal.jsonl");
        byte[] before = Files.readAllBytes(file);
        assumeTrue(Chattr.immutable(file, true), "chattr +i is not available here, so no file is read-only to root");
        EngineExecutionResults results;
        try {
            assumeTrue(Chattr.immutable(folder, true), "chattr +i on a folder is not available here");
            try {
                results = run(selectClass(LineTestCase.class));
            } finally {
                Chattr.immutable(folder, false);
            }
        } finally {
            Chattr.immutable(file, false);
        }

        results.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(STUDY_ID), finishedSuccessfully()));
        assertThat(LineTestCase.SEEN).containsExactly(best);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theObjectiveOfABestRunOrAReplaySeesTheNumberOfTheTrialWhoseValuesItRuns() {
        run(selectMethod(NumberedTestCase.class, "line", double.class, Trial.class));
        assertThat(NumberedTestCase.SEEN).hasSize(5);
        int best = NumberedTestCase.SEEN.entrySet().stream()
                .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        NumberedTestCase.SEEN.clear();

        run(selectClass(NumberedTestCase.class));
        UniqueId study = studyId(NumberedTestCase.class, "line(double, " + Trial.class.getName() + ")");
        int replayed = best == 4 ? 3 : 4;
        run(selectUniqueId(study.append(TrialDescriptor.SEGMENT_TYPE, String.valueOf(replayed))));

        assertThat(NumberedTestCase.SEEN.keySet()).containsExactly(best, replayed);
    }

    @Test
    void withoutAStoredStudyTheBestComesFromThePropertiesFile() throws IOException {
        Files.writeString(outputDir.resolve(STUDY + ".properties"), STUDY + ".x=2.5\n");

        EngineExecutionResults results = run(selectClass(LineTestCase.class));

        assertThat(LineTestCase.SEEN).containsExactly(2.5);
        assertThat(TunerKit.trialLines(results)).containsExactly("best x=2.5 → 2.5 (from " + outputDir.resolve(STUDY + ".properties") + ")");
    }

    @Test
    void onAFreshCheckoutTheBestComesFromTheProductionValuesOnTheClasspath() {
        EngineExecutionResults results = run(selectClass(CommittedTestCase.class));

        assertThat(CommittedTestCase.SEEN).containsExactly("#7 x=1.25");
        assertThat(TunerKit.trialLines(results)).containsExactly("best #7 x=1.25 → 1.25 (from classpath tuner.properties)");
        assertThat(sourceEntry(results)).startsWith("classpath tuner.properties (")
                .endsWith("tuner.properties; trial #7 of journal:target/tuner/journal.jsonl)");
    }

    @Test
    void theOutputFileComesBeforeTheClasspath() throws IOException {
        Path production = outputDir.resolve("tuner.properties");
        Files.writeString(production, "# study " + COMMITTED + ": trial #3, from journal:target/tuner/journal.jsonl\n"
                + COMMITTED + ".x=2.0\n");

        EngineExecutionResults results = run(selectClass(CommittedTestCase.class),
                Constants.OUTPUT_FILE_PROPERTY_NAME, production.toString());

        assertThat(CommittedTestCase.SEEN).containsExactly("#3 x=2.0");
        assertThat(TunerKit.trialLines(results)).containsExactly("best #3 x=2 → 2 (from " + production + ")");
        assertThat(sourceEntry(results)).isEqualTo(production + " (tuner.output.file; trial #3 of "
                + "journal:target/tuner/journal.jsonl)");
    }

    @Test
    void theSettingTunerPropertiesNamesTheProductionFileInsteadOfTheClasspathResource() throws IOException {
        Path production = outputDir.resolve("etc/tuned.properties");
        Files.createDirectories(production.getParent());
        Files.writeString(production, COMMITTED + ".x=3.0\n");

        EngineExecutionResults results = run(selectClass(CommittedTestCase.class), "tuner.properties", production.toString());

        assertThat(CommittedTestCase.SEEN).containsExactly("#0 x=3.0");
        assertThat(TunerKit.trialLines(results)).containsExactly("best x=3 → 3 (from " + production + ")");
    }

    @Test
    void theStudysOwnPropertiesFileComesBeforeTheProductionValues() throws IOException {
        Files.writeString(outputDir.resolve(COMMITTED + ".properties"), "# Best parameters of study " + COMMITTED + "\n"
                + "# objective: 0.5 (minimize), trial #12\n# storage: journal:target/tuner/journal.jsonl\n"
                + COMMITTED + ".x=0.5\n");

        run(selectClass(CommittedTestCase.class));

        assertThat(CommittedTestCase.SEEN).containsExactly("#12 x=0.5");
    }

    @Test
    void aSkippedBestRunListsEveryPlaceItLookedInAndWhyEachDidNotServe() throws IOException {
        Path production = outputDir.resolve("tuner.properties");
        Files.writeString(production, "# study " + COMMITTED + ": trial #3, from journal:target/tuner/journal.jsonl\n"
                + COMMITTED + ".x=2.0\n");

        EngineExecutionResults results = run(selectClass(LineTestCase.class),
                Constants.OUTPUT_FILE_PROPERTY_NAME, production.toString());

        results.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(STUDY_ID),
                skippedWithReason(reason -> reason.startsWith("no tuned parameters of study " + STUDY + " yet (looked in "
                        + journal + " (nothing stored there yet), " + outputDir.resolve(STUDY + ".properties")
                        + " (no such file), " + production + " (tuner.output.file; holds other studies' values only),"
                        + " classpath tuner.properties (")
                        && reason.endsWith("tuner.properties; holds other studies' values only)); run mvn tuner:tune"
                                + " to search, or set tuner.mode=search"))));
        assertThat(LineTestCase.SEEN).isEmpty();
    }

    private static String sourceEntry(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished().list().get(0)
                .getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs()
                .get(Constants.SOURCE_ENTRY);
    }

    @Test
    void aStorageHoldingOnlyOtherStudiesLeavesTheBestToThePropertiesFile() throws IOException {
        try (var storage = dev.tuner.core.storage.Storages.open(journal)) {
            storage.createStudy("some.other.Study", dev.tuner.Direction.MINIMIZE);
        }
        Files.writeString(outputDir.resolve(STUDY + ".properties"), STUDY + ".x=3.5\n");

        run(selectClass(LineTestCase.class));

        assertThat(LineTestCase.SEEN).containsExactly(3.5);
    }

    @Test
    void rerunningTheBestTestChecksTheBestEvenWhenTheRunSearches() throws IOException {
        Files.writeString(outputDir.resolve(STUDY + ".properties"), STUDY + ".x=1.5\n");

        run(selectUniqueId(STUDY_ID.append(TrialDescriptor.BEST_SEGMENT_TYPE, "0")),
                Constants.MODE_PROPERTY_NAME, "search");

        assertThat(LineTestCase.SEEN).containsExactly(1.5);
    }

    @Test
    void bestModeWithAValueOutsideTheRangeFailsTheTrialAndNamesTheKnob() throws IOException {
        Files.writeString(outputDir.resolve(STUDY + ".properties"), STUDY + ".x=42\n");

        EngineExecutionResults results = run(selectClass(LineTestCase.class), Constants.MODE_PROPERTY_NAME, "best");

        results.testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(text -> text.contains("'42' enqueued for knob '" + STUDY + ".x'")))));
    }

    @Test
    void searchModeSearchesWhateverTheSelection() {
        run(selectClass(LineTestCase.class), Constants.MODE_PROPERTY_NAME, "search");

        assertThat(LineTestCase.SEEN).hasSize(5);
    }

    @Test
    void offSkipsEvenAMethodSelectedByItself() {
        EngineExecutionResults results = run(selectMethod(LineTestCase.class, "line", "double"),
                Constants.MODE_PROPERTY_NAME, "off");

        results.containerEvents().assertThatEvents().haveExactly(1,
                event(uniqueId(STUDY_ID), skippedWithReason("tuner.mode=off")));
        assertThat(LineTestCase.SEEN).isEmpty();
    }

    @Test
    void anUnknownModeFailsTheStudyAndListsTheModes() {
        EngineExecutionResults results = run(selectClass(LineTestCase.class), Constants.MODE_PROPERTY_NAME, "fast");

        results.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(STUDY_ID), finishedWithFailure(
                message(text -> text.contains("tuner.mode=fast is invalid") && text.contains("search, best or off")))));
    }

    @Test
    void aNewStudyStartsFromTheWarmStartFile() throws IOException {
        Path warm = outputDir.resolve("warm.properties");
        Files.writeString(warm, STUDY + ".x=0.75\n");

        run(selectMethod(LineTestCase.class, "line", "double"), Constants.WARM_START_PROPERTY_NAME, warm.toString());

        assertThat(LineTestCase.SEEN).hasSize(5).first().isEqualTo(0.75);
    }

    @Test
    void anOptunaJournalGivesANewStudyItsTrialsMatchedToTheKnobsByName() {
        Path optuna = optunaJournal("x");

        run(selectMethod(LineTestCase.class, "line", "double"), Constants.WARM_START_PROPERTY_NAME, optuna.toString());

        // the two imported trials count towards the budget of 5, as resumed ones do
        assertThat(LineTestCase.SEEN).hasSize(3);
        try (JournalStorage storage = JournalStorage.open(outputDir.resolve("journal.jsonl"))) {
            List<FrozenTrial> trials = storage.trials(STUDY);
            assertThat(trials).hasSize(5);
            assertThat(trials.get(0).params()).containsExactly(Map.entry(STUDY + ".x", 2.0));
            assertThat(trials.get(0).value()).hasValue(2.0);
            assertThat(trials.get(1).state()).isEqualTo(TrialState.PRUNED);
            assertThat(trials.get(1).intermediateValues()).containsEntry(0, 9.0);
        }
    }

    @Test
    void anOptunaParameterThatMatchesNoKnobFailsTheStudyNamingItAndWhereItCameFrom() {
        Path optuna = optunaJournal("y");

        EngineExecutionResults results = run(selectMethod(LineTestCase.class, "line", "double"),
                Constants.WARM_START_PROPERTY_NAME, optuna.toString());

        results.containerEvents().assertThatEvents().haveExactly(1, event(uniqueId(STUDY_ID), finishedWithFailure(
                message(text -> text.contains("the Optuna journal " + optuna + ", study 'from-python', does not fit study '"
                        + STUDY + "'") && text.contains("parameter 'y' matches no knob (trials #0, #1)")
                        && text.contains("the study's knobs: [" + STUDY + ".x]")))));
        assertThat(LineTestCase.SEEN).isEmpty();
    }

    /** An Optuna journal of study 'from-python', whose parameter {@code param} was 2 in a complete trial and 3 in a pruned one. */
    private Path optunaJournal(String param) {
        InMemoryStorage python = new InMemoryStorage();
        python.createStudy("from-python", Direction.MINIMIZE);
        int complete = python.createTrial("from-python");
        python.setParam("from-python", complete, param, dev.tuner.core.space.Uniform.of(0, 10), 2.0);
        python.finishTrial("from-python", complete, TrialState.COMPLETE, java.util.OptionalDouble.of(2.0), null);
        int pruned = python.createTrial("from-python");
        python.setParam("from-python", pruned, param, dev.tuner.core.space.Uniform.of(0, 10), 3.0);
        python.setIntermediateValue("from-python", pruned, 0, 9.0);
        python.finishTrial("from-python", pruned, TrialState.PRUNED, java.util.OptionalDouble.of(9.0), null);
        Path file = outputDir.resolve("optuna.log");
        OptunaExport.write(python, List.of("from-python"), file);
        return file;
    }

    @Test
    void aWarmStartLeftWaitingByACrashedRunRunsFirstAndIsNotEnqueuedAgain() throws IOException {
        // a run that enqueued its warm start and died before it started a trial left it waiting
        try (JournalStorage storage = JournalStorage.open(outputDir.resolve("journal.jsonl"))) {
            storage.createStudy(STUDY, Direction.MINIMIZE);
            storage.enqueueTrial(STUDY, Map.of(STUDY + ".x", "0.25"));
        }
        Path warm = outputDir.resolve("warm.properties");
        Files.writeString(warm, STUDY + ".x=0.75\n");

        EngineExecutionResults results = run(selectMethod(LineTestCase.class, "line", "double"),
                Constants.WARM_START_PROPERTY_NAME, warm.toString());

        assertThat(LineTestCase.SEEN).hasSize(5).first().isEqualTo(0.25);
        assertThat(LineTestCase.SEEN).doesNotContain(0.75);
        // not a resumed study: the waiting trial is the first to run
        assertThat(TunerKit.reportEntry(results)).containsEntry(Constants.TRIALS_ENTRY, "5");
    }

    @Test
    void trialsEnqueuedBeyondTheBudgetKeepWaitingAndAreNotCountedAsRun() {
        try (JournalStorage storage = JournalStorage.open(outputDir.resolve("journal.jsonl"))) {
            storage.createStudy(STUDY, Direction.MINIMIZE);
            for (int i = 1; i <= 7; i++) {
                storage.enqueueTrial(STUDY, Map.of(STUDY + ".x", String.valueOf(i)));
            }
        }

        EngineExecutionResults results = run(selectMethod(LineTestCase.class, "line", "double"));

        assertThat(LineTestCase.SEEN).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(TunerKit.reportEntry(results)).containsEntry(Constants.TRIALS_ENTRY, "5");
        try (JournalStorage storage = JournalStorage.open(outputDir.resolve("journal.jsonl"))) {
            assertThat(storage.trials(STUDY)).extracting(FrozenTrial::state).endsWith(TrialState.WAITING, TrialState.WAITING);
        }
    }

    @Test
    void theBestIsMergedIntoTheOutputFile() throws IOException {
        Path resources = outputDir.resolve("resources/tuner.properties");
        Files.createDirectories(resources.getParent());
        Files.writeString(resources, "com.acme.Other.size=3\n");

        run(selectMethod(LineTestCase.class, "line", "double"), Constants.OUTPUT_FILE_PROPERTY_NAME, resources.toString());

        double best = LineTestCase.SEEN.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        java.util.Properties merged = new java.util.Properties();
        try (var in = Files.newInputStream(resources)) {
            merged.load(in);
        }
        assertThat(merged).containsEntry("com.acme.Other.size", "3").containsEntry(STUDY + ".x", String.valueOf(best));
    }

    private static final String COMMITTED = CommittedTestCase.class.getName() + ".line";

    /** A study named in the test classpath's tuner.properties, as production values a team committed. */
    static class CommittedTestCase {

        static final List<String> SEEN = new ArrayList<>();

        @Tune(trials = 5, seed = 4)
        double line(@Uniform(min = 0, max = 10) double x, Trial trial) {
            SEEN.add("#" + trial.number() + " x=" + x);
            return x;
        }
    }

    static class NumberedTestCase {

        /** The values each trial number ran with, in the order they ran. */
        static final Map<Integer, Double> SEEN = new java.util.LinkedHashMap<>();

        @Tune(trials = 5, seed = 4)
        double line(@Uniform(min = 0, max = 10) double x, Trial trial) {
            SEEN.put(trial.number(), x);
            return x;
        }
    }

    static class LineTestCase {

        static final List<Double> SEEN = new ArrayList<>();

        @Tune(trials = 5, seed = 4)
        double line(@Uniform(min = 0, max = 10) double x) {
            SEEN.add(x);
            return x;
        }
    }
}
