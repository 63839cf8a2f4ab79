package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link Sampler} promises, run against each implementation by a subclass. */
abstract class SamplerContractTest {

    static final List<Distribution> SPACE = List.of(
            Uniform.of(-10, 10), LogUniform.of(1e-5, 1e-1), IntUniform.of(1, 8), Choice.of("relu", "tanh", "elu"),
            IntUniform.of(2, 64).withStep(2), IntUniform.of(1, 1024).onLogScale(), Bool.of(),
            PriorityChoice.of("adam", "sgd", "rmsprop"), Uniform.of(0, 0.5).quantized(0.05),
            Normal.of(0.5, 0.2).clipped(0, 1), LogNormal.of(0, 1), Fixed.of("rbf"),
            LogUniform.of(16, 4096).quantized(16), Normal.of(0, 10).quantized(1), LogNormal.of(4, 1).quantized(1),
            Normal.of(0, 1).clipped(3, Double.POSITIVE_INFINITY), new TpeDistributionsTest.Exponent(20),
            new TpeDistributionsTest.Geometric());

    /** A new sampler seeded with {@code seed}. */
    abstract Sampler sampler(long seed);

    /**
     * Whether the sampler models one objective's values (TPE, GP, CMA-ES), and so refuses a study of
     * several; the others ignore the values and sample it as any other.
     */
    boolean modelsOneObjective() {
        return false;
    }

    @Test
    void aStudyOfSeveralObjectivesIsSampledOrRefusedSayingWhichSamplersWork() {
        Study study = Studies.builder("mo", sampler(3)).directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
        Objective objective = Objective.several(trial -> {
            double x = (Double) trial.suggest("x", Uniform.of(0, 1));
            trial.suggest("act", Choice.of("relu", "tanh"));
            return new double[] {x, x * x};
        });
        if (modelsOneObjective()) {
            assertThatIllegalStateException().isThrownBy(() -> study.runTrial(objective))
                    .withMessageContaining("cannot sample study 'mo': it has 2 objectives [MAXIMIZE, MINIMIZE]")
                    .withMessageContaining("use auto (the default), tpe (multi-objective TPE), gp, nsga2, random, qmc or grid");
            return;
        }
        study.optimize(objective, 12);

        assertThat(study.trials()).hasSize(12).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(trial.values()).hasSize(2);
        });
        assertThat(study.bestTrials()).isNotEmpty();
    }

    /** The knob values of {@code trials} trials that read every knob of {@link #SPACE}. */
    static List<Map<String, Object>> run(Sampler sampler, int trials) {
        Study study = Studies.inMemory("contract", sampler);
        study.optimize(trial -> {
            for (int i = 0; i < SPACE.size(); i++) {
                trial.suggest("k" + i, SPACE.get(i));
            }
            return trial.number();
        }, trials);
        return study.trials().stream().map(FrozenTrial::params).collect(Collectors.toList());
    }

    @Test
    void proposesValuesInsideEveryDistribution() {
        Sampler sampler = sampler(5);
        Study study = Studies.inMemory("contract", sampler);
        for (int number = 0; number < 500; number++) {
            for (Distribution distribution : SPACE) {
                double value = sampler.sample(study, number, "k", distribution);
                assertThat(distribution.contains(value)).as("%s contains %s", distribution, value).isTrue();
            }
        }
    }

    /** A conditional space: a branch choice, then knobs of that branch only (conditional1 of the bench suite). */
    static double conditional(Trial trial) {
        String model = trial.suggestCategorical("model", List.of("A", "B"));
        if (model.equals("A")) {
            double x = trial.suggestFloat("x_a", -5, 5);
            int k = trial.suggestInt("k_a", 1, 10);
            return 1 + 0.25 * (x - 1.5) * (x - 1.5) + 0.1 * (k - 7) * (k - 7);
        }
        double y = Math.log10(trial.suggestFloat("y_b", 1e-3, 1e3, dev.tuner.core.space.Scale.LOG));
        return 3 - 3 * Math.exp(-0.5 * Math.pow((y - 1.2) / 0.5, 2));
    }

    @Test
    void proposesValuesInsideEveryDistributionWithAHistory() {
        Study study = Studies.inMemory("contract", sampler(11));
        // the study checks every proposal against its distribution and throws on a value outside
        study.optimize(trial -> {
            double sum = 0;
            for (int i = 0; i < SPACE.size(); i++) {
                Object value = trial.suggest("k" + i, SPACE.get(i));
                sum += value instanceof Number number ? Math.abs(number.doubleValue()) : value.hashCode() % 3;
            }
            return sum;
        }, 40);

        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void conditionalKnobsAreProposedOnlyWhenActive() {
        Study study = Studies.inMemory("contract", sampler(3));
        study.optimize(SamplerContractTest::conditional, 40);

        assertThat(study.trials()).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            if (trial.params().get("model").equals("A")) {
                assertThat(trial.params()).containsOnlyKeys("model", "x_a", "k_a");
            } else {
                assertThat(trial.params()).containsOnlyKeys("model", "y_b");
            }
        });
    }

    /**
     * A sampler's relative (joint) step runs when a trial starts, before the trial has chosen a
     * branch: it may propose only knobs that every finished trial held, never the knobs of a branch
     * the trial may not take. Those are proposed when the trial reads them.
     */
    @Test
    void relativeProposalsCoverOnlyKnobsThatEveryTrialHeld() {
        Sampler sampler = sampler(3);
        List<Set<String>> relative = new ArrayList<>();
        Sampler recording = new Sampler() {
            @Override
            public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
                return sampler.sample(study, trialNumber, name, distribution);
            }

            @Override
            public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
                Map<String, Suggestion> proposal = sampler.sampleRelative(study, trialNumber);
                relative.add(Set.copyOf(proposal.keySet()));
                return proposal;
            }
        };
        Study study = Studies.inMemory("contract", recording);
        study.optimize(SamplerContractTest::conditional, 40);

        assertThat(relative).hasSize(40).allSatisfy(keys -> assertThat(keys).isSubsetOf("model"));
        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void theSameSeedGivesTheSameTrials() {
        assertThat(run(sampler(42), 30)).isEqualTo(run(sampler(42), 30));
    }

    @Test
    void theSameSeedGivesTheSameTrialsWithAHistory() {
        assertThat(runConditional(sampler(42), 40)).isEqualTo(runConditional(sampler(42), 40));
    }

    static List<Map<String, Object>> runConditional(Sampler sampler, int trials) {
        Study study = Studies.inMemory("contract", sampler);
        study.optimize(SamplerContractTest::conditional, trials);
        return study.trials().stream().map(FrozenTrial::params).collect(Collectors.toList());
    }

    @Test
    void anotherSeedGivesOtherTrials() {
        List<Map<String, Object>> one = run(sampler(42), 30);
        List<Map<String, Object>> other = run(sampler(43), 30);

        for (int i = 0; i < one.size(); i++) {
            assertThat(other.get(i).get("k0")).as("trial %d", i).isNotEqualTo(one.get(i).get("k0"));
        }
    }

    @Test
    void aKnobsValueDoesNotDependOnTheOrderKnobsAreRead() {
        Study forward = Studies.inMemory("contract", sampler(7));
        Study backward = Studies.inMemory("contract", sampler(7));
        for (int i = 0; i < 20; i++) {
            Trial a = forward.ask();
            double ax = a.suggestFloat("x", 0, 1);
            int an = a.suggestInt("n", 0, 1000);
            Trial b = backward.ask();
            int bn = b.suggestInt("n", 0, 1000);
            b.suggestCategorical("extra", List.of("only read here", "or here"));
            double bx = b.suggestFloat("x", 0, 1);

            assertThat(bx).as("x of trial %d", i).isEqualTo(ax);
            assertThat(bn).as("n of trial %d", i).isEqualTo(an);
        }
    }
}
