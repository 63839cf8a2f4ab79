package dev.tuner.examples.svm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.examples.data.Datasets;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Checks what the build's own {@code tuner:tune} run (seed 1, 20 trials; see the pom) wrote: the
 * best C and gamma give the accuracy the file reports, and it is close to the best any point
 * reaches on this split (0.9963).
 */
class SvmDigitsResultsIT {

    private static final String STUDY = SvmDigitsTuning.class.getName() + ".validationAccuracy";

    @Test
    void theBestParametersReachTheWrittenAccuracy() throws IOException {
        Properties best = new Properties();
        Path file = Path.of("target", "tuner", STUDY + ".properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            best.load(reader);
        }
        double c = Double.parseDouble(best.getProperty(STUDY + ".c"));
        double gamma = Double.parseDouble(best.getProperty(STUDY + ".gamma"));

        double accuracy = RbfSvm.validationAccuracy(Datasets.digits(), c, gamma);

        assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                .contains("# objective: " + accuracy + " (maximize)");
    }
}
