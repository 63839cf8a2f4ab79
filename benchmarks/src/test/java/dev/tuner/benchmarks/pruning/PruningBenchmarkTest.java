package dev.tuner.benchmarks.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.examples.data.Datasets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness on a tiny configuration: what it counts and how it picks the RESULT; nothing is timed. */
class PruningBenchmarkTest {

    @Test
    @SuppressWarnings("unchecked")
    void countsTheStepsAndBestValuesOfEveryPrunerBesideNoPruning() throws Exception {
        PruningBenchmark.Options options = PruningBenchmark.Options.parse(
                new String[] {"--seeds", "2", "--trials", "6", "--threads", "2", "--epochs", "2"});
        List<PruningProblem> problems = List.of(new LearningCurves(12), new MlpDigits(Datasets.digits(), 2));

        Map<String, Object> document = PruningBenchmark.run(problems, options);

        Map<String, Object> results = (Map<String, Object>) document.get("results");
        assertThat(results).containsOnlyKeys("curves", "mlp-digits");
        for (PruningProblem problem : problems) {
            Map<String, Object> entry = (Map<String, Object>) results.get(problem.name());
            List<PrunerSummary> summaries = (List<PrunerSummary>) entry.get("summary");
            List<PruningRun> runs = (List<PruningRun>) entry.get("runs");
            assertThat(summaries).extracting(PrunerSummary::pruner).containsExactly("nop", "median", "percentile", "sh", "hyperband");
            assertThat(runs).hasSize(5 * 2);
            PrunerSummary nop = summaries.get(0);
            // without pruning every trial runs every step
            assertThat(nop.steps()).isEqualTo(2L * 6 * problem.steps());
            assertThat(nop.stepsFraction()).isEqualTo(1.0);
            assertThat(nop.bestRatio()).isEqualTo(1.0);
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.complete() + run.pruned()).isEqualTo(6);
                assertThat(run.steps()).isBetween(1L, 6L * problem.steps());
                assertThat(run.best()).isFinite();
            });
            assertThat(summaries).allSatisfy(summary -> {
                assertThat(summary.stepsFraction()).isBetween(0.0, 1.0);
                long steps = runs.stream().filter(run -> run.pruner().equals(summary.pruner())).mapToLong(PruningRun::steps).sum();
                assertThat(summary.steps()).isEqualTo(steps);
            });
        }
        assertThat((String) document.get("result"))
                .matches("RESULT pruning pruner=(median|percentile|sh|hyperband) steps_fraction=[01]\\.\\d{3} best_ratio=\\d\\.\\d{4}");
    }

    @Test
    void theResultNamesTheCheapestPrunerWithinOnePercentElseTheBest() {
        PrunerSummary nop = summary("nop", 1.0, 1.0);
        PrunerSummary close = summary("median", 0.5, 0.995);
        PrunerSummary cheap = summary("sh", 0.2, 0.985);
        PrunerSummary closer = summary("hyperband", 0.3, 0.999);

        assertThat(PruningBenchmark.resultLine(List.of(nop, close, cheap, closer), Direction.MAXIMIZE))
                .isEqualTo("RESULT pruning pruner=hyperband steps_fraction=0.300 best_ratio=0.9990");
        assertThat(PruningBenchmark.resultLine(List.of(nop, cheap), Direction.MAXIMIZE))
                .isEqualTo("RESULT pruning pruner=sh steps_fraction=0.200 best_ratio=0.9850");
        // minimizing, within 1% means at most 1.01 times no pruning's value
        assertThat(PruningBenchmark.resultLine(List.of(nop, summary("sh", 0.2, 1.02), summary("median", 0.6, 1.005)),
                Direction.MINIMIZE)).isEqualTo("RESULT pruning pruner=median steps_fraction=0.600 best_ratio=1.0050");
    }

    private static PrunerSummary summary(String pruner, double fraction, double ratio) {
        return new PrunerSummary("p", pruner, 0, fraction, ratio, ratio, ratio, ratio, 0, 0, 0);
    }

    @Test
    void quartilesInterpolateBetweenRanks() {
        double[] sorted = {1, 2, 3, 4, 10};
        assertThat(PrunerSummary.quantile(sorted, 0.5)).isEqualTo(3);
        assertThat(PrunerSummary.quantile(sorted, 0.25)).isEqualTo(2);
        assertThat(PrunerSummary.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    }

    @Test
    void optionsAddTheBaselineAndRejectWhatTheyDoNotKnow() {
        PruningBenchmark.Options options = PruningBenchmark.Options.parse(new String[] {"--pruners", "sh", "--out", "x.json"});

        assertThat(options.pruners()).containsExactly("nop", "sh");
        assertThat(options.seeds()).isEqualTo(20);
        assertThat(options.trials()).isEqualTo(30);
        assertThat(options.problems()).containsExactly("curves", "mlp-digits");
        assertThat(options.epochs()).isEqualTo(20);
        assertThat(options.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(options.out()).isEqualTo(Path.of("x.json"));
        assertThat(options.sampler()).isEqualTo("auto");
        assertThat(PruningBenchmark.Options.parse().pruners()).containsExactly("nop", "median", "percentile", "sh",
                "hyperband");
        assertThat(PruningBenchmark.Options.parse().out()).isEqualTo(Path.of("benchmarks/target/results/pruning.json"));
        assertThat(PruningBenchmark.Options.parse(new String[] {"--sampler", "tpe"}).sampler()).isEqualTo("tpe");
        assertThatIllegalArgumentException().isThrownBy(() -> PruningBenchmark.Options.parse(new String[] {"--sampler", "tpee"}))
                .withMessageContaining("tpee");
        assertThatIllegalArgumentException().isThrownBy(() -> PruningBenchmark.Options.parse(new String[] {"--pruners", "asha"}))
                .withMessageContaining("unknown pruner 'asha'");
        assertThatIllegalArgumentException().isThrownBy(() -> PruningBenchmark.Options.parse(new String[] {"--seed", "1"}))
                .withMessage("unknown option --seed; use --seeds, --trials, --pruners, --problems, --epochs, --threads,"
                        + " --sampler or --out (--help describes them)");
        assertThatIllegalArgumentException().isThrownBy(() -> PruningBenchmark.Options.parse("--epochs", "ten"))
                .withMessage("--epochs ten must be a whole number");
    }
}
