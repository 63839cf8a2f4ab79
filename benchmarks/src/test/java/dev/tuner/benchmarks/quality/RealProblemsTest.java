package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.Direction;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.mlp.Activation;
import dev.tuner.examples.selection.Forest;
import dev.tuner.examples.selection.Scaling;
import dev.tuner.examples.svm.RbfSvm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real suite: each problem's space, direction, optimum, half, and known points' values. */
class RealProblemsTest {

    private static final String MODEL = ModelSelectionTuning.STUDY + ".model";

    private static Study study(Problem problem) {
        return Study.builder(problem.name()).direction(problem.direction()).sampler(new RandomSampler(7))
                .storage(new InMemoryStorage()).build();
    }

    private static FrozenTrial run(Problem problem, Map<String, ?> knobs) {
        Study study = study(problem);
        study.enqueue(knobs);
        FrozenTrial trial = study.runTrial(problem.objective("random", 0, 1)).trial();
        assertThat(trial.state()).as(trial.failure().toString()).isEqualTo(TrialState.COMPLETE);
        return trial;
    }

    @Test
    void everyRealProblemMaximizesAnAccuracyAndSvmDigitsStaysTheTest() {
        List<Problem> problems = RealProblems.problems(RealProblems.NAMES);

        assertThat(problems).extracting(Problem::name).containsExactly("svm-digits", "mlp-digits", "model-selection",
                "svm-wine", "mlp-one-layer", "svm-breast-cancer", "forest-breast-cancer");
        assertThat(problems).extracting(Problem::direction).containsOnly(Direction.MAXIMIZE);
        assertThat(problems).extracting(Problem::half).containsExactly(Optional.empty(),
                Optional.of(Half.TRAINING), Optional.of(Half.VALIDATION), Optional.of(Half.TRAINING),
                Optional.of(Half.TRAINING), Optional.of(Half.VALIDATION), Optional.of(Half.VALIDATION));
        assertThat(problems.get(0).optimum()).hasValue(538.0 / 540.0);
        assertThat(problems.subList(1, problems.size())).allSatisfy(problem -> assertThat(problem.optimum()).hasValue(1.0));
        assertThatThrownBy(() -> RealProblems.of("mlp")).hasMessageContaining("mlp-digits");
    }

    @Test
    void svmDigitsDrawsCAndGammaLogUniform() {
        FrozenTrial trial = study(RealProblems.of("svm-digits")).runTrial(
                RealProblems.of("svm-digits").objective("random", 0, 1)).trial();

        assertThat(distributions(trial)).containsExactly(
                Map.entry("C", LogUniform.of(1e-3, 1e3)), Map.entry("gamma", LogUniform.of(1e-6, 1e1)));
    }

    @Test
    void mlpDigitsDrawsTheExamplesKnobsOnlyForTheLayersItBuilds() {
        Problem mlp = RealProblems.of("mlp-digits");
        Study study = study(mlp);
        for (int t = 0; t < 12; t++) {
            FrozenTrial trial = study.runTrial(mlp.objective("random", 0, 1)).trial();
            int layers = ((Number) trial.params().get("layers")).intValue();
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("learningRate", LogUniform.of(1e-3, 1));
            expected.put("activation", Choice.of(List.of(Activation.values())));
            expected.put("layers", IntUniform.of(1, 3));
            for (int layer = 1; layer <= layers; layer++) {
                expected.put("units" + layer, IntUniform.of(8, 64).onLogScale());
                expected.put("dropout" + layer, Uniform.of(0, 0.5));
            }
            assertThat(distributions(trial)).containsExactlyEntriesOf(expected);
            assertThat(trial.value().getAsDouble()).isBetween(0.0, 1.0);
        }
    }

    /** The best network of examples/mlp-digits' README run (seed 1, 10 epochs): 525 of 540 digits. */
    @Test
    void mlpDigitsReachesTheExamplesAccuracyAtItsBestKnobs() {
        FrozenTrial trial = run(RealProblems.of("mlp-digits"), Map.of("learningRate", 0.3176089824346276,
                "activation", "SIGMOID", "layers", 1, "units1", 61, "dropout1", 0.37569013406654783));

        assertThat(trial.value()).hasValue(525.0 / 540.0);
    }

    /** The best network any run of the harness found (auto, seed 7, trial #30): 532 of 540 digits. */
    @Test
    void mlpDigitsReachesTheBestAccuracyTheHarnessFound() {
        FrozenTrial trial = run(RealProblems.of("mlp-digits"), Map.of("learningRate", 0.06973722210518998,
                "activation", "RELU", "layers", 1, "units1", 59, "dropout1", 0.04551100662140492));

        assertThat(trial.value()).hasValue(532.0 / 540.0);
    }

    /** Random trials reach every branch; the knobs they hold are the example's, with its annotations' ranges. */
    @Test
    void modelSelectionRunsTheExamplesAnnotatedSpace() {
        Problem selection = RealProblems.of("model-selection");
        Study study = study(selection);
        Map<String, Object> space = new LinkedHashMap<>();
        for (int t = 0; t < 30; t++) {
            FrozenTrial trial = study.runTrial(selection.objective("random", 0, 1)).trial();
            distributions(trial).forEach((name, distribution) ->
                    space.put(name.substring(ModelSelectionTuning.STUDY.length() + 1), distribution));
        }

        assertThat(space).containsOnlyKeys("scaling", "model", "model.Svm.c", "model.Svm.kernel",
                "model.Svm.kernel.Rbf.gamma", "model.Svm.kernel.Poly.gamma", "model.Svm.kernel.Poly.degree",
                "model.Svm.kernel.Poly.coef0", "model.Forest.trees", "model.Forest.maxDepth",
                "model.Forest.featuresPerSplit", "model.Forest.extraTrees");
        assertThat(space.get("model.Svm.c")).isEqualTo(LogUniform.of(1e-3, 1e3));
        assertThat(space.get("model.Svm.kernel.Rbf.gamma")).isEqualTo(LogUniform.of(1e-4, 1e1));
        assertThat(space.get("model.Forest.trees")).isEqualTo(IntUniform.of(10, 200).onLogScale());
        assertThat(space.get("model.Forest.featuresPerSplit")).isEqualTo(IntUniform.of(1, 20));
    }

    /** The README's trial #5 of examples/model-selection: 164 of 171 rows, and a linear kernel has no gamma. */
    @Test
    void modelSelectionScoresTheExamplesLinearSvmAndDrawsOnlyTheBranchesTaken() {
        FrozenTrial trial = run(RealProblems.of("model-selection"), Map.of(
                ModelSelectionTuning.STUDY + ".scaling", "STANDARDIZE", MODEL, "Svm",
                MODEL + ".Svm.c", 0.017487761171547603, MODEL + ".Svm.kernel", "Linear"));

        assertThat(trial.value()).hasValue(164.0 / 171.0);
        assertThat(trial.params()).containsOnlyKeys(ModelSelectionTuning.STUDY + ".scaling", MODEL, MODEL + ".Svm.c",
                MODEL + ".Svm.kernel");
    }

    /**
     * The best model any run of the harness found (auto, seed 1, trial #13): a polynomial kernel
     * between the points of the example README's grid, 166 of 171 rows where the grid's best had 165.
     */
    @Test
    void modelSelectionReachesTheBestAccuracyTheHarnessFound() {
        FrozenTrial trial = run(RealProblems.of("model-selection"), Map.of(
                ModelSelectionTuning.STUDY + ".scaling", "STANDARDIZE", MODEL, "Svm",
                MODEL + ".Svm.c", 0.5867258905698176, MODEL + ".Svm.kernel", "Poly",
                MODEL + ".Svm.kernel.Poly.gamma", 0.06823790718814715, MODEL + ".Svm.kernel.Poly.degree", 3,
                MODEL + ".Svm.kernel.Poly.coef0", 0.774813392617631));

        assertThat(trial.value()).hasValue(166.0 / 171.0);
    }

    @Test
    void modelSelectionScoresAForestAsTheExamplesModelDoes() {
        FrozenTrial trial = run(RealProblems.of("model-selection"), Map.of(
                ModelSelectionTuning.STUDY + ".scaling", "MIN_MAX", MODEL, "Forest", MODEL + ".Forest.trees", 40,
                MODEL + ".Forest.maxDepth", 6, MODEL + ".Forest.featuresPerSplit", 5,
                MODEL + ".Forest.extraTrees", true));

        assertThat(trial.value()).hasValue(
                new Forest(40, 6, 5, true).validationAccuracy(Scaling.MIN_MAX.scale(Datasets.breastCancer())));
    }

    @Test
    void theFlatProblemsHoldTheSameKnobsInEveryTrial() {
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        expected.put("svm-wine", Map.of("C", LogUniform.of(1e-3, 1e3), "gamma", LogUniform.of(1e-6, 1e1)));
        expected.put("svm-breast-cancer", Map.of("C", LogUniform.of(1e-3, 1e3), "gamma", LogUniform.of(1e-6, 1e1)));
        expected.put("mlp-one-layer", Map.of("learningRate", LogUniform.of(1e-3, 1), "momentum", Uniform.of(0, 0.95),
                "activation", Choice.of(List.of(Activation.values())), "units", IntUniform.of(8, 64).onLogScale(),
                "dropout", Uniform.of(0, 0.5)));
        expected.put("forest-breast-cancer", Map.of("trees", IntUniform.of(10, 200).onLogScale(),
                "maxDepth", IntUniform.of(1, 16), "featuresPerSplit", IntUniform.of(1, 20),
                "extraTrees", Choice.of(List.of(true, false))));
        expected.forEach((name, knobs) -> {
            Problem problem = RealProblems.of(name);
            Study study = study(problem);
            for (int t = 0; t < 3; t++) {
                FrozenTrial trial = study.runTrial(problem.objective("random", 0, 1)).trial();
                assertThat(distributions(trial)).as(name).containsExactlyInAnyOrderEntriesOf(knobs);
                assertThat(trial.value().getAsDouble()).as(name).isBetween(0.0, 1.0);
            }
        });
    }

    /** The flat problems score the example's models on their own data, unscaled. */
    @Test
    void theFlatProblemsScoreTheExamplesModelsOnTheirData() {
        Map<String, Object> point = Map.of("C", 10.0, "gamma", 1e-4);
        double wine = run(RealProblems.of("svm-wine"), point).value().getAsDouble();
        double cancer = run(RealProblems.of("svm-breast-cancer"), point).value().getAsDouble();
        FrozenTrial forest = run(RealProblems.of("forest-breast-cancer"),
                Map.of("trees", 40, "maxDepth", 6, "featuresPerSplit", 5, "extraTrees", false));

        assertThat(wine).isEqualTo(RbfSvm.validationAccuracy(Datasets.wine(), 10.0, 1e-4));
        assertThat(cancer).isEqualTo(RbfSvm.validationAccuracy(Datasets.breastCancer(), 10.0, 1e-4));
        assertThat(wine).isNotEqualTo(cancer);
        assertThat(forest.value()).hasValue(new Forest(40, 6, 5, false).validationAccuracy(Datasets.breastCancer()));
    }

    private static Map<String, Object> distributions(FrozenTrial trial) {
        Map<String, Object> distributions = new LinkedHashMap<>();
        for (Map.Entry<String, Suggestion> entry : trial.suggestions().entrySet()) {
            distributions.put(entry.getKey(), entry.getValue().distribution());
        }
        return distributions;
    }
}
