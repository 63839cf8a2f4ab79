package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Surefire's XML names a test after its method unless the method has parameters or the test's
 * legacy reporting name ends with an index: a trial's must, so that each keeps its own name there.
 */
class LegacyReportingNameTest {

    @TempDir
    Path outputDir;

    @Test
    void aTrialsLegacyNameIsItsDisplayNameAndItsNumberAsAnIndex() {
        EngineExecutionResults results = execute(FieldOnlyTestCase.class, outputDir, "tuner.seed", "3");

        // the best test after the trials too: best #2 … [2]
        List<TestDescriptor> trials = results.testEvents().finished().map(event -> event.getTestDescriptor()).toList();
        assertThat(trials).hasSize(3 + TunerKit.BEST_TEST).allSatisfy(trial -> assertThat(trial.getLegacyReportingName())
                .isEqualTo(trial.getDisplayName() + " [" + trial.getUniqueId().getLastSegment().getValue() + "]")
                .matches("^.*\\[\\d+]$"));
    }

    static class FieldOnlyTestCase {

        @Uniform(min = 0, max = 1)
        double x = 0.5;

        @Tune(trials = 3)
        double noParameters() {
            return x;
        }
    }
}
