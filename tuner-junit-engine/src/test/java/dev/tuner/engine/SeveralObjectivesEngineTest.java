package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.trialLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.AtMost;
import dev.tuner.Maximize;
import dev.tuner.Minimize;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A {@code @Tune} method returning a record of two objectives and a constraint, run through the
 * platform: its trials' names, the Pareto set file, the properties of the trial its rule picks, and a
 * best run of that trial.
 */
class SeveralObjectivesEngineTest {

    private static final String KNEE_STUDY = TradeOffTestCase.class.getName() + ".knee";
    private static final String ACCURATE_STUDY = TradeOffTestCase.class.getName() + ".accurate";

    @TempDir
    Path outputDir;

    @BeforeEach
    void setUp() {
        TradeOffTestCase.SEEN.clear();
    }

    private EngineExecutionResults search(String method, String... settings) {
        return TunerKit.execute(selectMethod(TradeOffTestCase.class, method, "double"), outputDir, settings);
    }

    @Test
    void eachTrialShowsEveryObjectiveByNameAndWhichConstraintItBreaks() {
        EngineExecutionResults results = search("knee");

        List<String> lines = trialLines(results);
        assertThat(lines).hasSize(16).allSatisfy(line -> assertThat(line).matches("#\\d+ x=\\S+ → accuracy \\S+, latency \\S+.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).endsWith(" ✗ latency > 0.5"))
                .anySatisfy(line -> assertThat(line).doesNotContain("✗"));
        List<Map<String, String>> values = results.testEvents().reportingEntryPublished()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(entry -> entry.containsKey(Constants.TRIAL_ENTRY)).toList();
        assertThat(values).allSatisfy(entry -> assertThat(entry)
                .containsKeys(Constants.VALUE_ENTRY + ".accuracy", Constants.VALUE_ENTRY + ".latency",
                        Constants.FEASIBLE_ENTRY, Constants.CONSTRAINT_ENTRY_PREFIX + "latency")
                .doesNotContainKey(Constants.VALUE_ENTRY));
    }

    @Test
    void theParetoSetIsWrittenBesideThePropertiesWhichHoldTheKneeByDefault() throws IOException {
        EngineExecutionResults results = search("knee");

        List<Row> front = paretoRows(outputDir.resolve(KNEE_STUDY + ".pareto.csv"));
        List<Row> feasible = TradeOffTestCase.SEEN.stream().filter(x -> x * x <= 0.5).map(x -> new Row(-1, x, x * x)).toList();
        // accuracy x against latency x², both rising with x: every feasible trial is on the front
        assertThat(front).extracting(Row::accuracy).containsExactlyInAnyOrderElementsOf(feasible.stream().map(Row::accuracy).toList());
        assertThat(front).allSatisfy(row -> assertThat(row.latency()).isLessThanOrEqualTo(0.5));

        Path properties = outputDir.resolve(KNEE_STUDY + ".properties");
        String text = Files.readString(properties);
        assertThat(text).contains("# picked: knee of " + front.size() + " Pareto trials");
        double picked = Double.parseDouble(load(properties).getProperty(KNEE_STUDY + ".x"));
        assertThat(front).extracting(Row::accuracy).contains(picked);
        assertThat(picked).isEqualTo(knee(front));
        Map<String, String> entry = TunerKit.reportEntry(results);
        assertThat(entry).containsEntry(Constants.PICKED_ENTRY, "knee of " + front.size() + " Pareto trials")
                .containsEntry(Constants.PARETO_ENTRY, outputDir.resolve(KNEE_STUDY + ".pareto.csv").toString());
        assertThat(entry.get(Constants.BEST_ENTRY)).contains("→ accuracy ");
        // the report's page of several objectives is written with the rest
        Path page = outputDir.resolve(KNEE_STUDY + ".html");
        assertThat(entry).containsEntry(Constants.REPORT_ENTRY, page.toString());
        assertThat(Files.readString(page)).contains("Pareto front").contains("accuracy").contains("latency");
    }

    @Test
    void aPickOnOneObjectiveHoldsTheBestOnItWithinTheConstraintAndTheBestModeRunsIt() throws IOException {
        String journal = "journal:" + outputDir.resolve("journal.jsonl");
        search("accurate", Constants.STORAGE_PROPERTY_NAME, journal);

        List<Row> front = paretoRows(outputDir.resolve(ACCURATE_STUDY + ".pareto.csv"));
        double mostAccurate = front.stream().mapToDouble(Row::accuracy).max().orElseThrow();
        Path properties = outputDir.resolve(ACCURATE_STUDY + ".properties");
        assertThat(Double.parseDouble(load(properties).getProperty(ACCURATE_STUDY + ".x"))).isEqualTo(mostAccurate);
        assertThat(Files.readString(properties)).contains("# picked: best accuracy of " + front.size() + " Pareto trials")
                .containsPattern("# objective: accuracy \\S+ \\(maximize\\), latency \\S+ \\(minimize\\), trial #\\d+");
        assertThat(TradeOffTestCase.SEEN).anySatisfy(x -> assertThat(x * x).isGreaterThan(0.5));  // more accurate, too slow

        TradeOffTestCase.SEEN.clear();
        TunerKit.execute(selectMethod(TradeOffTestCase.class, "accurate", "double"), outputDir,
                Constants.MODE_PROPERTY_NAME, "best", Constants.STORAGE_PROPERTY_NAME, journal);
        assertThat(TradeOffTestCase.SEEN).containsExactly(mostAccurate);
    }

    @Test
    void aDeclarationThatCannotWorkFailsItsStudyNamingTheComponentAndTheFix() {
        EngineExecutionResults results = TunerKit.execute(selectClass(MisdeclaredTestCase.class), outputDir);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(), finishedWithFailure(message(text -> text.contains(
                        "component 'note' of record " + Unmarked.class.getName()) && text.contains("is neither an objective"
                        + " nor a constraint; mark it @Maximize or @Minimize")))))
                .haveExactly(1, event(container(), finishedWithFailure(message(text -> text.contains(
                        "@Tune(pick \"speed\" names no objective; give \"knee\" or the name of an objective")))))
                .haveExactly(1, event(container(), finishedWithFailure(message(text -> text.contains(
                        "@Tune(pruner) is 'median', but the method returns 2 objectives [accuracy, latency]")))))
                .haveExactly(1, event(container(), finishedWithFailure(message(text -> text.contains(
                        "@Tune(sampler) is 'cmaes', but the method returns 2 objectives [accuracy, latency], and cmaes"
                        + " models one objective value; use auto (the default), tpe")))));
    }

    /** The knee of a front of (accuracy ↑, latency ↓): the smallest sum of the values scaled to [0, 1], 0 best. */
    private static double knee(List<Row> front) {
        double minAccuracy = front.stream().mapToDouble(Row::accuracy).min().orElseThrow();
        double maxAccuracy = front.stream().mapToDouble(Row::accuracy).max().orElseThrow();
        double minLatency = front.stream().mapToDouble(Row::latency).min().orElseThrow();
        double maxLatency = front.stream().mapToDouble(Row::latency).max().orElseThrow();
        Row knee = null;
        double smallest = Double.POSITIVE_INFINITY;
        for (Row row : front) {
            double sum = (maxAccuracy - row.accuracy()) / (maxAccuracy - minAccuracy)
                    + (row.latency() - minLatency) / (maxLatency - minLatency);
            if (sum < smallest) {
                smallest = sum;
                knee = row;
            }
        }
        return knee.accuracy();
    }

    private record Row(int trial, double accuracy, double latency) {}

    /** The rows of a Pareto file, checking its header: trial, the objectives, the constraint, the knob. */
    private static List<Row> paretoRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String study = file.getFileName().toString().replace(".pareto.csv", "");
        assertThat(lines.get(0)).isEqualTo("trial,accuracy,latency,constraint latency," + study + ".x");
        return lines.stream().skip(1).map(line -> line.split(",")).map(cells -> {
            assertThat(cells).hasSize(5);
            assertThat(Double.parseDouble(cells[3])).isLessThanOrEqualTo(0);
            assertThat(Double.parseDouble(cells[4])).isEqualTo(Double.parseDouble(cells[1]));   // accuracy is x
            return new Row(Integer.parseInt(cells[0]), Double.parseDouble(cells[1]), Double.parseDouble(cells[2]));
        }).collect(Collectors.toList());
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Two objectives and a constraint: accuracy x, the higher the better; latency x², the lower, at most 0.5. */
    public record Outcome(@Maximize double accuracy, @Minimize @AtMost(0.5) double latency) {}

    static class TradeOffTestCase {

        static final List<Double> SEEN = new ArrayList<>();

        @Tune(trials = 16, seed = 5, sampler = "random")
        Outcome knee(@Uniform(min = 0, max = 1) double x) {
            SEEN.add(x);
            return new Outcome(x, x * x);
        }

        @Tune(trials = 16, seed = 6, sampler = "random", pick = "accuracy")
        Outcome accurate(@Uniform(min = 0, max = 1) double x) {
            SEEN.add(x);
            return new Outcome(x, x * x);
        }
    }

    public record Unmarked(@Maximize double accuracy, double note) {}

    static class MisdeclaredTestCase {

        @Tune(trials = 2)
        Unmarked unmarked(@Uniform(min = 0, max = 1) double x) {
            return new Unmarked(x, x);
        }

        @Tune(trials = 2, pick = "speed")
        Outcome unknownPick(@Uniform(min = 0, max = 1) double x) {
            return new Outcome(x, x);
        }

        @Tune(trials = 2, pruner = "median")
        Outcome pruned(@Uniform(min = 0, max = 1) double x) {
            return new Outcome(x, x);
        }

        @Tune(trials = 2, sampler = "cmaes")
        Outcome cmaes(@Uniform(min = 0, max = 1) double x) {
            return new Outcome(x, x);
        }
    }
}
