package dev.tuner.engine;

import static dev.tuner.engine.StudyExecutionTest.reportEntry;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.trialNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.report.Numbers;
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
 * through the agent: each trial shows and records them by their full names.
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

    @Test
    void trialsReadTheFieldAndMethodKnobsAndShowThem() {
        EngineExecutionResults results = execute(FieldKnobsTestCase.class, outputDir);

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(6).succeeded(6).failed(0));
        List<String> names = trialNames(results);
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
