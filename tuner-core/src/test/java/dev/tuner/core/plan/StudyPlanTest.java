package dev.tuner.core.plan;

import static dev.tuner.core.inject.TuneMethods.tuneMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.inject.InvalidDeclarationException;
import dev.tuner.core.pruner.HyperbandPruner;
import dev.tuner.core.pruner.MedianPruner;
import dev.tuner.core.pruner.Pruners;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.sampler.AutoSampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StudyPlanTest {

    static class PlannedCase {
        @Tune(trials = 7, seed = 42, direction = Direction.MAXIMIZE)
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class DefaultsCase {
        @Tune
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class UnknownSamplerCase {
        @Tune(sampler = "cma")
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class ZeroTrialsCase {
        @Tune(trials = 0)
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class InvalidObjectiveCase {
        @Tune
        double f(@Uniform(min = 1, max = 0) double x) {
            return x;
        }
    }

    static class HyperbandCase {
        @Tune(pruner = "hyperband")
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class UnknownPrunerCase {
        @Tune(pruner = "asha")
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class SubclassCase extends PlannedCase {}

    static class NotTunedCase {
        double f() {
            return 0;
        }
    }

    private static StudyOverrides overrides(Integer trials, Long seed, String sampler) {
        return new StudyOverrides(
                trials == null ? OptionalInt.empty() : OptionalInt.of(trials),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                Optional.ofNullable(sampler));
    }

    private static List<Map<String, Object>> run(StudyPlan plan) {
        Study study = plan.newStudy(new InMemoryStorage());
        study.optimize(plan.objective(), plan.trials());
        return study.trials().stream().map(FrozenTrial::params).collect(Collectors.toList());
    }

    @Test
    void takesItsSettingsFromTheAnnotation() {
        StudyPlan plan = StudyPlan.of(tuneMethod(PlannedCase.class), StudyOverrides.none());

        assertThat(plan.studyName()).isEqualTo("dev.tuner.core.plan.StudyPlanTest$PlannedCase.f");
        assertThat(plan.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(plan.trials()).isEqualTo(7);
        assertThat(plan.seed()).isEqualTo(42);
        assertThat(plan.samplerName()).isEqualTo(Samplers.DEFAULT);
        assertThat(run(plan)).allSatisfy(params -> assertThat(params)
                .containsOnlyKeys("dev.tuner.core.plan.StudyPlanTest$PlannedCase.f.x"));
    }

    @Test
    void fillsInTheDefaults() {
        StudyPlan plan = StudyPlan.of(tuneMethod(DefaultsCase.class), StudyOverrides.none());
        StudyPlan again = StudyPlan.of(tuneMethod(DefaultsCase.class), StudyOverrides.none());

        assertThat(plan.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(plan.trials()).isEqualTo(100);
        assertThat(plan.samplerName()).isEqualTo("auto");
        // unseeded: a fresh seed per plan
        assertThat(plan.seed()).isNotEqualTo(Tune.UNSEEDED).isNotEqualTo(again.seed());
    }

    @Test
    void overridesTakePrecedenceOverTheAnnotation() {
        StudyPlan plan = StudyPlan.of(tuneMethod(PlannedCase.class), overrides(3, 9L, "random"));

        assertThat(plan.trials()).isEqualTo(3);
        assertThat(plan.seed()).isEqualTo(9);
        assertThat(plan.samplerName()).isEqualTo("random");
        assertThat(plan.direction()).isEqualTo(Direction.MAXIMIZE);
    }

    @Test
    void aSamplerOverrideReplacesTheAnnotationsUnknownSampler() {
        StudyPlan plan = StudyPlan.of(tuneMethod(UnknownSamplerCase.class), overrides(null, null, "random"));

        assertThat(plan.samplerName()).isEqualTo("random");
    }

    @Test
    void aBlankSamplerOverrideLeavesTheAnnotationToDecide() {
        assertThat(StudyPlan.of(tuneMethod(UnknownSamplerCase.class), overrides(null, null, "random")).samplerName())
                .isEqualTo("random");
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(UnknownSamplerCase.class), overrides(null, null, " ")))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageContaining("unknown sampler");
    }

    @Test
    void aTrialsOverrideRescuesAnAnnotationWithZeroTrials() {
        assertThat(StudyPlan.of(tuneMethod(ZeroTrialsCase.class), overrides(5, null, null)).trials()).isEqualTo(5);
    }

    @Test
    void rejectsZeroTrialsInTheAnnotation() {
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(ZeroTrialsCase.class), StudyOverrides.none()))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("@Tune method " + ZeroTrialsCase.class.getName() + ".f(double): ")
                .hasMessageContaining("@Tune(trials) is 0, but a study needs at least 1 trial");
    }

    @Test
    void rejectsFewerThanOneTrialInTheOverrides() {
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(PlannedCase.class), overrides(-2, null, null)))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("@Tune method " + PlannedCase.class.getName() + ".f(double): ")
                .hasMessageContaining("tuner.trials is -2, but a study needs at least 1 trial");
    }

    @Test
    void rejectsAnUnknownSamplerInTheAnnotation() {
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(UnknownSamplerCase.class), StudyOverrides.none()))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("@Tune method " + UnknownSamplerCase.class.getName() + ".f(double): ")
                .hasMessageContaining("unknown sampler 'cma'; use one of auto, tpe, random, grid, qmc, cmaes, gp");
    }

    @Test
    void rejectsAnUnknownSamplerInTheOverrides() {
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(PlannedCase.class), overrides(null, null, "cma-es")))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageContaining("unknown sampler 'cma-es'; use one of auto, tpe, random");
    }

    private static StudyOverrides prunerOverrides(String pruner, String... settings) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        return new StudyOverrides(OptionalInt.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.ofNullable(pruner), map);
    }

    @Test
    void thePrunerComesFromTheAnnotationOrTheRunWithItsOwnOptions() {
        StudyPlan annotated = StudyPlan.of(tuneMethod(HyperbandCase.class), StudyOverrides.none());
        StudyPlan defaulted = StudyPlan.of(tuneMethod(DefaultsCase.class), StudyOverrides.none());
        StudyPlan overridden = StudyPlan.of(tuneMethod(HyperbandCase.class), prunerOverrides("median",
                "tuner.median.warmupSteps", "3", "tuner.hyperband.maxResource", "50", "tuner.tpe.gamma", "0.2"));

        assertThat(annotated.prunerName()).isEqualTo("hyperband");
        assertThat(annotated.newStudy(new InMemoryStorage()).pruner()).isInstanceOf(HyperbandPruner.class);
        assertThat(defaulted.prunerName()).isEqualTo(Pruners.DEFAULT);
        assertThat(overridden.prunerName()).isEqualTo("median");
        assertThat(overridden.prunerOptions()).containsExactly(org.assertj.core.api.Assertions.entry("warmupSteps", "3"));
        assertThat(overridden.newStudy(new InMemoryStorage()).pruner()).isInstanceOf(MedianPruner.class)
                .hasToString(MedianPruner.builder().warmupSteps(3).build().toString());
    }

    @Test
    void rejectsAnUnknownPrunerOrOptionNamingWhereItCameFrom() {
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(UnknownPrunerCase.class), StudyOverrides.none()))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("@Tune method " + UnknownPrunerCase.class.getName() + ".f(double): ")
                .hasMessageContaining("@Tune(pruner) names the unknown pruner 'asha'; use one of nop, median, percentile, sh, hyperband");
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(DefaultsCase.class), prunerOverrides("asha")))
                .hasMessageContaining("tuner.pruner names the unknown pruner 'asha'");
        assertThat(StudyPlan.of(tuneMethod(UnknownPrunerCase.class), prunerOverrides("sh")).prunerName()).isEqualTo("sh");
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(DefaultsCase.class),
                prunerOverrides("sh", "tuner.sh.reductionFactor", "one")))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageContaining("tuner.sh.reductionFactor=one is not a whole number");
    }

    @Test
    void rejectsAnInvalidObjective() {
        assertThatThrownBy(() -> StudyPlan.of(tuneMethod(InvalidObjectiveCase.class), StudyOverrides.none()))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageContaining("parameter 'x'")
                .hasMessageContaining("min (1.0) must be less than max (0.0)");
    }

    @Test
    void anInheritedMethodPlansAStudyOfTheSubclass() {
        StudyPlan plan = StudyPlan.of(SubclassCase.class, tuneMethod(PlannedCase.class), StudyOverrides.none());

        assertThat(plan.studyName()).isEqualTo(SubclassCase.class.getName() + ".f");
        assertThat(plan.trials()).isEqualTo(7);
        assertThat(run(plan)).allSatisfy(params -> assertThat(params).containsOnlyKeys(SubclassCase.class.getName() + ".f.x"));
    }

    @Test
    void rejectsAMethodWithoutTune() throws Exception {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StudyPlan.of(NotTunedCase.class.getDeclaredMethod("f"), StudyOverrides.none()))
                .withMessageContaining("is not annotated with @Tune");
    }

    @Test
    void buildsAStudyThatRunsThePlan() {
        StudyPlan plan = StudyPlan.of(tuneMethod(PlannedCase.class), StudyOverrides.none());

        Study study = plan.newStudy(new InMemoryStorage());
        study.optimize(plan.objective(), plan.trials());

        assertThat(study.name()).isEqualTo(plan.studyName());
        assertThat(study.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(study.sampler()).isInstanceOf(AutoSampler.class);
        assertThat(study.trials()).hasSize(7).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
        double best = study.bestTrial().orElseThrow().value().getAsDouble();
        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.value().getAsDouble()).isLessThanOrEqualTo(best));
    }

    @Test
    void theSameSeedReproducesTheTrials() {
        StudyPlan plan = StudyPlan.of(tuneMethod(PlannedCase.class), StudyOverrides.none());
        StudyPlan same = StudyPlan.of(tuneMethod(PlannedCase.class), StudyOverrides.none());
        StudyPlan other = StudyPlan.of(tuneMethod(PlannedCase.class), overrides(null, 43L, null));

        assertThat(run(plan)).isEqualTo(run(same)).isNotEqualTo(run(other));
    }
}
