package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.BEST_TEST;
import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialPruned;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** A pruned trial is an aborted test saying where it stopped; tuner.pruner and tuner.&lt;pruner&gt;.* choose the pruner. */
class PruningEngineTest {

    private static final Pattern PRUNED = Pattern.compile("trial #(\\d+) pruned at step (\\d+) \\(value [0-9.]+\\)");

    @TempDir
    Path outputDir;

    /** The step each aborted trial's message names, checking that the message says which trial and step. */
    private static List<Integer> prunedSteps(EngineExecutionResults results) {
        return results.testEvents().aborted().stream().map(event -> {
            Throwable pruned = event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
            assertThat(pruned).isInstanceOf(TrialPruned.class);
            Matcher matcher = PRUNED.matcher(pruned.getMessage());
            assertThat(matcher.matches()).as(pruned.getMessage()).isTrue();
            assertThat(event.getTestDescriptor().getDisplayName()).startsWith("#" + matcher.group(1) + " ");
            return Integer.parseInt(matcher.group(2));
        }).toList();
    }

    @Test
    void aPrunedTrialIsAbortedWithTheStepItStoppedAtAndTheStudySucceeds() {
        EngineExecutionResults results = execute(CurvesTestCase.class, outputDir, "tuner.seed", "3");

        List<Integer> steps = prunedSteps(results);
        assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat(step).isIn(1, 4));   // rungs 1 and 4
        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(30 + BEST_TEST).failed(0)
                .aborted(steps.size()).succeeded(30 - steps.size() + BEST_TEST));
        List<Event> aborted = results.testEvents().aborted().list();
        assertThat(TunerKit.trialLines(results)).filteredOn(line -> line.endsWith("→ pruned")).hasSameSizeAs(aborted);
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(uniqueId(studyId(CurvesTestCase.class, "curve(double, dev.tuner.core.trial.Trial)")),
                        finishedSuccessfully()));
        assertThat(TunerKit.reportEntry(results)).containsEntry("tuner.trials", "30");
    }

    @Test
    void thePrunerAndItsOptionsComeFromTheRunsSettings() {
        EngineExecutionResults none = execute(CurvesTestCase.class, outputDir, "tuner.pruner", "nop");
        EngineExecutionResults later = execute(CurvesTestCase.class, outputDir, "tuner.seed", "3",
                "tuner.sh.minResource", "2");

        none.testEvents().assertStatistics(stats -> stats.aborted(0).succeeded(30 + BEST_TEST));
        assertThat(prunedSteps(later)).isNotEmpty().allSatisfy(step -> assertThat(step).isIn(2, 8)); // rungs 2 and 8
    }

    @Test
    void theBestParametersRunOnceToTheEndWithoutAPruner() {
        execute(CurvesTestCase.class, outputDir, "tuner.seed", "3");

        // a pruner with this bootstrap count would stop any trial at its first rung
        EngineExecutionResults best = execute(CurvesTestCase.class, outputDir, "tuner.mode", "best",
                "tuner.sh.minResource", "1", "tuner.sh.bootstrapCount", "100");

        best.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(1).succeeded(1).aborted(0));
    }

    @Test
    void anUnknownPrunerFailsTheStudyBeforeAnyTrial() {
        EngineExecutionResults results = execute(CurvesTestCase.class, outputDir, "tuner.pruner", "asha");

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(CurvesTestCase.class, "curve(double, dev.tuner.core.trial.Trial)")),
                finishedWithFailure(message(text -> text.contains("tuner.pruner names the unknown pruner 'asha'")
                        && text.contains("nop, median, percentile, sh, hyperband")))));
    }

    static class CurvesTestCase {
        /** Loss curves that fall towards x² over 10 steps; successive halving (rungs at 1 and 4) stops the worse. */
        @Tune(trials = 30, pruner = "sh")
        double curve(@Uniform(min = -1, max = 1) double x, Trial trial) {
            double loss = Double.NaN;
            for (int step = 0; step < 10; step++) {
                loss = x * x + 1.0 / (step + 1);
                trial.report(step, loss);
                if (trial.shouldPrune()) {
                    throw new TrialPruned();
                }
            }
            return loss;
        }
    }
}
