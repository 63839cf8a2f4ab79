package dev.tuner.examples.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.Storages;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.mlp.Mlp;
import dev.tuner.runtime.Tuned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks what the build's own {@code tuner:tune} run (seed 1; see the pom) left, and that production
 * code reads it: the Pareto set holds feasible trials only, none beaten by another and every other
 * feasible trial beaten by one of them; the properties file holds the knee of that set; and a
 * {@link DigitClassifier} built as production builds it ({@link Tuned}, here pointed at that file by
 * {@code -Dtuner.properties}, see the pom's Failsafe configuration) has the picked shape and, trained,
 * the picked accuracy and a size within the bound.
 *
 * <p>The latencies are measured, so a second run of the same seed does not repeat them, nor the
 * trials the sampler proposes from them; the checks hold for any run.
 */
class AccuracyLatencyResultsIT {

    private static final String STUDY = AccuracyLatencyTuning.class.getName() + ".accuracyAndLatency";
    private static final Path PROPERTIES = Path.of("target", "tuner", STUDY + ".properties");
    private static final Path PARETO = Path.of("target", "tuner", STUDY + ".pareto.csv");
    private static final String KNOB = DigitClassifier.class.getName() + ".";
    private static final List<String> KNOBS = List.of("activation", "learningRate", "hiddenLayers", "units");
    private static final Pattern PICKED = Pattern.compile(
            "# objective: accuracy (\\S+) \\(maximize\\), latencyMicros (\\S+) \\(minimize\\), trial #(\\d+)");

    private static List<Map<String, String>> front;
    private static List<FrozenTrial> trials;

    @BeforeAll
    static void readTheOutputs() throws IOException {
        List<String> lines = Files.readAllLines(PARETO, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        front = lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",");
            return IntStream.range(0, header.size()).boxed()
                    .collect(Collectors.toMap(header::get, column -> cells[column]));
        }).toList();
        try (Storage storage = Storages.open(Storages.DEFAULT)) {
            trials = storage.trials(STUDY);
        }
    }

    @Test
    void theParetoSetHasAColumnPerObjectiveConstraintAndKnob() throws IOException {
        assertThat(Files.readAllLines(PARETO, StandardCharsets.UTF_8).get(0).split(","))
                .containsExactlyInAnyOrder("trial", "accuracy", "latencyMicros", "constraint accuracy",
                        "constraint sizeKb", KNOB + "activation", KNOB + "learningRate", KNOB + "hiddenLayers",
                        KNOB + "units");
        assertThat(front).isNotEmpty();
    }

    @Test
    void theParetoSetIsTheFeasibleTrialsNoOtherBeats() {
        // each constraint column holds value − bound (or bound − value for @AtLeast): at most 0 when met
        assertThat(front).allSatisfy(row -> {
            assertThat(number(row, "constraint accuracy")).isLessThanOrEqualTo(0);
            assertThat(number(row, "constraint sizeKb")).isLessThanOrEqualTo(0);
            assertThat(number(row, "accuracy")).isGreaterThanOrEqualTo(AccuracyLatencyTuning.MIN_ACCURACY);
        });
        assertThat(front).allSatisfy(row -> assertThat(front)
                .noneMatch(other -> dominates(other, row)));

        List<FrozenTrial> feasible = trials.stream()
                .filter(trial -> trial.state() == TrialState.COMPLETE && trial.isFeasible()).toList();
        List<Integer> rows = front.stream().map(row -> Integer.parseInt(row.get("trial"))).toList();
        assertThat(feasible).extracting(FrozenTrial::number).containsAll(rows);
        assertThat(feasible).filteredOn(trial -> !rows.contains(trial.number()))
                .allSatisfy(trial -> assertThat(front).as("trial #%d", trial.number())
                        .anyMatch(row -> dominates(row, trial.values().get(0), trial.values().get(1))));
    }

    @Test
    void theBoundsMadeSomeTrialsInfeasible() {
        // the search space reaches networks of 333 KiB and learning rates at which a network learns nothing
        assertThat(trials).anyMatch(trial -> !trial.isFeasible());
    }

    @Test
    void productionReadsThePickedTrialAndItsNetworkDoesWhatTheFileSays() throws IOException {
        String text = Files.readString(PROPERTIES, StandardCharsets.ISO_8859_1);
        Matcher picked = PICKED.matcher(text);
        assertThat(picked.find()).as("the objective line of %s:%n%s", PROPERTIES, text).isTrue();
        assertThat(text).contains("# picked: knee of " + front.size() + " Pareto trials");
        Map<String, String> row = front.stream().filter(r -> r.get("trial").equals(picked.group(3)))
                .findFirst().orElseThrow(() -> new AssertionError("trial #" + picked.group(3) + " is not in " + PARETO));

        DigitClassifier classifier = new DigitClassifier();   // as production builds it: Tuned reads the file
        assertThat(Tuned.values().source()).contains(PROPERTIES.getFileName().toString());
        assertThat(classifier.activation().name()).isEqualTo(row.get(KNOB + "activation"));
        assertThat(classifier.learningRate()).isEqualTo(number(row, KNOB + "learningRate"));
        assertThat(classifier.hiddenLayers()).isEqualTo(Integer.parseInt(row.get(KNOB + "hiddenLayers")));
        assertThat(classifier.units()).isEqualTo(Integer.parseInt(row.get(KNOB + "units")));

        Dataset digits = Datasets.digits();
        Mlp mlp = classifier.train(digits);
        assertThat(mlp.accuracy(digits.valid())).isEqualTo(Double.parseDouble(picked.group(1)))
                .isGreaterThanOrEqualTo(AccuracyLatencyTuning.MIN_ACCURACY);
        assertThat(DigitClassifier.sizeKb(mlp))
                .isEqualTo(number(row, "constraint sizeKb") + AccuracyLatencyTuning.MAX_SIZE_KB)
                .isLessThanOrEqualTo(AccuracyLatencyTuning.MAX_SIZE_KB);
    }

    private static boolean dominates(Map<String, String> row, Map<String, String> other) {
        return dominates(row, number(other, "accuracy"), number(other, "latencyMicros"));
    }

    /** Whether the row is at least as accurate and as fast as the point, and better on one. */
    private static boolean dominates(Map<String, String> row, double accuracy, double latency) {
        double a = number(row, "accuracy");
        double l = number(row, "latencyMicros");
        return a >= accuracy && l <= latency && (a > accuracy || l < latency);
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
