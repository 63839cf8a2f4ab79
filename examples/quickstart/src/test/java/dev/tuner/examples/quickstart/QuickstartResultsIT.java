package dev.tuner.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Checks what the build's own {@code tuner:tune} run (seed 1, 200 trials; see the pom) wrote: the
 * best parameters of each quickstart study are near the known optimum. The run uses the default
 * sampler, {@code auto}: a Gaussian process on the four flat studies, and on {@code modelChoice} a
 * Gaussian process for its first trials, then TPE once the conditional space shows.
 */
class QuickstartResultsIT {

    private static final Path RESULTS = Path.of("target", "tuner");
    private static final String STUDY = QuickstartTuning.class.getName() + ".";

    @Test
    void quad1FindsXNearHalf() throws IOException {
        double x = value("quad1", "x");
        assertThat(x).isCloseTo(0.5, Offset.offset(0.1));
    }

    @Test
    void sphere2FindsPointNearOrigin() throws IOException {
        double x = value("sphere2", "x");
        double y = value("sphere2", "y");
        assertThat(x * x + y * y).isLessThan(2.0);
    }

    @Test
    void saddleGoesBelowMinusThreeAndAHalf() throws IOException {
        double a = value("saddle", "a");
        double b = value("saddle", "b");
        assertThat(a * a - b * b).isLessThan(-3.5);
    }

    @Test
    void braninFieldKnobsAreKeyedByTheirFieldsAndNearAMinimum() throws IOException {
        Properties best = read("branin");
        Branin branin = new Branin();
        branin.x1 = Double.parseDouble(best.getProperty(Branin.class.getName() + ".x1"));
        branin.x2 = Double.parseDouble(best.getProperty(Branin.class.getName() + ".x2"));

        assertThat(branin.value()).isLessThan(2.0);
    }

    @Test
    void modelChoiceWritesTheBranchAndOnlyItsKnobs() throws IOException {
        Properties best = read("modelChoice");
        String choice = STUDY + "modelChoice.model";

        assertThat(best.getProperty(choice)).isEqualTo("Narrow");
        double y = Double.parseDouble(best.getProperty(choice + ".Narrow.y"));
        assertThat(new Model.Narrow(y).loss()).isLessThan(0.5);
        assertThat(best.stringPropertyNames()).noneMatch(key -> key.contains(".Broad."));
    }

    @Test
    void filesSayWhereTheValuesCameFrom() throws IOException {
        String text = Files.readString(RESULTS.resolve(STUDY + "quad1.properties"), StandardCharsets.ISO_8859_1);
        assertThat(text)
                .contains("# Best parameters of study " + STUDY + "quad1")
                .contains("(minimize)")
                .contains("# trials: 200 (200 complete, 0 failed)")
                .containsPattern("# written: \\d{4}-\\d\\d-\\d\\dT");
    }

    private static double value(String method, String parameter) throws IOException {
        String key = STUDY + method + "." + parameter;
        String value = read(method).getProperty(key);
        assertThat(value).as("key %s", key).isNotNull();
        return Double.parseDouble(value);
    }

    private static Properties read(String method) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESULTS.resolve(STUDY + method + ".properties"),
                StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }
}
