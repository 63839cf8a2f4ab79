package dev.tuner.examples.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.LogUniform;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.Storages;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks what the build's own {@code tuner:tune} run (seed 1, a few trials; see the pom) left: a
 * properties file with the knobs of exactly the layers the best network has, every value inside
 * its range, a network that, rebuilt from the file, reaches the accuracy the file reports, and a
 * journal in which the pruner stopped some trials early.
 */
class MlpDigitsResultsIT {

    private static final String STUDY = MlpDigitsTuning.class.getName() + ".validationAccuracy";
    private static final String LEARNING_RATE = STUDY + ".learningRate";
    private static final String ACTIVATION = STUDY + ".activation";
    /** The knobs the method suggests through its Trial are its study's too: {@code <study>.layers}. */
    private static final String LAYERS = STUDY + ".layers";
    private static final Path FILE = Path.of("target", "tuner", STUDY + ".properties");

    // the define-by-run ranges, as MlpDigitsTuning asks the trial for them
    private static final int MAX_LAYERS = 3;
    private static final int MIN_UNITS = 8;
    private static final int MAX_UNITS = 64;
    private static final double MAX_DROPOUT = 0.5;

    private static Properties best;

    @BeforeAll
    static void readTheFile() throws IOException {
        best = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.ISO_8859_1)) {
            best.load(reader);
        }
    }

    @Test
    void theFileHoldsTheKnobsOfExactlyTheLayersTheBestNetworkHas() {
        int layers = whole(LAYERS);
        assertThat(layers).isBetween(1, MAX_LAYERS);

        Set<String> expected = new HashSet<>(Set.of(LEARNING_RATE, ACTIVATION, LAYERS));
        for (int layer = 1; layer <= layers; layer++) {
            expected.add(STUDY + ".units" + layer);
            expected.add(STUDY + ".dropout" + layer);
        }
        assertThat(best.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyValueLiesInItsRange() throws NoSuchMethodException {
        LogUniform range = MlpDigitsTuning.class
                .getDeclaredMethod("validationAccuracy", double.class, Activation.class, Trial.class)
                .getParameters()[0].getAnnotation(LogUniform.class);
        assertThat(number(LEARNING_RATE)).isBetween(range.min(), range.max());
        assertThat(value(ACTIVATION)).isIn(Arrays.stream(Activation.values()).map(Enum::name).toList());

        int layers = whole(LAYERS);
        for (int layer = 1; layer <= layers; layer++) {
            assertThat(whole(STUDY + ".units" + layer)).as("units%d", layer).isBetween(MIN_UNITS, MAX_UNITS);
            assertThat(number(STUDY + ".dropout" + layer)).as("dropout%d", layer).isBetween(0.0, MAX_DROPOUT);
        }
    }

    @Test
    void theNetworkRebuiltFromTheFileReachesTheWrittenAccuracy() throws IOException {
        Dataset digits = Datasets.digits();
        Mlp.Builder network = Mlp.builder(digits.featureCount(), digits.classes())
                .learningRate(number(LEARNING_RATE))
                .activation(Activation.valueOf(value(ACTIVATION)))
                .seed(MlpDigitsTuning.SEED);
        int layers = whole(LAYERS);
        for (int layer = 1; layer <= layers; layer++) {
            network.hidden(whole(STUDY + ".units" + layer), number(STUDY + ".dropout" + layer));
        }
        Mlp mlp = network.build();
        for (int epoch = 1; epoch <= MlpDigitsTuning.EPOCHS; epoch++) {
            mlp.trainEpoch(digits.train());
        }
        double accuracy = mlp.accuracy(digits.valid());

        // always answering one digit scores 0.1; a tuned network of 10 epochs does far better
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
        assertThat(Files.readString(FILE, StandardCharsets.ISO_8859_1))
                .contains("# objective: " + accuracy + " (maximize)");
    }

    /*
     * Certain with this budget: the median pruner judges every trial after the first 5 complete ones
     * at each of the 10 epochs, and the learning-rate range reaches rates at which a network does not
     * learn at all; seed 1 and 16 trials prune 5 (the README shows the run).
     */
    @Test
    void thePrunerStoppedSomeTrialsEarlyAndTheBestIsACompleteOne() {
        List<FrozenTrial> trials;
        try (Storage storage = Storages.open(Storages.DEFAULT)) {
            trials = storage.trials(STUDY);
        }
        List<FrozenTrial> pruned = trials.stream().filter(trial -> trial.state() == TrialState.PRUNED).toList();
        List<FrozenTrial> complete = trials.stream().filter(trial -> trial.state() == TrialState.COMPLETE).toList();

        assertThat(pruned).allSatisfy(trial -> {
            assertThat(trial.lastStep().orElseThrow()).as("trial #%d", trial.number())
                    .isBetween(1, MlpDigitsTuning.EPOCHS);
            assertThat(trial.value()).as("trial #%d", trial.number())
                    .hasValue(trial.intermediateValues().get(trial.lastStep().orElseThrow()));
        });
        assertThat(pruned).as("trials stopped before the last epoch")
                .anySatisfy(trial -> assertThat(trial.lastStep().orElseThrow()).isLessThan(MlpDigitsTuning.EPOCHS));
        assertThat(complete).allSatisfy(trial -> assertThat(trial.intermediateValues())
                .as("trial #%d", trial.number()).hasSize(MlpDigitsTuning.EPOCHS));

        double bestValue = complete.stream().mapToDouble(trial -> trial.value().getAsDouble()).max().orElseThrow();
        assertThat(FILE).content(StandardCharsets.ISO_8859_1)
                .contains("# objective: " + bestValue + " (maximize)")
                .contains("# trials: " + trials.size() + " (" + complete.size() + " complete");
    }

    private static int whole(String key) {
        return Integer.parseInt(value(key));
    }

    private static double number(String key) {
        return Double.parseDouble(value(key));
    }

    private static String value(String key) {
        String value = best.getProperty(key);
        assertThat(value).as("key %s in %s", key, FILE).isNotNull();
        return value;
    }
}
