package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.Trial;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TpeSamplerTest extends SamplerContractTest {

    @Override
    Sampler sampler(long seed) {
        return TpeSampler.builder().seed(seed).multivariate(false).build();
    }

    /** The contract again, in joint mode. */
    @Nested
    class Multivariate extends SamplerContractTest {
        @Override
        Sampler sampler(long seed) {
            return TpeSampler.builder().seed(seed).multivariate(true).build();
        }
    }

    static final Objective SPHERE = trial -> {
        double x = trial.suggestFloat("x", -10, 10);
        double y = trial.suggestFloat("y", -10, 10);
        return x * x + y * y;
    };

    static double medianBest(Sampler[] samplers, Objective objective, int trials) {
        double[] best = new double[samplers.length];
        for (int s = 0; s < samplers.length; s++) {
            Study study = Studies.inMemory("contract", samplers[s]);
            study.optimize(objective, trials);
            best[s] = study.bestTrial().orElseThrow().value().getAsDouble();
        }
        Arrays.sort(best);
        return best[best.length / 2];
    }

    @Test
    void findsBetterValuesThanRandomSearchInBothModes() {
        Sampler[] random = new Sampler[5];
        Sampler[] univariate = new Sampler[5];
        Sampler[] joint = new Sampler[5];
        for (int seed = 0; seed < 5; seed++) {
            random[seed] = new RandomSampler(seed);
            univariate[seed] = TpeSampler.builder().seed(seed).multivariate(false).build();
            joint[seed] = TpeSampler.builder().seed(seed).multivariate(true).build();
        }
        double randomBest = medianBest(random, SPHERE, 60);

        assertThat(medianBest(univariate, SPHERE, 60)).isLessThan(randomBest / 10);
        assertThat(medianBest(joint, SPHERE, 60)).isLessThan(randomBest / 10);
    }

    @Test
    void maximizesWhenTheStudyDoes() {
        Study study = Studies.builder("max", new TpeSampler(1)).direction(Direction.MAXIMIZE).build();
        study.optimize(trial -> -SPHERE.evaluate(trial), 60);

        assertThat(study.bestTrial().orElseThrow().value().getAsDouble()).isGreaterThan(-1);
    }

    @Test
    void failedTrialsDoNotStopTheSearch() {
        Study study = Studies.inMemory("contract", new TpeSampler(2));
        study.optimize(trial -> {
            double value = SPHERE.evaluate(trial);
            if (trial.number() % 3 == 0) {
                throw new IllegalStateException("every third trial fails");
            }
            return value;
        }, 60);

        assertThat(study.bestTrial().orElseThrow().value().getAsDouble()).isLessThan(5);
    }

    @Test
    void proposesJointlyAtAskOnceTheStartupIsOver() {
        TpeSampler sampler = TpeSampler.builder().seed(4).multivariate(true).startupTrials(5).build();
        Study study = Studies.inMemory("contract", sampler);
        study.optimize(SPHERE, 4);
        assertThat(sampler.sampleRelative(study, 4)).isEmpty();

        study.optimize(SPHERE, 1);
        Map<String, dev.tuner.core.trial.Suggestion> proposal = sampler.sampleRelative(study, 5);
        assertThat(proposal).containsOnlyKeys("x", "y");

        Trial trial = study.ask();
        double x = trial.suggestFloat("x", -10, 10);
        assertThat(x).isEqualTo(sampler.sampleRelative(study, trial.number()).get("x").internal());
    }

    /** A study of {@code trials} trials of the conditional space, by multivariate TPE seeded 3. */
    static Study conditionalStudy(int trials) {
        Study study = Studies.inMemory("contract", TpeSampler.builder().seed(3).multivariate(true).build());
        study.optimize(SamplerContractTest::conditional, trials);
        return study;
    }

    @Test
    void aBranchsKnobsAreProposedJointlyWhenTheTrialFirstReadsOneOfThem() {
        Study kFirst = conditionalStudy(30);
        Study xFirst = conditionalStudy(30);
        TpeSampler sampler = (TpeSampler) kFirst.sampler();
        assertThat(sampler.sampleRelative(kFirst, 30)).containsOnlyKeys("model");

        Trial one = kFirst.ask();
        one.suggestCategorical("model", List.of("A", "B"));
        int k = one.suggestInt("k_a", 1, 10);
        // the branch was proposed as a whole: x_a waits for its read
        assertThat(sampler.history(kFirst).pendingTrials()).isEqualTo(1);
        double x = one.suggestFloat("x_a", -5, 5);
        assertThat(sampler.history(kFirst).pendingTrials()).isZero();

        Trial other = xFirst.ask();
        other.suggestCategorical("model", List.of("A", "B"));
        assertThat(other.suggestFloat("x_a", -5, 5)).isEqualTo(x);
        assertThat(other.suggestInt("k_a", 1, 10)).isEqualTo(k);
    }

    @Test
    void proposalsKeptForATrialAreDroppedWhenItFinishes() {
        Study study = conditionalStudy(30);
        TpeSampler sampler = (TpeSampler) study.sampler();
        Trial trial = study.ask();
        trial.suggestInt("k_a", 1, 10);
        assertThat(sampler.history(study).pendingTrials()).isEqualTo(1);

        study.tell(trial, 5);
        study.optimize(SamplerContractTest::conditional, 1);

        assertThat(sampler.history(study).pendingTrials()).isZero();
    }

    @Test
    void univariateModeKeepsNoJointProposals() {
        TpeSampler sampler = TpeSampler.builder().seed(3).multivariate(false).build();
        Study study = Studies.inMemory("contract", sampler);
        study.optimize(SamplerContractTest::conditional, 30);
        Trial trial = study.ask();
        trial.suggestInt("k_a", 1, 10);

        assertThat(sampler.history(study).pendingTrials()).isZero();
    }

    @Test
    void aKnobReadWithAnotherRangeIsDrawnOnItsOwn() {
        TpeSampler sampler = TpeSampler.builder().seed(4).multivariate(true).startupTrials(3).build();
        Study study = Studies.inMemory("contract", sampler);
        study.optimize(SPHERE, 10);

        Trial trial = study.ask();
        double x = trial.suggestFloat("x", 100, 101);

        assertThat(x).isBetween(100.0, 101.0);
    }

    @Test
    void aRunningTrialCountsAsBadForAnotherWorker() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Studies.on(storage, "liar", 5);
        study.optimize(trial -> Math.abs(trial.suggestFloat("x", -10, 10) - 3), 30);
        TpeSampler liar = TpeSampler.builder().seed(6).multivariate(false).build();
        TpeSampler honest = TpeSampler.builder().seed(6).multivariate(false).constantLiar(false).build();
        double alone = honest.sampleRelative(study, 31).get("x").internal();
        assertThat(liar.sampleRelative(study, 31).get("x").internal()).isEqualTo(alone);

        // worker A runs trial 30 at exactly the value worker B, asking for trial 31, would get
        int running = storage.createTrial("liar");
        storage.setParam("liar", running, "x", Uniform.of(-10, 10), alone);

        assertThat(honest.sampleRelative(study, 31).get("x").internal()).isEqualTo(alone);
        // with the liar, the bad density g rises at the running trial's value, so l/g falls there
        assertThat(badDensityAt(study, liar, alone)).isGreaterThan(badDensityAt(study, honest, alone));
    }

    private static double badDensityAt(Study study, TpeSampler sampler, double x) {
        TpeHistory history = new TpeHistory(study.direction());
        history.refresh(study.trials(), 31);
        TpeHistory.ColumnKey key = new TpeHistory.ColumnKey("x", Uniform.of(-10, 10));
        TpeHistory.Split split = history.split(java.util.List.of(key), sampler.settings());
        ParzenEstimator bad = ParzenEstimator.fit(new TpeParam[] {TpeParam.of(Uniform.of(-10, 10))}, split.above(),
                split.aboveCount(), split.aboveWeights(), sampler.settings());
        return bad.logPdf(new double[][] {{x}})[0];
    }

    @Test
    void optionsAreSetByName() {
        TpeSampler sampler = TpeSampler.builder().seed(1)
                .options(Map.of("multivariate", "true", "startupTrials", "7", "gamma", "0.2")).build();

        assertThat(sampler.settings().multivariate()).isTrue();
        assertThat(sampler.settings().startupTrials()).isEqualTo(7);
        assertThat(sampler.settings().gamma()).isEqualTo(0.2);
        assertThat(Samplers.create("tpe", 1, Map.of("multivariate", "true"))).isInstanceOf(TpeSampler.class);
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TpeSampler.builder().options(Map.of("multivariat", "true")))
                .withMessageContaining("unknown TPE option 'multivariat'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TpeSampler.builder().options(Map.of("multivariate", "yes")))
                .withMessageContaining("must be true or false");
        assertThatIllegalArgumentException().isThrownBy(() -> TpeSampler.builder().gamma(0));
        assertThatIllegalArgumentException().isThrownBy(() -> TpeSampler.builder().candidates(0));
    }
}
