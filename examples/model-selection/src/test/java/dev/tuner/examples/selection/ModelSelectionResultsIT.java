package dev.tuner.examples.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Bool;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Uniform;
import dev.tuner.examples.data.Datasets;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks what the build's own {@code tuner:tune} run (seed 1, a few trials; see the pom) wrote: one
 * scaling, one model branch with its knobs and none of the branches not taken, every value inside
 * the range its annotation declares, and a winner that, rebuilt from the file, reaches the accuracy
 * the file reports.
 */
class ModelSelectionResultsIT {

    private static final String STUDY = ModelSelectionTuning.class.getName() + ".validationAccuracy";
    private static final String MODEL = STUDY + ".model";
    private static final Path FILE = Path.of("target", "tuner", STUDY + ".properties");

    /** The records a branch key can name, by the simple name the file uses. */
    private static final Map<String, Class<?>> BRANCHES = Map.of(
            "Svm", Svm.class, "Forest", Forest.class,
            "Rbf", Kernel.Rbf.class, "Linear", Kernel.Linear.class, "Poly", Kernel.Poly.class);

    private static Properties best;

    @BeforeAll
    static void readTheFile() throws IOException {
        best = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.ISO_8859_1)) {
            best.load(reader);
        }
    }

    @Test
    void theFileNamesTheWinningBranchesAndOnlyTheirKnobs() {
        assertThat(best.getProperty(STUDY + ".scaling")).isIn("STANDARDIZE", "MIN_MAX");
        String model = best.getProperty(MODEL);
        assertThat(model).isIn("Svm", "Forest");

        List<String> taken = model.equals("Svm")
                ? List.of(MODEL + ".Svm.", MODEL + ".Svm.kernel." + best.getProperty(MODEL + ".Svm.kernel") + ".")
                : List.of(MODEL + ".Forest.");
        assertThat(best.stringPropertyNames())
                .filteredOn(key -> key.startsWith(MODEL + "."))
                .isNotEmpty()
                .allMatch(key -> taken.stream().anyMatch(key::startsWith), "a knob of a branch taken");
        if (model.equals("Svm")) {
            assertThat(best.getProperty(MODEL + ".Svm.kernel")).isIn("Rbf", "Linear", "Poly");
        }
    }

    @Test
    void everyValueLiesInTheRangeItsAnnotationDeclares() {
        for (String key : best.stringPropertyNames()) {
            if (!key.startsWith(MODEL + ".")) {
                continue;
            }
            String[] segments = key.substring(MODEL.length() + 1).split("\\.");
            Class<?> branch = BRANCHES.get(segments[segments.length - 2]);
            String member = segments[segments.length - 1];
            RecordComponent component = Arrays.stream(branch.getRecordComponents())
                    .filter(candidate -> candidate.getName().equals(member))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(key + " names no component of " + branch.getName()));
            assertWithinItsRange(key, component, best.getProperty(key));
        }
    }

    @Test
    void theWinnerRebuiltFromTheFileReachesTheWrittenAccuracy() throws IOException {
        Scaling scaling = Scaling.valueOf(best.getProperty(STUDY + ".scaling"));
        Model model = best.getProperty(MODEL).equals("Svm") ? svm() : forest();

        double accuracy = model.validationAccuracy(scaling.scale(Datasets.breastCancer()));

        assertThat(accuracy).isGreaterThanOrEqualTo(0.93);
        assertThat(Files.readString(FILE, StandardCharsets.ISO_8859_1))
                .contains("# objective: " + accuracy + " (maximize)");
    }

    private static Svm svm() {
        String kernel = MODEL + ".Svm.kernel";
        return new Svm(number(MODEL + ".Svm.c"), switch (best.getProperty(kernel)) {
            case "Rbf" -> new Kernel.Rbf(number(kernel + ".Rbf.gamma"));
            case "Linear" -> new Kernel.Linear();
            case "Poly" -> new Kernel.Poly(number(kernel + ".Poly.gamma"), (int) number(kernel + ".Poly.degree"),
                    number(kernel + ".Poly.coef0"));
            default -> throw new AssertionError("unknown kernel " + best.getProperty(kernel));
        });
    }

    private static Forest forest() {
        String forest = MODEL + ".Forest.";
        return new Forest((int) number(forest + "trees"), (int) number(forest + "maxDepth"),
                (int) number(forest + "featuresPerSplit"), Boolean.parseBoolean(best.getProperty(forest + "extraTrees")));
    }

    private static double number(String key) {
        String value = best.getProperty(key);
        assertThat(value).as("key %s", key).isNotNull();
        return Double.parseDouble(value);
    }

    private static void assertWithinItsRange(String key, RecordComponent component, String value) {
        if (component.isAnnotationPresent(LogUniform.class)) {
            LogUniform range = component.getAnnotation(LogUniform.class);
            assertThat(Double.parseDouble(value)).as(key).isBetween(range.min(), range.max());
        } else if (component.isAnnotationPresent(Uniform.class)) {
            Uniform range = component.getAnnotation(Uniform.class);
            assertThat(Double.parseDouble(value)).as(key).isBetween(range.min(), range.max());
        } else if (component.isAnnotationPresent(IntUniform.class)) {
            IntUniform range = component.getAnnotation(IntUniform.class);
            assertThat(Long.parseLong(value)).as(key).isBetween(range.min(), range.max());
        } else if (component.isAnnotationPresent(Bool.class)) {
            assertThat(value).as(key).isIn("true", "false");
        } else {
            // the nested @Choice Kernel: its value is checked with the branches above
            assertThat(component.getType()).as(key).isEqualTo(Kernel.class);
        }
    }
}
