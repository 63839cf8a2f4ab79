package dev.tuner.core.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialPruned;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest extends PrunerContractTest {

    @Override
    Pruner pruner() {
        return Pruners.create("hyperband", Map.of());
    }

    private static HyperbandPruner upTo(int maxResource) {
        return HyperbandPruner.builder().minResource(1).maxResource(maxResource).reductionFactor(3).build();
    }

    @Test
    void bracketsShareTheTrialsAsTheirBudgetsSay() {
        HyperbandPruner pruner = upTo(27);
        History history = new History(Direction.MINIMIZE, pruner);

        // rungs 1, 3, 9, 27: four brackets, with budgets ceil(4 · 3^s / (s + 1)) = 27, 12, 6, 4 for s = 3, 2, 1, 0
        assertThat(pruner.bracketCount(history.study)).hasValue(4);
        int[] counts = new int[4];
        for (int n = 0; n < 2 * 49; n++) {
            counts[pruner.bracket(history.study, n).orElseThrow()]++;
        }
        assertThat(counts).containsExactly(54, 24, 12, 8);
        // dealt in turn rather than in blocks: the first seven trials already span three brackets
        assertThat(java.util.stream.IntStream.range(0, 7).map(n -> pruner.bracket(history.study, n).orElseThrow())
                .distinct().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTrialsSamplerGroupIsItsBracketForEver() {
        HyperbandPruner pruner = upTo(27);
        History history = new History(Direction.MINIMIZE, pruner);

        for (int n = 0; n < 60; n++) {
            TrialGroup group = pruner.samplerGroup(history.study, n).orElseThrow();
            assertThat(group.contains(n)).isTrue();
            assertThat(group).isEqualTo(pruner.samplerGroup(history.study, n).orElseThrow());
            for (int m = 0; m < 60; m++) {
                assertThat(group.contains(m)).isEqualTo(pruner.bracket(history.study, m).equals(pruner.bracket(history.study, n)));
            }
        }
    }

    /** A new trial that reported {@code value} at steps 0 and 1, whatever its bracket gives. */
    private static int reached(History history, HyperbandPruner pruner, int wantedBracket, double value, double other) {
        int number = history.running();
        boolean inBracket = pruner.bracket(history.study, number).orElseThrow() == wantedBracket;
        history.report(number, 0, 0).report(number, 1, inBracket ? value : other);
        return number;
    }

    @Test
    void aTrialCompetesOnlyWithTheTrialsOfItsBracket() {
        HyperbandPruner pruner = upTo(9);
        History history = new History(Direction.MINIMIZE, pruner);
        // trials of bracket 0 reach rung 1 with 5, those of the other brackets with 1 (much better)
        for (int i = 0; i < 17; i++) {
            reached(history, pruner, 0, 5, 1);
        }
        int mine = nextIn(history, pruner, 0);
        history.report(mine, 0, 0).report(mine, 1, 4);

        assertThat(history.prune(mine)).isFalse();
        assertThat(new SuccessiveHalvingPruner(1, 3, 0, 0).prune(history.study, history.trial(mine))).isTrue();
        int worse = nextIn(history, pruner, 0);
        assertThat(history.report(worse, 0, 0).report(worse, 1, 6).prune(worse)).isTrue();
    }

    /** Creates trials until one is in {@code bracket}, leaving the others without reports; returns that one. */
    private static int nextIn(History history, HyperbandPruner pruner, int bracket) {
        while (true) {
            int number = history.running();
            if (pruner.bracket(history.study, number).orElseThrow() == bracket) {
                return number;
            }
        }
    }

    @Test
    void theMostCautiousBracketJudgesOnlyAtItsFirstRung() {
        HyperbandPruner pruner = upTo(9);
        History history = new History(Direction.MINIMIZE, pruner);
        int leader = nextIn(history, pruner, 2);
        for (int step = 0; step <= 9; step++) {
            history.report(leader, step, 0);
        }
        int cautious = nextIn(history, pruner, 2);
        StringBuilder judged = new StringBuilder();
        for (int step = 0; step <= 9; step++) {
            judged.append(history.report(cautious, step, 5).prune(cautious) ? "x" : ".");
        }

        assertThat(judged).hasToString(".........x");
    }

    @Test
    void anAutomaticMaxResourceIsTheStepsOfTheFirstCompletedTrial() {
        HyperbandPruner pruner = HyperbandPruner.builder().build();
        History history = new History(Direction.MINIMIZE, pruner);
        int trial = history.running(9, 9, 9);

        assertThat(pruner.samplerGroup(history.study, trial)).isEmpty();
        assertThat(history.prune(trial)).isFalse();
        history.complete(new double[27]); // steps 0..26: max resource 27, rungs 1, 3, 9, 27
        assertThat(pruner.bracketCount(history.study)).hasValue(4);
        assertThat(pruner.samplerGroup(history.study, trial)).isPresent();
    }

    /** Draws at random; remembers, per proposal, the trial and the trial numbers its study showed. */
    private static final class Recording implements Sampler {
        final RandomSampler random = new RandomSampler(1);
        final List<int[]> proposals = new CopyOnWriteArrayList<>();

        @Override
        public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
            List<FrozenTrial> seen = study.trials();
            int[] record = new int[seen.size() + 1];
            record[0] = trialNumber;
            for (int i = 0; i < seen.size(); i++) {
                record[i + 1] = seen.get(i).number();
            }
            proposals.add(record);
            return random.sample(study, trialNumber, name, distribution);
        }
    }

    @Test
    void theSamplerSeesOnlyTheTrialsOfTheBracketOfTheTrialItProposesFor() {
        HyperbandPruner pruner = upTo(9);
        Recording sampler = new Recording();
        Study study = Studies.builder("hb", sampler).pruner(pruner).build();

        study.optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            for (int step = 0; step <= 9; step++) {
                trial.report(step, x + 1.0 / (step + 1));
                if (trial.shouldPrune()) {
                    throw new TrialPruned();
                }
            }
            return x;
        }, 40);

        assertThat(sampler.proposals).hasSize(40).allSatisfy(proposal -> {
            int bracket = pruner.bracket(study, proposal[0]).orElseThrow();
            assertThat(proposal).contains(proposal[0]);
            for (int i = 1; i < proposal.length; i++) {
                assertThat(pruner.bracket(study, proposal[i])).hasValue(bracket);
            }
        });
    }

    @Test
    void optionsComeByNameWithMessagesThatNameTheKey() {
        assertThat(Pruners.create("hyperband", Map.of("minResource", "2", "maxResource", "50", "reductionFactor", "4",
                "bootstrapCount", "1"))).hasToString(
                "HyperbandPruner[minResource=2, maxResource=50, reductionFactor=4, bootstrapCount=1]");
        assertThat(Pruners.create("hyperband", Map.of("maxResource", "auto")).toString()).contains("maxResource=auto");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("hyperband", Map.of("maxResource", "lots")))
                .withMessageContaining("tuner.hyperband.maxResource=lots is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> HyperbandPruner.builder().minResource(10).maxResource(5).build())
                .withMessageContaining("maxResource (5) must be at least minResource (10)");
    }
}
