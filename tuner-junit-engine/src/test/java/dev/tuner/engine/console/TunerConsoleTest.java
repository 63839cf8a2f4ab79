package dev.tuner.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.engine.Constants;
import dev.tuner.engine.testcases.QuadraticStudy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerConsoleTest {

    private static final List<String> KEYS = List.of(Constants.TEST_PROPERTY_NAME, Constants.TRIALS_PROPERTY_NAME,
            Constants.SEED_PROPERTY_NAME, Constants.OUTPUT_DIR_PROPERTY_NAME, Constants.STORAGE_PROPERTY_NAME,
            Constants.MODE_PROPERTY_NAME, Constants.PROGRESS_INTERVAL_PROPERTY_NAME);

    private final Map<String, String> saved = new HashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path outputDir;

    @BeforeEach
    void setUp() {
        KEYS.forEach(key -> saved.put(key, System.getProperty(key)));
        System.setProperty(Constants.TRIALS_PROPERTY_NAME, "3");
        System.setProperty(Constants.SEED_PROPERTY_NAME, "11");
        System.setProperty(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDir.toString());
        System.setProperty(Constants.STORAGE_PROPERTY_NAME, "memory:");
    }

    @AfterEach
    void restoreSystemProperties() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void aRunOnAnotherStorageLeavesTheStudysOutputsAndWarnsNamingBothStorages() throws java.io.IOException {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");
        String journal = "journal:" + outputDir.resolve("journal.jsonl");
        System.setProperty(Constants.STORAGE_PROPERTY_NAME, journal);
        TunerConsole.run(new String[] {testClassesRoot()}, out);
        String study = QuadraticStudy.class.getName() + ".quad";
        Path main = outputDir.resolve(study + ".properties");
        String mainText = java.nio.file.Files.readString(main);
        bytes.reset();

        System.setProperty(Constants.STORAGE_PROPERTY_NAME, "memory:");
        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_OK);
        assertThat(java.nio.file.Files.readString(main)).isEqualTo(mainText).contains("# storage: " + journal);
        assertThat(output)
                .contains("[tuner] WARNING: study " + study + ": " + main + " holds the best of " + journal
                        + ", not of this run's storage memory:, so it is left as it is")
                .contains("written to " + outputDir.resolve(study + "@memory.properties"))
                .contains("[tuner]     report " + outputDir.resolve(study + "@memory.html"));
    }

    @Test
    void runsTheMatchingStudyAndPrintsASummary() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        String study = QuadraticStudy.class.getName() + ".quad";
        Path file = outputDir.resolve(study + ".properties");
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_OK);
        assertThat(output)
                .contains("[tuner] Tuning " + study)
                .contains("[tuner]   #0 x=", "[tuner]   #1 x=", "[tuner]   #2 x=")
                .doesNotContain("#3 x=")
                .contains("Summary")
                .contains(study + ": 3 trials, 0 failed")
                .contains("best #")
                .contains("(seed 11)")
                .contains("written to " + file)
                .contains("[tuner]     report " + outputDir.resolve(study + ".html"))
                .contains("[tuner] Report of every study: " + outputDir.resolve("index.html"))
                .doesNotContain("ERROR");
        assertThat(output.indexOf("Summary")).isGreaterThan(output.indexOf("#2 x="));
        assertThat(file).exists();
    }

    @Test
    void theBestIsPrintedOnceInTheSummaryNotAgainByTheSearchsBestTest() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");
        // as in the forked JVM of mvn tuner:tune, where what the engine prints goes where the console prints
        PrintStream console = System.out;
        System.setOut(out);
        int status;
        try {
            status = TunerConsole.run(new String[] {testClassesRoot()}, out);
        } finally {
            System.setOut(console);
        }

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_OK);
        String best = output.substring(output.indexOf("[tuner]     best #") + "[tuner]     best ".length());
        best = best.substring(0, best.indexOf("  (seed"));
        assertThat(output).as("the best trial's line and the summary's").containsOnlyOnce(best + "\n")
                .containsOnlyOnce(best + "  (seed 11)")
                .contains(QuadraticStudy.class.getName() + ".quad: 3 trials, 0 failed")
                .doesNotContain("best trial of study");
    }

    @Test
    void inALogTheProgressIsAPlainLineEachTimeItIsPublished() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "SlowTestCase");
        System.setProperty(Constants.PROGRESS_INTERVAL_PROPERTY_NAME, "1ms");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out, false);

        assertThat(status).isEqualTo(TunerConsole.EXIT_OK);
        // each trial takes longer than the interval, so each publishes the line
        assertThat(output())
                .containsPattern("\\[tuner\\]   1/3 trials · best \\S+ \\(#0\\) · \\S+ trials/s · ETA \\S+\\n")
                .containsPattern("\\[tuner\\]   3/3 trials · best \\S+ \\(#\\d\\) · \\S+ trials/s\\n")
                .doesNotContain("\r");
    }

    @Test
    void onATerminalTheProgressLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "SlowTestCase");
        System.setProperty(Constants.PROGRESS_INTERVAL_PROPERTY_NAME, "1ms");

        TunerConsole.run(new String[] {testClassesRoot()}, out, true);

        String output = output();
        assertThat(output).contains("\r\u001b[K[tuner]   1/3 trials", "\r\u001b[K[tuner]   #1 x=");
        assertThat(output).contains("\r\u001b[K[tuner] Summary");
    }

    @Test
    void aResumedStudySaysHowManyTrialsItFoundAndWhyNoneRan() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");
        System.setProperty(Constants.STORAGE_PROPERTY_NAME, "journal:" + outputDir.resolve("journal.jsonl"));
        TunerConsole.run(new String[] {testClassesRoot()}, out);
        bytes.reset();

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        assertThat(status).isEqualTo(TunerConsole.EXIT_OK);
        assertThat(output()).contains("[tuner]   resuming: 3 trials already in journal:")
                .contains(QuadraticStudy.class.getName() + ".quad: 0 new trials, 0 failed; resumed with 3 trials, "
                        + "the whole budget: raise tuner.trials to search further")
                .contains("best #");
    }

    @Test
    void aResumedStudysBestFromAnEarlierRunIsNotCreditedToThisRunsSeed() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "WorseningTestCase");
        System.setProperty(Constants.STORAGE_PROPERTY_NAME, "journal:" + outputDir.resolve("journal.jsonl"));
        TunerConsole.run(new String[] {testClassesRoot()}, out);
        bytes.reset();
        System.setProperty(Constants.TRIALS_PROPERTY_NAME, "5");
        System.setProperty(Constants.SEED_PROPERTY_NAME, "12");

        TunerConsole.run(new String[] {testClassesRoot()}, out);

        assertThat(output()).contains("best #0 x=").contains("(found by an earlier run; this run's seed 12)")
                .doesNotContain("(seed 12)");
    }

    @Test
    void retryingFailedTrialsMakesThemUpAndTheResumeCountsThem() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "FailsOddTrialsTestCase");
        System.setProperty(Constants.STORAGE_PROPERTY_NAME, "journal:" + outputDir.resolve("journal.jsonl"));
        System.setProperty(Constants.TRIALS_PROPERTY_NAME, "4");
        TunerConsole.run(new String[] {testClassesRoot()}, out);
        assertThat(output()).contains(".odd: 4 trials, 2 failed");
        bytes.reset();
        saved.putIfAbsent(Constants.RETRY_FAILED_PROPERTY_NAME, null);
        System.setProperty(Constants.RETRY_FAILED_PROPERTY_NAME, "true");

        TunerConsole.run(new String[] {testClassesRoot()}, out);

        // 2 of the 4 failed and do not count: #4 and #6 complete the budget of 4, #5 fails again
        assertThat(output()).contains("resuming: 4 trials already in journal:")
                .contains(", 2 of them failed, made up for (tuner.retry.failed=true)")
                .contains(".odd: 3 new trials, 1 failed; resumed with 4 trials (2 of them failed)");
    }

    @Test
    void skippedStudiesAreSaidSoAndAreNotAnError() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");
        System.setProperty(Constants.MODE_PROPERTY_NAME, "off");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        assertThat(status).isEqualTo(TunerConsole.EXIT_OK);
        assertThat(output()).contains("[tuner] Skipped " + QuadraticStudy.class.getName() + ".quad: tuner.mode=off")
                .doesNotContain("ERROR");
    }

    @Test
    void failingTrialsAreMarkedAndCounted() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "SometimesThrowsTestCase");
        System.setProperty(Constants.TRIALS_PROPERTY_NAME, "12");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_OK);
        long failedLines = output.lines().filter(line -> line.contains("✗")).count();
        assertThat(failedLines).isPositive().isLessThan(12);
        assertThat(output.lines().filter(line -> line.contains("✗")))
                .allMatch(line -> line.contains("→ fail") && line.contains("IllegalStateException: positive"));
        assertThat(output).contains(SometimesThrowsTestCase.class.getName() + ".objective: 12 trials, "
                + failedLines + " failed");
    }

    @Test
    void prunedTrialsAreMarkedAndCountedApartFromFailedOnes() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "PrunesTestCase");
        System.setProperty(Constants.TRIALS_PROPERTY_NAME, "12");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_OK);
        long prunedLines = output.lines().filter(line -> line.contains("✂")).count();
        assertThat(prunedLines).isPositive().isLessThan(12);
        assertThat(output.lines().filter(line -> line.contains("✂")))
                .allMatch(line -> line.contains("→ pruned") && line.matches(".*→ pruned  ✂ at step \\d+ \\(value [0-9.]+\\).*"));
        assertThat(output).doesNotContain("✗").contains(PrunesTestCase.class.getName() + ".objective: 12 trials, 0 failed, "
                + prunedLines + " pruned");
    }

    @Test
    void filterMatchingNothingReturnsTwoWithAMessage() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "NoSuchStudyAnywhere");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        assertThat(status).isEqualTo(TunerConsole.EXIT_NO_STUDY);
        assertThat(output()).contains("[tuner] ERROR: no @Tune method found")
                .contains("tuner.test=NoSuchStudyAnywhere")
                .doesNotContain("Summary");
    }

    @Test
    void classesCompiledForANewerJavaAreNamedWithTheirVersionAndTheFixNotCalledNoStudy() throws Exception {
        // a study's class file as javac of the next Java writes it, on the class path as tuner:tune puts it
        Path classes = outputDir.resolve("newer-classes");
        Path classFile = Path.of("dev", "tuner", "engine", "testcases", "NewerQuadraticStudy.class");
        java.nio.file.Files.createDirectories(classes.resolve(classFile).getParent());
        byte[] bytes = java.nio.file.Files.readAllBytes(
                Path.of(testClassesRoot()).resolve(QuadraticStudy.class.getName().replace('.', '/') + ".class"));
        int feature = Runtime.version().feature();
        int newer = feature + 45;
        bytes[6] = (byte) (newer >> 8);
        bytes[7] = (byte) newer;
        java.nio.file.Files.write(classes.resolve(classFile), bytes);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        int status;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                original)) {
            thread.setContextClassLoader(loader);
            status = TunerConsole.run(new String[] {classes.toString()}, out);
        } finally {
            thread.setContextClassLoader(original);
        }

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_CLASSES_TOO_NEW);
        assertThat(output).contains("[tuner] ERROR: the JVM running the studies cannot load the test classes: "
                        + classFile + " in " + classes + " has class-file version " + newer + " (Java " + (feature + 1)
                        + "), and this JVM, Java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.home") + "), loads versions up to " + (feature + 44))
                .contains("Run the studies on a JDK " + (feature + 1) + " or newer")
                .contains("-Dtuner.jvm")
                .doesNotContain("no @Tune method found");
    }

    @Test
    void noDirectoryGivenReturnsTwoWithUsage() {
        int status = TunerConsole.run(new String[0], out);

        assertThat(status).isEqualTo(TunerConsole.EXIT_NO_STUDY);
        assertThat(output()).contains("no test-class directory given").contains("usage:");
    }

    @Test
    void directoryThatDoesNotExistFindsNothing() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");

        int status = TunerConsole.run(new String[] {outputDir.resolve("missing").toString()}, out);

        assertThat(status).isEqualTo(TunerConsole.EXIT_NO_STUDY);
        assertThat(output()).contains("no @Tune method found");
    }

    @Test
    void studyThatCannotRunReturnsOne() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "BrokenDeclarationTestCase");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_STUDY_FAILED);
        String study = BrokenDeclarationTestCase.class.getName() + ".broken";
        assertThat(output)
                .contains("[tuner] ERROR " + study + ": ")
                .contains("@Uniform")
                .contains("Summary")
                .contains(study + ": 0 trials, 0 failed")
                .contains("could not run: ");
        assertThat(outputDir).isEmptyDirectory();
    }

    @Test
    void oneBrokenStudyAmongGoodOnesReturnsOneAndStillRunsTheOthers() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy, BrokenDeclarationTestCase");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_STUDY_FAILED);
        assertThat(output).contains(QuadraticStudy.class.getName() + ".quad: 3 trials, 0 failed")
                .contains("could not run: ");
        assertThat(outputDir.resolve(QuadraticStudy.class.getName() + ".quad.properties")).exists();
    }

    @Test
    void studyWithoutACompleteTrialReturnsOne() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "AlwaysThrowsTestCase");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        String output = output();
        assertThat(status).as(output).isEqualTo(TunerConsole.EXIT_STUDY_FAILED);
        assertThat(output).contains(AlwaysThrowsTestCase.class.getName() + ".objective: 3 trials, 3 failed")
                .contains("no trial");
    }

    @Test
    void invalidSettingIsReportedAsAStudyThatCannotRun() {
        System.setProperty(Constants.TEST_PROPERTY_NAME, "QuadraticStudy");
        System.setProperty(Constants.TRIALS_PROPERTY_NAME, "abc");

        int status = TunerConsole.run(new String[] {testClassesRoot()}, out);

        assertThat(status).isEqualTo(TunerConsole.EXIT_STUDY_FAILED);
        assertThat(output()).contains("tuner.trials=abc");
    }

    private String output() {
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String testClassesRoot() {
        try {
            return Path.of(TunerConsoleTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static class BrokenDeclarationTestCase {

        @Tune(trials = 3)
        double broken(@Uniform(min = 1, max = 0) double x) {
            return x;
        }
    }

    static class PrunesTestCase {

        @Tune(trials = 3, pruner = "sh")
        double objective(@Uniform(min = -1, max = 1) double x, Trial trial) {
            for (int step = 0; step < 5; step++) {
                trial.report(step, x * x + 1.0 / (step + 1));
                if (trial.shouldPrune()) {
                    throw new TrialPruned();
                }
            }
            return x * x;
        }
    }

    static class FailsOddTrialsTestCase {

        @Tune
        double odd(Trial trial, @Uniform(min = 0, max = 1) double x) {
            if (trial.number() % 2 == 1) {
                throw new IllegalStateException("odd trial");
            }
            return x;
        }
    }

    static class SometimesThrowsTestCase {

        @Tune(trials = 3)
        double objective(@Uniform(min = -1, max = 1) double x) {
            if (x > 0) {
                throw new IllegalStateException("positive " + x);
            }
            return -x;
        }
    }

    static class AlwaysThrowsTestCase {

        @Tune(trials = 3)
        double objective(@Uniform(min = -1, max = 1) double x) {
            throw new IllegalStateException("never works");
        }
    }

    static class WorseningTestCase {

        /** Each trial is worse than the one before, so the first is the best. */
        @Tune
        double worsens(Trial trial, @Uniform(min = 0, max = 1) double x) {
            return trial.number() + x;
        }
    }

    static class SlowTestCase {

        /** Each trial takes longer than the tests' progress interval. */
        @Tune(trials = 3)
        double slow(@Uniform(min = 0, max = 1) double x) throws InterruptedException {
            Thread.sleep(5);
            return x;
        }
    }
}
