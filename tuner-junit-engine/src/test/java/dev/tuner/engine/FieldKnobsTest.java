package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.BEST_TEST;
import static dev.tuner.engine.TunerKit.reportEntry;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.trialNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Numbers;
import dev.tuner.engine.testcases.Regressor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Knobs declared on fields and methods of production-like code, read by a {@code @Tune} method
 * through the agent: each trial shows and records them by their full names. And the other members
 * the agent serves, run through the engine: a sealed choice of records, an enum choice, a thread.
 */
class FieldKnobsTest {

    private static final String REGRESSOR = Regressor.class.getName();

    @TempDir
    Path outputDir;

    @BeforeEach
    void forgetScores() {
        FieldKnobsTestCase.SCORES.clear();
    }

    static class FieldKnobsTestCase {
        static final List<Double> SCORES = new ArrayList<>();

        @Tune(trials = 6, seed = 11)
        double fit(@Uniform(min = 0, max = 1) double noise) {
            double score = new Regressor().score() + noise;
            SCORES.add(score);
            return score;
        }
    }

    enum Loss { SQUARED, ABSOLUTE }

    sealed interface Model permits Line, Constant {
        double predict(double x);
    }

    record Line(@Uniform(min = -2, max = 2) double slope, @Uniform(min = -1, max = 1) double intercept)
            implements Model {
        @Override
        public double predict(double x) {
            return slope * x + intercept;
        }
    }

    record Constant(@Uniform(min = -1, max = 1) double value) implements Model {
        @Override
        public double predict(double x) {
            return value;
        }
    }

    static class ModelSelectionTestCase {
        static final List<String> SEEN = new ArrayList<>();

        @dev.tuner.Choice
        Loss loss = Loss.SQUARED;

        @Tune(trials = 8, seed = 3)
        double select(@dev.tuner.Choice Model model) throws InterruptedException {
            double[] error = new double[1];
            // the loss is read on a thread the objective starts: it serves the same trial
            Thread worker = new Thread(() -> {
                for (double x = -1; x <= 1; x += 0.5) {
                    double residual = model.predict(x) - 0.5 * x;
                    error[0] += loss == Loss.SQUARED ? residual * residual : Math.abs(residual);
                }
            });
            worker.start();
            worker.join();
            SEEN.add(model + " " + loss);
            return error[0];
        }
    }

    @Test
    void aSealedChoiceOfRecordsAnEnumFieldAndAThreadWorkThroughTheEngine() throws IOException {
        ModelSelectionTestCase.SEEN.clear();
        EngineExecutionResults results = execute(ModelSelectionTestCase.class, outputDir);

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(8 + BEST_TEST).succeeded(8 + BEST_TEST).failed(0));
        List<String> names = TunerKit.trialLines(results);
        for (int n = 0; n < names.size(); n++) {
            String seen = ModelSelectionTestCase.SEEN.get(n);
            assertThat(names.get(n)).matches("#" + n + " model=(Line slope=\\S+ intercept=\\S+|Constant value=\\S+)"
                    + " loss=(SQUARED|ABSOLUTE) → \\S+");
            // the record the objective got was built from the values the trial shows
            assertThat(seen).startsWith(names.get(n).contains("model=Line") ? "Line[" : "Constant[")
                    .endsWith(names.get(n).contains("loss=SQUARED") ? "SQUARED" : "ABSOLUTE");
        }
        assertThat(names).anyMatch(name -> name.contains("model=Line"))
                .anyMatch(name -> name.contains("model=Constant"));

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(reportEntry(results).get("tuner.properties")),
                StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        String model = ModelSelectionTestCase.class.getName() + ".select.model";
        String branch = properties.getProperty(model);
        assertThat(branch).isIn("Line", "Constant");
        assertThat(properties.stringPropertyNames()).contains(ModelSelectionTestCase.class.getName() + ".loss")
                .allMatch(key -> !key.startsWith(model + ".") || key.startsWith(model + "." + branch + "."));
    }

    @Test
    void trialsReadTheFieldAndMethodKnobsAndShowThem() {
        EngineExecutionResults results = execute(FieldKnobsTestCase.class, outputDir);

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(6 + BEST_TEST).succeeded(6 + BEST_TEST).failed(0));
        List<String> names = TunerKit.trialLines(results);
        assertThat(names).hasSize(6);
        for (int n = 0; n < names.size(); n++) {
            assertThat(names.get(n))
                    .matches("#" + n + " noise=\\S+ learningRate=\\S+ layers=[1-8] batchSize=\\d+ activation=(relu|tanh)"
                            + " → \\S+")
                    .endsWith("→ " + Numbers.compact(FieldKnobsTestCase.SCORES.get(n)));
        }
        // each trial read its own values, not the declared defaults (1e-2, 2, 64, relu → 94)
        assertThat(FieldKnobsTestCase.SCORES).doesNotHaveDuplicates();
    }

    @Test
    void theBestParametersFileKeysFieldKnobsByTheirFullName() throws IOException {
        EngineExecutionResults results = execute(FieldKnobsTestCase.class, outputDir);

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(reportEntry(results).get("tuner.properties")),
                StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        assertThat(properties.stringPropertyNames()).containsExactlyInAnyOrder(
                FieldKnobsTestCase.class.getName() + ".fit.noise",
                REGRESSOR + ".learningRate",
                REGRESSOR + ".layers",
                REGRESSOR + ".batchSize",
                REGRESSOR + ".activation");
        double best = FieldKnobsTestCase.SCORES.stream().min(Double::compare).orElseThrow();
        double learningRate = Double.parseDouble(properties.getProperty(REGRESSOR + ".learningRate"));
        int layers = Integer.parseInt(properties.getProperty(REGRESSOR + ".layers"));
        int batchSize = Integer.parseInt(properties.getProperty(REGRESSOR + ".batchSize"));
        double tanh = properties.getProperty(REGRESSOR + ".activation").equals("tanh") ? 0.5 : 0;
        double noise = Double.parseDouble(properties.getProperty(FieldKnobsTestCase.class.getName() + ".fit.noise"));
        assertThat(learningRate * 1000 + layers * 10 + batchSize + tanh + noise).isCloseTo(best,
                org.assertj.core.api.Assertions.within(1e-6 * best));
    }

    @Test
    void outsideTheStudyTheCodeReadsItsDefaults() {
        execute(FieldKnobsTestCase.class, outputDir);

        assertThat(new Regressor().score()).isEqualTo(1e-2 * 1000 + 2 * 10 + 64);
    }
}
