package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmaEsSamplerTest extends SamplerContractTest {

    @Override
    boolean modelsOneObjective() {
        return true;
    }

    @Override
    Sampler sampler(long seed) {
        return CmaEsSampler.builder().seed(seed).build();
    }

    static final int DIMS = 10;

    /** A shifted sphere on [-10, 10]^n, optimum 0 at x_i = -4 + 0.8 i, inside the box. */
    static double sphere(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += Math.pow(x[i] - shift(i), 2);
        }
        return f;
    }

    static double shift(int i) {
        return -4 + 0.8 * i;
    }

    static Study optimize(Sampler sampler, ToDoubleFunction<double[]> f, int trials, Direction direction) {
        return optimize(sampler, f, DIMS, trials, direction);
    }

    static Study optimize(Sampler sampler, ToDoubleFunction<double[]> f, int dims, int trials, Direction direction) {
        Study study = Studies.builder("cmaes", sampler).direction(direction).build();
        study.optimize(trial -> {
            double[] x = new double[dims];
            for (int i = 0; i < dims; i++) {
                x[i] = trial.suggestFloat("x" + i, -10, 10);
            }
            double value = f.applyAsDouble(x);
            return direction == Direction.MAXIMIZE ? -value : value;
        }, trials);
        return study;
    }

    static double best(Study study) {
        return Math.abs(study.bestTrial().orElseThrow().value().getAsDouble());
    }

    /** An ellipsoid of condition 10^6 (its scales 1 to 1,000 apart), optimum 0 at the sphere's. */
    static double steepEllipsoid(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += Math.pow(1e6, i / (x.length - 1.0)) * Math.pow(x[i] - shift(i), 2);
        }
        return f;
    }

    static CmaEsHistory historyOf(Study study) {
        return ((CmaEsSampler) study.sampler()).history(study);
    }

    /** Reads the ten knobs of the sphere study. */
    static double[] read(Trial trial) {
        double[] x = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            x[i] = trial.suggestFloat("x" + i, -10, 10);
        }
        return x;
    }

    @Test
    void reachesATinyGapOnATenDimensionalSphereAndBeatsRandomSearch() {
        for (long seed = 0; seed < 3; seed++) {
            double cmaes = best(optimize(sampler(seed), CmaEsSamplerTest::sphere, 500, Direction.MINIMIZE));
            double random = best(optimize(new RandomSampler(seed), CmaEsSamplerTest::sphere, 500, Direction.MINIMIZE));

            // the centre of the box is 52 from the optimum; random search's best stays near 100
            assertThat(cmaes).as("seed %d", seed).isLessThan(0.2).isLessThan(random / 300);
        }
    }

    @Test
    void learnsAnIllConditionedEllipsoid() {
        for (long seed = 0; seed < 3; seed++) {
            Study study = optimize(sampler(seed), CmaEsSamplerTest::steepEllipsoid, 4, 1500, Direction.MINIMIZE);
            double random = best(optimize(new RandomSampler(seed), CmaEsSamplerTest::steepEllipsoid, 4, 1500,
                    Direction.MINIMIZE));

            // scales 1 to 1,000 apart; the box's centre is 2.6e6 from the optimum, random search's
            // best some 3,000 (seeds 0..5 reach 2e-10 to 2e-5 by 1,500 trials, but 0.05 to 11 by 1,000)
            assertThat(best(study)).as("seed %d", seed).isLessThan(1e-3).isLessThan(random / 1e6);
        }
    }

    @Test
    void maximizesToo() {
        assertThat(best(optimize(sampler(1), CmaEsSamplerTest::sphere, 500, Direction.MAXIMIZE))).isLessThan(0.2);
    }

    @Test
    void aSequentialStudyTellsAGenerationEveryLambdaTrialsAfterTheStartup() {
        Study study = optimize(sampler(2), CmaEsSamplerTest::sphere, 205, Direction.MINIMIZE);
        study.sampler().sampleRelative(study, 205); // reads the last trial's result

        // 5 startup trials, then λ = 10: every trial is a member of a generation
        assertThat(historyOf(study).generationsTold()).isEqualTo(20);
        assertThat(historyOf(study).state().generation()).isEqualTo(20);
    }

    @Test
    void aResumedStudyOrASecondWorkerReachesTheSameStateAndProposal() {
        Storage storage = new InMemoryStorage();
        Study first = Studies.on(storage, "cmaes", sampler(4));
        first.optimize(trial -> sphere(read(trial)), 137);
        Map<String, Suggestion> next = first.sampler().sampleRelative(first, 137);

        Study resumed = Studies.on(storage, "cmaes", sampler(4));
        Map<String, Suggestion> again = resumed.sampler().sampleRelative(resumed, 137);

        assertThat(again).isEqualTo(next).hasSize(DIMS);
        assertThat(historyOf(resumed).generationsTold()).isEqualTo(historyOf(first).generationsTold()).isEqualTo(13);
        assertThat(historyOf(resumed).state().mean()).containsExactly(historyOf(first).state().mean());
    }

    @Test
    void parallelWorkersGetDistinctCandidatesAndTheGenerationWaitsForItsMembers() {
        Storage storage = new InMemoryStorage();
        Study study = Studies.on(storage, "cmaes", sampler(5));
        study.optimize(trial -> sphere(read(trial)), 5);
        List<Trial> running = new ArrayList<>();
        Set<Double> firstKnobs = new HashSet<>();
        for (int k = 0; k < 14; k++) {
            Trial trial = study.ask();
            firstKnobs.add(read(trial)[0]);
            running.add(trial);
        }
        assertThat(firstKnobs).hasSize(14);

        // finish them last to first: nothing is told while an earlier member runs
        for (int k = running.size() - 1; k >= 1; k--) {
            study.tell(running.get(k), sphere(running.get(k).params().values().stream()
                    .mapToDouble(v -> (Double) v).toArray()));
            study.sampler().sampleRelative(study, 100);
            assertThat(historyOf(study).generationsTold()).isZero();
        }
        study.tell(running.get(0), 1.0);
        study.sampler().sampleRelative(study, 100);

        // the first ten finished members make generation 0; the four extra draws are no members of generation 1
        assertThat(historyOf(study).generationsTold()).isEqualTo(1);
    }

    @Test
    void aFailedMemberIsReplacedByTheNextTrial() {
        Study study = Studies.inMemory("cmaes", sampler(6));
        study.optimize(trial -> sphere(read(trial)), 5);
        for (int k = 0; k < 10; k++) {
            Trial trial = study.ask();
            double[] x = read(trial);
            if (k == 3) {
                study.tellFailure(trial, new IllegalStateException("diverged"));
            } else {
                study.tell(trial, sphere(x));
            }
        }
        study.sampler().sampleRelative(study, 15);
        assertThat(historyOf(study).generationsTold()).isZero();

        Trial eleventh = study.ask();
        study.tell(eleventh, sphere(read(eleventh)));
        study.sampler().sampleRelative(study, 16);
        assertThat(historyOf(study).generationsTold()).isEqualTo(1);
    }

    @Test
    void aPrunedMemberCountsAsTheWorst() {
        Study study = Studies.inMemory("cmaes", sampler(6));
        study.optimize(trial -> sphere(read(trial)), 5);
        for (int k = 0; k < 10; k++) {
            Trial trial = study.ask();
            double[] x = read(trial);
            if (k == 3) {
                study.tellPruned(trial);
            } else {
                study.tell(trial, sphere(x));
            }
        }
        study.sampler().sampleRelative(study, 15);

        assertThat(historyOf(study).generationsTold()).isEqualTo(1);
    }

    @Test
    void warmStartsFromTheBestOfTheStudysEarlierTrials() {
        Storage storage = new InMemoryStorage();
        Studies.on(storage, "cmaes", 8).optimize(trial -> sphere(readTwo(trial)), 200);
        Storage copy = new InMemoryStorage();
        Studies.on(copy, "cmaes", 8).optimize(trial -> sphere(readTwo(trial)), 200);
        Study warm = Studies.on(storage, "cmaes", sampler(8));
        Study cold = Studies.on(copy, "cmaes", CmaEsSampler.builder().seed(8).warmStart(false).build());
        warm.optimize(trial -> sphere(readTwo(trial)), 6);
        cold.optimize(trial -> sphere(readTwo(trial)), 6);

        // the first generation (λ = 6): drawn near the best of the 200 random trials, or around the
        // box's centre, 5.1 from the optimum, with σ = 3.3
        assertThat(firstGenerationDistance(warm)).isLessThan(0.6 * firstGenerationDistance(cold));
        warm.sampler().sampleRelative(warm, 206);
        assertThat(historyOf(warm).generationsTold()).isEqualTo(1);
    }

    static double[] readTwo(Trial trial) {
        return new double[] {trial.suggestFloat("x0", -10, 10), trial.suggestFloat("x1", -10, 10)};
    }

    static double firstGenerationDistance(Study study) {
        double sum = 0;
        for (FrozenTrial trial : study.trials().subList(200, 206)) {
            double d0 = (Double) trial.params().get("x0") - shift(0);
            double d1 = (Double) trial.params().get("x1") - shift(1);
            sum += Math.sqrt(d0 * d0 + d1 * d1);
        }
        return sum / 6;
    }

    @Test
    void aStalledRunOnIntKnobsRestartsWithADoubledPopulation() {
        Study study = Studies.inMemory("ints", sampler(9));
        study.optimize(trial -> {
            int a = trial.suggestInt("a", 0, 3);
            int b = trial.suggestInt("b", 0, 3);
            return (a - 1) * (a - 1) + (b - 2) * (b - 2);
        }, 300);

        assertThat(historyOf(study).runIndex()).isPositive();
        assertThat(historyOf(study).state().lambda()).isEqualTo(6 << historyOf(study).runIndex());
        assertThat(best(study)).isZero();
    }

    @Test
    void leavesChoicesAndNormalKnobsToTheFallback() {
        Study study = Studies.inMemory("cmaes", sampler(10));
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", -5, 5);
            int n = trial.suggestInt("n", 1, 100, dev.tuner.core.space.Scale.LOG);
            String act = trial.suggestCategorical("act", List.of("relu", "tanh"));
            double noise = (Double) trial.suggest("noise", dev.tuner.core.space.Normal.of(0, 1));
            return x * x + Math.log(n) + (act.equals("relu") ? 0 : 1) + noise * noise;
        }, 30);

        assertThat(study.sampler().sampleRelative(study, 30)).containsOnlyKeys("n", "x");
        assertThat(historyOf(study).space().names()).containsExactly("n", "x");
    }

    @Test
    void aLaterTrialWithoutAKnobShrinksTheSpace() {
        Study study = Studies.inMemory("cmaes", sampler(11));
        study.optimize(trial -> trial.suggestFloat("x", 0, 1) + trial.suggestFloat("y", 0, 1), 20);
        study.optimize(trial -> trial.suggestFloat("x", 0, 1), 20);

        assertThat(study.sampler().sampleRelative(study, 40)).containsOnlyKeys("x");
        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void isCreatedByNameWithItsOptions() {
        Sampler sampler = Samplers.create("cmaes", 3, Map.of("populationSize", "16", "fallback", "random",
                "restarts", "false", "sigma0", "0.25", "warmStart", "false", "startupTrials", "2", "margin", "false"));

        assertThat(sampler).hasToString("CmaEsSampler[seed=3, populationSize=16, sigma0=0.25, restarts=false,"
                + " warmStart=false, margin=false, startupTrials=2, fallback=random]");
        assertThat(Samplers.names()).contains("cmaes");
    }

    @Test
    void rejectsUnknownOptionsAndBadValuesSayingWhichAndHow() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("cmaes", 1, Map.of("popsize", "8")))
                .withMessageContaining("unknown CMA-ES option 'popsize' (tuner.cmaes.popsize)")
                .withMessageContaining("populationSize");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("cmaes", 1, Map.of("populationSize", "1")))
                .withMessageContaining("populationSize must be 0 (automatic) or at least 2, but it is 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("cmaes", 1, Map.of("sigma0", "big")))
                .withMessageContaining("tuner.cmaes.sigma0=big is not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("cmaes", 1, Map.of("fallback", "gp")))
                .withMessageContaining("must be 'tpe' or 'random', but it is 'gp'");
    }

    @TempDir
    Path folder;

    @Test
    void aJournalStudyReopenedInAnotherProcessReplaysTheSameGenerations() {
        Path journal = folder.resolve("cmaes.jsonl");
        Map<String, Suggestion> next;
        int told;
        try (JournalStorage storage = JournalStorage.open(journal)) {
            Study study = Studies.on(storage, "cmaes", sampler(12));
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", 1e-3, 1e3, dev.tuner.core.space.Scale.LOG);
                int n = trial.suggestInt("n", 0, 50, 5);
                return Math.pow(Math.log10(x) - 1, 2) + Math.abs(n - 20) + sphere(read(trial));
            }, 65);
            next = study.sampler().sampleRelative(study, 65);
            told = historyOf(study).generationsTold();
        }
        try (JournalStorage reopened = JournalStorage.open(journal)) {
            Study resumed = Studies.on(reopened, "cmaes", sampler(12));

            // values went through the journal's text: the replay still recognizes every member
            assertThat(resumed.sampler().sampleRelative(resumed, 65)).isEqualTo(next);
            assertThat(historyOf(resumed).generationsTold()).isEqualTo(told).isEqualTo(5); // λ = 11 for 12 knobs
        }
    }

    @Test
    void workerThreadsSharingAStudyProposeDistinctTrialsAndAFreshReplayReachesTheirState() {
        Storage storage = new InMemoryStorage();
        Study study = Studies.on(storage, "cmaes", sampler(13));
        study.optimize(trial -> sphere(read(trial)),
                dev.tuner.core.study.OptimizeSettings.builder().budget(300).parallelism(4).build());
        study.sampler().sampleRelative(study, 300);
        Study fresh = Studies.on(storage, "cmaes", sampler(13));
        fresh.sampler().sampleRelative(fresh, 300);

        assertThat(study.trials()).hasSize(300)
                .allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(study.trials().stream().map(trial -> trial.params().get("x0")).distinct()).hasSize(300);
        // how many generations 4 threads complete depends on timing (draws made while a member runs
        // are no members); what a worker replays from the storage does not
        assertThat(historyOf(study).generationsTold()).isPositive();
        assertThat(historyOf(fresh).generationsTold()).isEqualTo(historyOf(study).generationsTold());
        assertThat(historyOf(fresh).state().mean()).containsExactly(historyOf(study).state().mean());
    }

    @Test
    void aTrialThatFinishedAfterTheRunsFirstTrialStartedIsNotInItsWarmStartForAnyWorker() {
        Storage storage = new InMemoryStorage();
        Study random = Studies.on(storage, "cmaes", new RandomSampler(14));
        random.optimize(trial -> sphere(readTwo(trial)), 25);
        Trial slow = random.ask();
        double[] slowX = readTwo(slow); // trial 25, still running in another worker

        Study study = Studies.on(storage, "cmaes", sampler(14));
        Trial first = study.ask(); // trial 26: warm from trials 0..24
        double[] firstX = readTwo(first);
        random.tell(slow, sphere(slowX)); // finishes after trial 26 started
        study.tell(first, sphere(firstX));

        Study other = Studies.on(storage, "cmaes", sampler(14));
        other.sampler().sampleRelative(other, 27);
        assertThat(historyOf(other).state()).as("a second worker's replay begins the run at trial 26").isNotNull();
        assertThat(historyOf(other).state().mean()).containsExactly(warmMean(storage, 25));
    }

    /** The first run's mean as the warm start of the first {@code count} trials gives it. */
    static double[] warmMean(Storage storage, int count) {
        CmaEsWarmStart warm = new CmaEsWarmStart(2);
        CmaEsSpace space = CmaEsSpace.of(storage.trials("cmaes").get(0));
        for (FrozenTrial trial : storage.trials("cmaes").subList(0, count)) {
            double[] internals = space.internalsOf(trial);
            warm.add(new double[] {space.unitOf(0, internals[0]), space.unitOf(1, internals[1])},
                    trial.value().getAsDouble());
        }
        return warm.start(6).mean();
    }

    /** Five reals (a sphere) and five ints 0..30 (a quadratic with its optimum 0 at 20). */
    static double mixed(Trial trial) {
        double f = 0;
        for (int i = 0; i < 5; i++) {
            f += Math.pow(trial.suggestFloat("x" + i, -10, 10) - shift(i), 2);
            f += Math.pow(trial.suggestInt("n" + i, 0, 30) - 20, 2);
        }
        return f;
    }

    static double mixedBest(Sampler sampler, int trials) {
        Study study = Studies.inMemory("cmaes", sampler);
        study.optimize(CmaEsSamplerTest::mixed, trials);
        return best(study);
    }

    @Test
    void solvesAMixedSpaceOfRealsAndInts() {
        for (long seed = 0; seed < 3; seed++) {
            // the ints must reach 20 exactly while the reals' steps shrink (seeds 0..5: 6e-6 to 1e-4)
            assertThat(mixedBest(sampler(seed), 1000)).as("seed %d", seed).isLessThan(1e-3);
        }
    }
}
