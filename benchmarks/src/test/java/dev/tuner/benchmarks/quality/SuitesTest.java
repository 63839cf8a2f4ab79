package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The suites, their filters and the training/validation split. */
class SuitesTest {

    private static List<String> names(List<Problem> problems) {
        return problems.stream().map(Problem::name).toList();
    }

    @Test
    void bbobIsFunctionsTimesDimensionsTimesInstancesAndTheSyntheticFamilies() {
        List<Problem> problems = Suites.problems("bbob", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(problems).hasSize(24 * 3 * 3 + 2 * 4);
        assertThat(names(problems)).startsWith("bbob-f01-d2-i1", "bbob-f01-d2-i2", "bbob-f01-d2-i3", "bbob-f01-d5-i1")
                .contains("bbob-f24-d10-i3", "branches-i1", "mixedcat-i4");
    }

    @Test
    void theSplitIsOddAgainstEvenAndTheSameEveryTime() {
        List<Problem> training = Suites.problems("bbob", Optional.empty(), Optional.of(List.of(2)),
                Optional.of(List.of(1)), Optional.of(Half.TRAINING));
        List<Problem> validation = Suites.problems("bbob", Optional.empty(), Optional.of(List.of(2)),
                Optional.of(List.of(1)), Optional.of(Half.VALIDATION));

        assertThat(names(training)).containsExactly("bbob-f01-d2-i1", "bbob-f03-d2-i1", "bbob-f05-d2-i1",
                "bbob-f07-d2-i1", "bbob-f09-d2-i1", "bbob-f11-d2-i1", "bbob-f13-d2-i1", "bbob-f15-d2-i1",
                "bbob-f17-d2-i1", "bbob-f19-d2-i1", "bbob-f21-d2-i1", "bbob-f23-d2-i1", "branches-i1", "mixedcat-i1");
        assertThat(validation).hasSize(12);
        assertThat(names(validation)).doesNotContainAnyElementsOf(names(training));
        assertThat(names(Suites.problems("bbob", Optional.empty(), Optional.of(List.of(2)), Optional.of(List.of(1)),
                Optional.of(Half.TRAINING)))).isEqualTo(names(training));
        // every one of BBOB's five groups is in both halves
        for (int[] group : new int[][] {{1, 5}, {6, 9}, {10, 14}, {15, 19}, {20, 24}}) {
            long odd = java.util.stream.IntStream.rangeClosed(group[0], group[1])
                    .filter(f -> BbobProblems.half(f) == Half.TRAINING).count();
            assertThat(odd).isBetween(1L, (long) group[1] - group[0]);
        }
    }

    @Test
    void aSplitDropsTheTestSetsAndFunctionsNameProblemsOfAnySuite() {
        assertThat(Suites.problems("all", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Half.VALIDATION))).noneMatch(problem -> problem.half().isEmpty());
        assertThat(names(Suites.problems("all", Optional.of(List.of("branin", "f07", "mixedcat", "svm-digits")),
                Optional.of(List.of(5)), Optional.of(List.of(2)), Optional.empty())))
                .containsExactly("branin", "bbob-f07-d5-i2", "mixedcat-i2", "bbob-mixint-f07-d5-i2", "svm-digits");
        assertThatThrownBy(() -> Suites.problems("public", Optional.of(List.of("f07")), Optional.empty(),
                Optional.empty(), Optional.empty())).hasMessageContaining("f07").hasMessageContaining("branin");
        assertThatThrownBy(() -> Suites.problems("bbob", Optional.of(List.of("f25")), Optional.empty(),
                Optional.empty(), Optional.empty())).hasMessageContaining("f1..f24");
    }

    @Test
    void theRealSuiteSplitsItsNewProblemsAndKeepsSvmDigitsForTheTest() {
        assertThat(names(Suites.problems("real", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))).containsExactly("svm-digits", "mlp-digits", "model-selection", "svm-wine",
                "mlp-one-layer", "svm-breast-cancer", "forest-breast-cancer");
        assertThat(names(Suites.problems("real", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Half.TRAINING)))).containsExactly("mlp-digits", "svm-wine", "mlp-one-layer");
        assertThat(names(Suites.problems("real", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Half.VALIDATION)))).containsExactly("model-selection", "svm-breast-cancer",
                "forest-breast-cancer");
        assertThat(names(Suites.problems("all", Optional.empty(), Optional.of(List.of(2)), Optional.of(List.of(1)),
                Optional.of(Half.TRAINING)))).contains("bbob-f01-d2-i1", "branches-i1", "mlp-digits")
                .doesNotContain("svm-digits", "model-selection");
        assertThat(names(Suites.problems("all", Optional.empty(), Optional.of(List.of(2)), Optional.of(List.of(1)),
                Optional.of(Half.VALIDATION)))).contains("bbob-f02-d2-i1", "model-selection")
                .doesNotContain("svm-digits", "mlp-digits");
        assertThatThrownBy(() -> Suites.problems("real", Optional.of(List.of("mlp")), Optional.empty(),
                Optional.empty(), Optional.empty())).hasMessageContaining("mlp-digits, model-selection");
    }

    @Test
    void eachSyntheticInstanceReachesZeroAtItsArgminAndNeverBelow() throws Exception {
        for (String family : SyntheticProblems.FAMILIES) {
            for (int instance = 1; instance <= 4; instance++) {
                SyntheticProblems.Synthetic problem = (SyntheticProblems.Synthetic) SyntheticProblems.of(family,
                        instance);
                Study study = Study.builder(problem.name()).sampler(new RandomSampler(instance))
                        .storage(new InMemoryStorage()).build();
                study.enqueue(problem.argmin());
                TrialOutcome atArgmin = study.runTrial(problem.objective("random", 0, 1));
                assertThat(atArgmin.trial().value().getAsDouble()).as(problem.name()).isCloseTo(0.0,
                        org.assertj.core.data.Offset.offset(1e-12));
                for (int t = 0; t < 200; t++) {
                    assertThat(study.runTrial(problem.objective("random", 0, 1)).trial().value().getAsDouble())
                            .as(problem.name()).isGreaterThanOrEqualTo(0.0);
                }
            }
        }
    }
}
