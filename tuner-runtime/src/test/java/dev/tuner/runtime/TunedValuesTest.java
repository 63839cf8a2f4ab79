package dev.tuner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Uniform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedValuesTest {

    private static final String CLASSIFIER = Classifier.class.getName();

    @TempDir
    Path directory;

    enum Activation { RELU, TANH }

    static class Classifier {
        @LogUniform(min = 1e-4, max = 1e-1) double learningRate = 1e-2;
        @IntUniform(min = 1, max = 8) private int layers = 2;
        @Choice({"relu", "tanh"}) String activation = "relu";
        @Choice Activation output = Activation.RELU;
        @Uniform(min = 0, max = 1) Float dropout = 0.5f;
        @IntUniform(min = 1, max = 1_000_000) static long cacheSize = 1000;
        double untouched = 3;

        @IntUniform(min = 16, max = 4096) int batchSize() {
            return 128;
        }

        @IntUniform(min = 1, max = 64) static int threads() {
            return 4;
        }
    }

    static class DeepClassifier extends Classifier {
        @Uniform(min = 0, max = 1) double momentum = 0.9;
    }

    @Test
    void appliesEveryNamedKnobAndLeavesTheRest() throws IOException {
        TunedValues values = file(
                CLASSIFIER + ".learningRate=0.003170000000000001",
                CLASSIFIER + ".layers=4",
                CLASSIFIER + ".activation=tanh",
                CLASSIFIER + ".output=TANH",
                CLASSIFIER + ".dropout=0.25");
        Classifier classifier = new Classifier();

        values.apply(classifier);

        assertThat(classifier.learningRate).isEqualTo(0.003170000000000001);
        assertThat(classifier.layers).isEqualTo(4);
        assertThat(classifier.activation).isEqualTo("tanh");
        assertThat(classifier.output).isEqualTo(Activation.TANH);
        assertThat(classifier.dropout).isEqualTo(0.25f);
        assertThat(classifier.untouched).isEqualTo(3);
    }

    @Test
    void appliesStaticFieldsAndFieldsOfSuperclasses() throws IOException {
        long before = Classifier.cacheSize;
        try {
            TunedValues values = file(
                    CLASSIFIER + ".cacheSize=4096",
                    CLASSIFIER + ".layers=7",
                    DeepClassifier.class.getName() + ".momentum=0.5");
            DeepClassifier classifier = new DeepClassifier();

            values.apply(classifier);

            assertThat(Classifier.cacheSize).isEqualTo(4096);
            assertThat(((Classifier) classifier).layers).isEqualTo(7);
            assertThat(classifier.momentum).isEqualTo(0.5);
        } finally {
            Classifier.cacheSize = before;
        }
    }

    @Test
    void withoutValuesEveryMemberKeepsItsDefault() {
        Classifier classifier = new Classifier();

        TunedValues.none().apply(classifier);

        assertThat(classifier.learningRate).isEqualTo(1e-2);
        assertThat(classifier.layers).isEqualTo(2);
        assertThat(TunedValues.none().<Integer>value(Classifier.class, "threads")).isEqualTo(4);
        assertThat(TunedValues.none().<Long>value(Classifier.class, "cacheSize")).isEqualTo(Classifier.cacheSize);
    }

    @Test
    void valueReadsTunedFieldsAndMethods() throws IOException {
        TunedValues values = file(CLASSIFIER + ".batchSize=256", CLASSIFIER + ".layers=3");

        assertThat(values.<Integer>value(Classifier.class, "batchSize")).isEqualTo(256);
        assertThat(values.<Integer>value(Classifier.class, "layers")).isEqualTo(3);
    }

    @Test
    void wholeNumbersWrittenAsDoublesAreAccepted() throws IOException {
        TunedValues values = file(CLASSIFIER + ".batchSize=256.0");

        assertThat(values.<Integer>value(Classifier.class, "batchSize")).isEqualTo(256);
    }

    @Test
    void anInstanceMemberWithoutValueNeedsAnInstance() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.none().value(Classifier.class, "batchSize"))
                .withMessageContaining(CLASSIFIER + ".batchSize")
                .withMessageContaining("not static");
    }

    @Test
    void anUnknownMemberIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TunedValues.none().value(Classifier.class, "untouched"))
                .withMessageContaining(CLASSIFIER + " has no knob field or method named 'untouched'");
    }

    @Test
    void aValueOfTheWrongTypeNamesKeyAndFile() throws IOException {
        Path file = write(CLASSIFIER + ".layers=four");

        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.load(file).apply(new Classifier()))
                .withMessageContaining(CLASSIFIER + ".layers=four")
                .withMessageContaining(file.toString())
                .withMessageContaining("not a valid int");
    }

    @Test
    void aValueOutsideTheDeclaredRangeIsRefused() throws IOException {
        Path file = write(CLASSIFIER + ".learningRate=0.5");

        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.load(file).apply(new Classifier()))
                .withMessageContaining(CLASSIFIER + ".learningRate=0.5")
                .withMessageContaining("outside the declared range [1.0E-4, 0.1]")
                .withMessageContaining("rerun tuner:tune");
    }

    @Test
    void aValueThatIsNotAnOptionIsRefused() throws IOException {
        TunedValues values = file(CLASSIFIER + ".activation=elu");

        assertThatIllegalStateException()
                .isThrownBy(() -> values.apply(new Classifier()))
                .withMessageContaining("options [relu, tanh]");
    }

    @Test
    void anUnknownEnumConstantIsRefused() throws IOException {
        TunedValues values = file(CLASSIFIER + ".output=SIGMOID");

        assertThatIllegalStateException()
                .isThrownBy(() -> values.apply(new Classifier()))
                .withMessageContaining("not a valid Activation");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("missing.properties");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TunedValues.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void readsTheFileTheTuneGoalWrites() throws IOException {
        TunedValues values = file(
                "# Best parameters of study com.acme.ClassifierTuning.accuracy",
                "# objective: 0.931 (maximize), trial #17",
                CLASSIFIER + ".layers=5");

        assertThat(values.contains(CLASSIFIER + ".layers")).isTrue();
        assertThat(values.source()).endsWith(".properties");
    }

    @Test
    void aClasspathResourceThatDoesNotExistMeansNoValues() {
        TunedValues values = TunedValues.fromClasspath("no/such/tuner.properties", getClass().getClassLoader());

        assertThat(values.contains(CLASSIFIER + ".layers")).isFalse();
    }

    @Test
    void readsAClasspathResource() {
        TunedValues values = TunedValues.fromClasspath("dev/tuner/runtime/tuned-example.properties",
                getClass().getClassLoader());
        Classifier classifier = new Classifier();

        values.apply(classifier);

        assertThat(classifier.layers).isEqualTo(6);
        assertThat(values.source()).isEqualTo("classpath:dev/tuner/runtime/tuned-example.properties");
    }

    private TunedValues file(String... lines) throws IOException {
        return TunedValues.load(write(lines));
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(directory, "tuned", ".properties");
        Files.write(file, java.util.List.of(lines), StandardCharsets.ISO_8859_1);
        return file;
    }
}
