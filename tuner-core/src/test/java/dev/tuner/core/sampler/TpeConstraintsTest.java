package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.Direction;
import dev.tuner.core.sampler.TpeHistory.ColumnKey;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Constraints in TPE: c-TPE's split per constraint, Optuna's ranking, and that both steer to the feasible region. */
class TpeConstraintsTest {

    static final Uniform X = Uniform.of(0, 100);
    static final ColumnKey X_KEY = new ColumnKey("x", X);

    final InMemoryStorage storage = new InMemoryStorage();

    TpeConstraintsTest() {
        storage.createStudy("s", Direction.MINIMIZE);
    }

    /** Trials x = 0..9 with objective x and constraint {@code limit(x)}. */
    TpeHistory history(DoubleUnaryOperator limit, boolean infeasibleLast) {
        for (int i = 0; i < 10; i++) {
            int number = storage.createTrial("s");
            storage.setParam("s", number, "x", X, i);
            storage.finishTrial("s", number, TrialState.COMPLETE,
                    TrialResult.of(new double[] {i}, Map.of("limit", limit.applyAsDouble(i))), null);
        }
        TpeHistory history = new TpeHistory(List.of(Direction.MINIMIZE), infeasibleLast);
        history.refresh(storage.trials("s"), -1);
        return history;
    }

    static double[] below(TpeHistory.Split split) {
        return Arrays.copyOf(split.below()[0], split.belowCount());
    }

    @Test
    void aConstraintsGoodGroupIsEveryFeasibleTrialWhenEnoughAreFeasible() {
        TpeSettings settings = TpeSampler.builder().seed(1).build().settings();
        TpeHistory history = history(x -> 5 - x, false);

        TpeHistory.Split split = history.constraintSplit(List.of(X_KEY), "limit", settings);

        assertThat(history.constraintNames()).containsExactly("limit");
        assertThat(below(split)).containsExactly(5, 6, 7, 8, 9);
        assertThat(split.quantile()).isEqualTo(0.5);
        // the objective's split ignores feasibility under c-TPE: the best value is infeasible x = 0
        assertThat(below(history.split(List.of(X_KEY), settings))).containsExactly(0);
    }

    @Test
    void withoutEnoughFeasibleTrialsAConstraintsGoodGroupIsTheLeastViolating() {
        TpeSettings settings = TpeSampler.builder().seed(1).gamma(0.2).build().settings();
        TpeHistory history = history(x -> 9.5 - x, false);

        TpeHistory.Split split = history.constraintSplit(List.of(X_KEY), "limit", settings);

        assertThat(below(split)).containsExactly(8, 9);
        assertThat(split.quantile()).isEqualTo(0.2);
    }

    @Test
    void rankingPutsInfeasibleTrialsBehindFeasibleOnesByViolation() {
        TpeSettings settings = TpeSampler.builder().seed(1).constraints("rank").gamma(0.2).build().settings();
        TpeHistory history = history(x -> 5 - x, true);

        assertThat(below(history.split(List.of(X_KEY), settings))).containsExactly(5, 6);
    }

    @Test
    void anUnknownConstraintRuleIsRefusedNamingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> TpeSampler.builder().options(Map.of("constraints", "skip")))
                .withMessage("TPE option 'constraints' must be ctpe or rank, but it is 'skip'");
    }

    /**
     * Minimizes x + y on [0, 1]² subject to x ≥ 0.7, for 60 trials: the sampler {@code rule} names
     * (c-TPE, Optuna's ranking, or TPE that does not see the constraint).
     */
    static List<FrozenTrial> constrainedStudy(String rule, long seed) {
        Sampler sampler = rule.equals("blind")
                ? withoutConstraints(new TpeSampler(seed))
                : TpeSampler.builder().seed(seed).constraints(rule).build();
        Study study = Studies.builder("c", sampler).build();
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            double y = trial.suggestFloat("y", 0, 1);
            trial.constrain("x at least 0.7", 0.7 - x);
            return x + y;
        }, 60);
        return study.trials();
    }

    static long feasibleLaterTrials(String rule, long seed) {
        return constrainedStudy(rule, seed).subList(20, 60).stream().filter(FrozenTrial::isFeasible).count();
    }

    @Test
    void bothRulesSteerLaterTrialsIntoTheFeasibleRegionWhichTpeBlindToTheConstraintLeaves() {
        for (long seed = 0; seed < 3; seed++) {
            // unconstrained, TPE heads for x = 0, where every trial is infeasible: 1 to 3 of these 40 are feasible
            assertThat(feasibleLaterTrials("blind", seed)).as("blind, seed %d", seed).isLessThan(8);
            // both rules keep about half of them feasible, by the boundary x = 0.7 where the optimum is
            assertThat(feasibleLaterTrials("ctpe", seed)).as("ctpe, seed %d", seed).isGreaterThanOrEqualTo(16);
            assertThat(feasibleLaterTrials("rank", seed)).as("rank, seed %d", seed).isGreaterThanOrEqualTo(16);
        }
    }

    /** TPE reading the study with every trial's constraints dropped: the control that shows what the rules do. */
    static Sampler withoutConstraints(Sampler inner) {
        Map<TrialHistory, TrialHistory> views = new IdentityHashMap<>();
        return new Sampler() {
            @Override
            public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
                return inner.sample(view(study), trialNumber, name, distribution);
            }

            @Override
            public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
                return inner.sampleRelative(view(study), trialNumber);
            }

            private synchronized TrialHistory view(TrialHistory study) {
                return views.computeIfAbsent(study, s -> new TrialHistory() {
                    @Override
                    public String name() {
                        return s.name();
                    }

                    @Override
                    public Direction direction() {
                        return s.direction();
                    }

                    @Override
                    public List<FrozenTrial> trials() {
                        return s.trials().stream().map(t -> new FrozenTrial(t.number(), t.state(),
                                TrialResult.of(t.values().stream().mapToDouble(v -> v).toArray(), Map.of()),
                                t.suggestions(), t.failure(), t.started(), t.finished(), t.intermediateValues(),
                                t.enqueuedValues())).toList();
                    }
                });
            }
        };
    }
}
