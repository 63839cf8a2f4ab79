package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.BEST_TEST;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** tuner.sampler picks the sampler, tuner.&lt;sampler&gt;.* hands it options, tuner.display.name names the trials. */
class SamplerSettingsTest {

    @TempDir
    Path outputDir;

    @Test
    void everySamplerRunsAStudyThroughTheEngine() {
        for (String sampler : new String[] {"tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2"}) {
            EngineExecutionResults results = execute(SquareTestCase.class, outputDir,
                    "tuner.sampler", sampler, "tuner.seed", "2");

            results.containerEvents().assertStatistics(stats -> stats.failed(0));
            results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(12 + BEST_TEST).succeeded(12 + BEST_TEST));
        }
    }

    @Test
    void samplerOptionsComeFromTheirOwnKeys() {
        EngineExecutionResults univariate = execute(SquareTestCase.class, outputDir,
                "tuner.tpe.multivariate", "false", "tuner.grid.points", "3");
        EngineExecutionResults unknown = execute(SquareTestCase.class, outputDir,
                "tuner.sampler", "grid", "tuner.grid.size", "3");

        univariate.containerEvents().assertStatistics(stats -> stats.failed(0));
        unknown.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(SquareTestCase.class, "square(double)")),
                finishedWithFailure(message(text -> text.contains("'size'") && text.contains("tuner.grid.points")))));
    }

    @Test
    void trialNamesFollowTheDisplayNamePattern() {
        EngineExecutionResults results = execute(SquareTestCase.class, outputDir,
                "tuner.display.name", "trial {number} ({state}): {params}", "tuner.seed", "1");
        EngineExecutionResults invalid = execute(SquareTestCase.class, outputDir, "tuner.display.name", "{loss}");

        assertThat(TunerKit.trialLines(results)).hasSize(12)
                .allMatch(name -> name.matches("trial \\d+ \\(complete\\): x=-?[0-9.e+-]+"));
        // the name is given as the trial starts: its state is dropped with the text leading up to it
        assertThat(TunerKit.trialNames(results)).hasSize(12)
                .allMatch(name -> name.matches("trial \\d+\\): x=-?[0-9.e+-]+"));
        invalid.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(SquareTestCase.class, "square(double)")),
                finishedWithFailure(message(text -> text.contains("tuner.display.name") && text.contains("{loss}")))));
    }

    static class SquareTestCase {
        @Tune(trials = 12)
        double square(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }
    }
}
