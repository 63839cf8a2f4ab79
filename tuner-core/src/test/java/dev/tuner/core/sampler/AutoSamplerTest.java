package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.core.space.Normal;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoSamplerTest extends SamplerContractTest {

    @Override
    Sampler sampler(long seed) {
        return Samplers.create("auto", seed);
    }

    private static double sphere(dev.tuner.core.trial.Trial trial) {
        double x = trial.suggestFloat("x", -5, 5);
        double y = trial.suggestFloat("y", -5, 5);
        return x * x + y * y;
    }

    @Test
    void aStudyOfSeveralObjectivesGoesFromGpToTpeNotToCmaEsWhichModelsOneObjective() {
        AutoSampler auto = AutoSampler.create(1, Map.of("gpTrials", "8"));
        Study study = Studies.builder("mo", auto).directions(dev.tuner.Direction.MINIMIZE, dev.tuner.Direction.MINIMIZE)
                .build();
        study.optimize(dev.tuner.core.study.Objective.several(trial -> new double[] {sphere(trial), trial.number()}), 12);

        assertThat(auto.describe(study)).isEqualTo("gp from #0 (a flat space, under 8 finished trials); tpe from #8"
                + " (8 finished trials of 2 objectives, where a Gaussian process costs much and gains little, and CMA-ES"
                + " models one objective)");
        assertThat(study.trials()).allMatch(trial -> trial.state() == dev.tuner.core.trial.TrialState.COMPLETE);
    }

    @Test
    void aConditionalStudyOfSeveralObjectivesGoesToTpe() {
        AutoSampler auto = AutoSampler.create(1, Map.of());
        Study study = Studies.builder("mo", auto).directions(dev.tuner.Direction.MINIMIZE, dev.tuner.Direction.MAXIMIZE)
                .build();
        study.optimize(dev.tuner.core.study.Objective.several(trial -> {
            double x = trial.suggestFloat("x", -5, 5);
            double extra = trial.number() % 2 == 0 ? trial.suggestFloat("only-even", 0, 1) : 0;
            return new double[] {x * x + extra, x};
        }), 6);

        assertThat(auto.describe(study)).startsWith("gp from #0").contains("; tpe from #");
    }

    @Test
    void aNumericSpaceIsSearchedByGpThenByTheSamplerAfterIt() {
        AutoSampler auto = AutoSampler.create(1, Map.of("gpTrials", "12", "afterGp", "cmaes"));
        Study study = Studies.inMemory("contract", auto);
        study.optimize(AutoSamplerTest::sphere, 20);

        assertThat(auto.describe(study)).isEqualTo(
                "gp from #0 (a flat space, under 12 finished trials); cmaes from #12 (12 finished trials,"
                        + " where a Gaussian process costs much and gains little)");
    }

    @Test
    void aCategoricalKnobStaysWithGpAndANormalOneGoesToTpe() {
        AutoSampler auto = AutoSampler.create(1, Map.of());
        Study study = Studies.inMemory("contract", auto);
        study.optimize(trial -> {
            String kind = trial.suggestCategorical("kind", List.of("a", "b"));
            return sphere(trial) + (kind.equals("a") ? 0 : 1);
        }, 3);
        assertThat(auto.describe(study)).isEqualTo("gp from #0 (a flat space, under 300 finished trials)");

        AutoSampler other = AutoSampler.create(1, Map.of());
        Study normal = Studies.inMemory("contract", other);
        normal.optimize(trial -> (Double) trial.suggest("n", Normal.of(0, 1)), 3);
        assertThat(other.describe(normal)).isEqualTo("gp from #0 (a flat space, under 300 finished trials); "
                + "tpe from #1 (knob n is a normal knob, whose prior only TPE models)");
    }

    @Test
    void aConditionalSpaceGoesToTpe() {
        AutoSampler auto = AutoSampler.create(3, Map.of());
        Study study = Studies.inMemory("contract", auto);
        study.optimize(trial -> trial.number() % 2 == 0 ? sphere(trial) : trial.suggestFloat("z", 0, 1), 4);

        assertThat(auto.describe(study)).endsWith(
                "tpe from #2 (a conditional space: trial #1 holds other knobs than the trials before)");
    }

    @Test
    void aPrunedTrialHandsAFlatSpaceToTpe() {
        AutoSampler auto = AutoSampler.create(2, Map.of());
        Study study = Studies.inMemory("contract", auto);
        study.optimize(trial -> {
            double value = sphere(trial);
            if (trial.number() == 3) {
                trial.report(1, value);
                throw new dev.tuner.core.trial.TrialPruned();
            }
            return value;
        }, 6);

        assertThat(auto.describe(study)).isEqualTo("gp from #0 (a flat space, under 300 finished trials); "
                + "tpe from #4 (trial #3 was pruned: TPE ranks pruned trials by how far they got,"
                + " a Gaussian process learns only from final values)");
    }

    @Test
    void anUnknownOptionOrABadBudgetIsRefusedByName() {
        assertThatThrownBy(() -> Samplers.create("auto", 1, Map.of("gpTrial", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 'gpTrial' (tuner.auto.gpTrial)");
        assertThatThrownBy(() -> Samplers.create("auto", 1, Map.of("gpTrials", "-1")))
                .hasMessageContaining("tuner.auto.gpTrials=-1 is not a whole number ≥ 0");
        assertThatThrownBy(() -> Samplers.create("auto", 1, Map.of("afterGp", "grid")))
                .hasMessageContaining("tuner.auto.afterGp=grid");
    }
}
